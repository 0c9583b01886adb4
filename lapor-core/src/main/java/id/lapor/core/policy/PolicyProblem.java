package id.lapor.core.policy;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One thing wrong with a policy document: where (a path such as {@code routing.rules[3].unit}, and the line
 * when the source has lines), what kind of problem, and a sentence.
 */
public record PolicyProblem(String path, OptionalInt line, ProblemKind kind, String message)
        implements Comparable<PolicyProblem> {
    public PolicyProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Line first (problems without one last), then path, then message: the order a reader goes through a file. */
    @Override
    public int compareTo(PolicyProblem o) {
        int a = line.orElse(Integer.MAX_VALUE);
        int b = o.line.orElse(Integer.MAX_VALUE);
        if (a != b) {
            return Integer.compare(a, b);
        }
        int byPath = path.compareTo(o.path);
        return byPath != 0 ? byPath : message.compareTo(o.message);
    }

    /** {@code routing.rules[3].unit (line 42): unknown unit 'dinas-x'}. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + (line.isPresent() ? " (line " + line.getAsInt() + ")" : "")
                + ": " + message;
    }
}
