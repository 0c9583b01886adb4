package id.lapor.core.policy;

import id.lapor.core.LaporException;
import java.util.List;

/** A policy refused whole: every problem found, in the order a reader goes through the source. */
public class InvalidPolicyException extends LaporException {
    private final transient List<PolicyProblem> problems;

    public InvalidPolicyException(String source, List<PolicyProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String message(String source, List<PolicyProblem> problems) {
        StringBuilder sb = new StringBuilder("policy ").append(source).append(" is refused: ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (PolicyProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
