package id.lapor.core.sla;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One level of the escalation ladder of a stage. Level 1 is due when the stage's warning or deadline
 * ({@code on}) is reached; level n+1 is due {@code workingDaysAfterPrevious} working days after level n
 * was due (counted from that due instant, not from when a late sweep noticed it; {@code on} is ignored
 * above level 1). Each (complaint, stage instance, rule, level) fires exactly once.
 */
public record EscalationRule(String name, Stage stage, int level, Trigger on, int workingDaysAfterPrevious,
                             Set<EscalationAction> actions) {
    public EscalationRule {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("escalation rule name '" + name + "' must be 1-64 lower-case letters, digits or dashes");
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(on, "on");
        if (level < 1) {
            throw new IllegalArgumentException("escalation rule " + name + ": levels start at 1");
        }
        if (level > 1 && workingDaysAfterPrevious < 1) {
            throw new IllegalArgumentException("escalation rule " + name + ": level " + level
                    + " needs at least 1 working day after the previous level");
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("escalation rule " + name + " does nothing: give it at least one action");
        }
        actions = Set.copyOf(EnumSet.copyOf(actions));
    }
}
