package id.lapor.lab.replay;

import id.lapor.core.directory.UnitId;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.sla.Stage;
import java.time.Instant;
import java.util.Set;

/** An escalation the policy implies: rule {@code rule} of the ladder, due at {@code at}, on stage {@code stage}
 * owned by {@code unit}. */
public record EscalationResult(Stage stage, UnitId unit, String rule, int level, Instant at, Set<EscalationAction> actions) {
    public EscalationResult {
        actions = Set.copyOf(actions);
    }
}
