package id.lapor.core.lifecycle;

import id.lapor.core.access.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** One row of the lifecycle table: in state {@code from}, these roles may give {@code command}, which leads to {@code to}. */
public record Transition(State from, CommandKind command, Set<Role> roles, Destination to) {
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(to, "to");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a transition needs at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** The state reached from a complaint held from {@code heldFrom}, in a unit that does or does not require approval. */
    public State next(State heldFrom, boolean unitRequiresApproval) {
        if (to instanceof Destination.To t) {
            return t.state();
        } else if (to instanceof Destination.Stay) {
            return from;
        } else if (to instanceof Destination.HeldFrom) {
            return Objects.requireNonNull(heldFrom, "a held complaint knows the state it was held from");
        } else {
            return unitRequiresApproval ? State.AWAITING_APPROVAL : State.FOLLOWED_UP;
        }
    }
}
