package id.lapor.core.sla;

import id.lapor.core.calendar.Deadline;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happens to a complaint at a due instant unless the stage ends first: a warning, a
 * breach, one level of an escalation rule, or the automatic completion when the reply window closes.
 * {@code id} is unique per complaint and fires at most once: {@code follow_up@7/late-follow-up/1} is
 * level 1 of rule {@code late-follow-up} in the follow-up stage instance that version 7 started.
 *
 * @param rule the escalation rule's name, or null for the other kinds
 * @param level the escalation level, 0 for the other kinds
 */
public record Timer(String id, Kind kind, Deadline due, String rule, int level, Set<EscalationAction> actions) {
    public Timer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
        actions = Set.copyOf(actions);
    }

    public enum Kind {
        WARNING, BREACH, ESCALATION, AUTO_COMPLETE
    }

    /** The same timer, due at {@code newDue}. */
    public Timer movedTo(Deadline newDue) {
        return new Timer(id, kind, newDue, rule, level, actions);
    }
}
