package id.lapor.core.policy;

import java.util.List;
import java.util.Objects;

/** The verdict of {@link PolicyValidator#check}: a policy, or every problem that refuses it. */
public sealed interface PolicyCheck {
    /** The problems; empty for a valid policy. */
    List<PolicyProblem> problems();

    /**
     * The policy, or {@link InvalidPolicyException} listing every problem.
     *
     * @param source names the document in the message (a file name)
     */
    Policy orThrow(String source);

    record Valid(Policy policy) implements PolicyCheck {
        public Valid {
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public List<PolicyProblem> problems() {
            return List.of();
        }

        @Override
        public Policy orThrow(String source) {
            return policy;
        }
    }

    /** {@code problems} is never empty, sorted by line then path. */
    record Invalid(List<PolicyProblem> problems) implements PolicyCheck {
        public Invalid {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid policy has at least one problem");
            }
            problems = problems.stream().sorted().toList();
        }

        @Override
        public Policy orThrow(String source) {
            throw new InvalidPolicyException(source, problems);
        }
    }
}
