package id.lapor.core.lifecycle;

import static id.lapor.core.access.Role.LIAISON_OFFICER;
import static id.lapor.core.access.Role.REPORTER;
import static id.lapor.core.access.Role.SUPERVISOR;
import static id.lapor.core.access.Role.SYSTEM;
import static id.lapor.core.access.Role.UNIT_OPERATOR;
import static id.lapor.core.access.Role.VERIFIER;
import static id.lapor.core.lifecycle.CommandKind.APPROVE_FOLLOW_UP;
import static id.lapor.core.lifecycle.CommandKind.ARCHIVE;
import static id.lapor.core.lifecycle.CommandKind.COMPLETE;
import static id.lapor.core.lifecycle.CommandKind.ESCALATE;
import static id.lapor.core.lifecycle.CommandKind.FORWARD;
import static id.lapor.core.lifecycle.CommandKind.HOLD;
import static id.lapor.core.lifecycle.CommandKind.NOT_OUR_AUTHORITY;
import static id.lapor.core.lifecycle.CommandKind.POST_FOLLOW_UP;
import static id.lapor.core.lifecycle.CommandKind.RATE;
import static id.lapor.core.lifecycle.CommandKind.REASSIGN;
import static id.lapor.core.lifecycle.CommandKind.REPLY;
import static id.lapor.core.lifecycle.CommandKind.RESUME;
import static id.lapor.core.lifecycle.CommandKind.RETURN_FOLLOW_UP;
import static id.lapor.core.lifecycle.CommandKind.VERIFY;
import static id.lapor.core.lifecycle.State.ARCHIVED;
import static id.lapor.core.lifecycle.State.AWAITING_APPROVAL;
import static id.lapor.core.lifecycle.State.COMPLETED;
import static id.lapor.core.lifecycle.State.DISPATCHED;
import static id.lapor.core.lifecycle.State.FOLLOWED_UP;
import static id.lapor.core.lifecycle.State.ON_HOLD;
import static id.lapor.core.lifecycle.State.SUBMITTED;

import id.lapor.core.access.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle as data: every legal (state, command, role) and where it leads. Anything not in the
 * table is refused. SUBMIT creates a complaint and appears in no row: it is legal on no existing one.
 */
public final class Transitions {
    private static final Destination STAY = new Destination.Stay();
    private static final Destination HELD_FROM = new Destination.HeldFrom();
    private static final Destination APPROVAL_GATE = new Destination.ApprovalGate();

    private static final List<Transition> TABLE = List.of(
            row(SUBMITTED, VERIFY, Destination.to(DISPATCHED), VERIFIER),
            row(SUBMITTED, HOLD, Destination.to(ON_HOLD), VERIFIER),
            row(SUBMITTED, NOT_OUR_AUTHORITY, STAY, VERIFIER),
            row(SUBMITTED, ARCHIVE, Destination.to(ARCHIVED), VERIFIER),
            row(SUBMITTED, REPLY, STAY, REPORTER),
            row(SUBMITTED, ESCALATE, STAY, SYSTEM),

            row(ON_HOLD, RESUME, HELD_FROM, VERIFIER, UNIT_OPERATOR),
            row(ON_HOLD, REPLY, HELD_FROM, REPORTER),
            row(ON_HOLD, ARCHIVE, Destination.to(ARCHIVED), VERIFIER),

            row(DISPATCHED, HOLD, Destination.to(ON_HOLD), UNIT_OPERATOR),
            row(DISPATCHED, NOT_OUR_AUTHORITY, Destination.to(SUBMITTED), UNIT_OPERATOR, LIAISON_OFFICER),
            row(DISPATCHED, FORWARD, STAY, UNIT_OPERATOR, LIAISON_OFFICER),
            row(DISPATCHED, REASSIGN, STAY, VERIFIER, SUPERVISOR),
            row(DISPATCHED, POST_FOLLOW_UP, APPROVAL_GATE, UNIT_OPERATOR),
            row(DISPATCHED, POST_FOLLOW_UP, Destination.to(FOLLOWED_UP), LIAISON_OFFICER),
            row(DISPATCHED, REPLY, STAY, REPORTER),
            row(DISPATCHED, ESCALATE, STAY, SYSTEM, SUPERVISOR),

            row(AWAITING_APPROVAL, APPROVE_FOLLOW_UP, Destination.to(FOLLOWED_UP), LIAISON_OFFICER),
            row(AWAITING_APPROVAL, RETURN_FOLLOW_UP, Destination.to(DISPATCHED), LIAISON_OFFICER),
            row(AWAITING_APPROVAL, REPLY, STAY, REPORTER),
            row(AWAITING_APPROVAL, ESCALATE, STAY, SYSTEM, SUPERVISOR),

            row(FOLLOWED_UP, REPLY, Destination.to(DISPATCHED), REPORTER),
            row(FOLLOWED_UP, RATE, STAY, REPORTER),
            row(FOLLOWED_UP, COMPLETE, Destination.to(COMPLETED), REPORTER, VERIFIER, SYSTEM),

            row(COMPLETED, RATE, STAY, REPORTER));

    private Transitions() {
    }

    private static Transition row(State from, CommandKind command, Destination to, Role... roles) {
        return new Transition(from, command, EnumSet.copyOf(List.of(roles)), to);
    }

    /** Every row, in the order written. */
    public static List<Transition> table() {
        return TABLE;
    }

    /** The row that lets {@code role} give {@code command} in {@code state}, if any. */
    public static Optional<Transition> find(State state, CommandKind command, Role role) {
        for (Transition t : TABLE) {
            if (t.from() == state && t.command() == command && t.roles().contains(role)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True when some role may give {@code command} in {@code state}. */
    public static boolean isLegal(State state, CommandKind command) {
        return TABLE.stream().anyMatch(t -> t.from() == state && t.command() == command);
    }

    /** The commands {@code role} may give in {@code state}: what an officer's screen offers. */
    public static Set<CommandKind> available(State state, Role role) {
        Set<CommandKind> kinds = new LinkedHashSet<>();
        for (Transition t : TABLE) {
            if (t.from() == state && t.roles().contains(role)) {
                kinds.add(t.command());
            }
        }
        return kinds;
    }

    /**
     * The table as a Mermaid state diagram, one edge per (from, to, command) with the roles allowed.
     * "Held from" edges are drawn to every state a complaint can be held from.
     */
    public static String mermaid() {
        Set<State> holdable = EnumSet.noneOf(State.class);
        for (Transition t : TABLE) {
            if (t.to() instanceof Destination.To to && to.state() == ON_HOLD) {
                holdable.add(t.from());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("stateDiagram-v2");
        lines.add("    [*] --> SUBMITTED: SUBMIT");
        for (Transition t : TABLE) {
            Set<State> targets = EnumSet.noneOf(State.class);
            if (t.to() instanceof Destination.HeldFrom) {
                targets.addAll(holdable);
            } else if (t.to() instanceof Destination.ApprovalGate) {
                targets.add(AWAITING_APPROVAL);
                targets.add(FOLLOWED_UP);
            } else {
                targets.add(t.next(null, false));
            }
            for (State target : targets) {
                lines.add("    " + t.from() + " --> " + target + ": " + t.command() + " " + roles(t.roles()));
            }
        }
        lines.add("    COMPLETED --> [*]");
        lines.add("    ARCHIVED --> [*]");
        return String.join("\n", lines) + "\n";
    }

    private static String roles(Set<Role> roles) {
        List<String> names = new ArrayList<>();
        for (Role r : roles) {
            names.add(r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return "(" + String.join(", ", names) + ")";
    }
}
