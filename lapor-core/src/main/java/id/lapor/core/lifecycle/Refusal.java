package id.lapor.core.lifecycle;

import id.lapor.core.access.Role;
import java.util.Objects;

/**
 * Why a command was refused: a value the caller can inspect. {@code detail} is a sentence for people;
 * it never contains personal data.
 */
public record Refusal(Reason reason, State state, CommandKind command, Role role, String detail) {
    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Reason {
        /** No role may give this command in this state. */
        ILLEGAL_IN_STATE,
        /** The command is legal in this state, but not for this role. */
        ROLE_NOT_ALLOWED,
        /** The actor's unit does not cover this complaint. */
        OUT_OF_SCOPE,
        /** The command is legal, but a rule of the domain forbids it here (e.g. forwarding upwards, rating twice). */
        RULE
    }

    public static Refusal of(Reason reason, State state, CommandKind command, Role role, String detail) {
        return new Refusal(reason, state, command, role, detail);
    }

    /** "REPORTER may not VERIFY a complaint that is SUBMITTED: ..." */
    public String message() {
        return role + " may not " + command + " a complaint that is " + state + ": " + detail;
    }
}
