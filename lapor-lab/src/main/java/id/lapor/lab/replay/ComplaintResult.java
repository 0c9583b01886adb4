package id.lapor.lab.replay;

import id.lapor.core.directory.UnitId;
import id.lapor.core.routing.RoutingDecision;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One complaint replayed through a policy.
 *
 * @param owner the responsible unit, or the verifying institution when no rule routed it ({@code unrouted})
 * @param ownerZone the zone of {@code owner}: months are counted in it
 * @param completedAutomatically true when the policy's reply window closed it (no COMPLETED event recorded)
 */
public record ComplaintResult(long line, String id, String policy, RoutingDecision decision, UnitId owner,
                              ZoneId ownerZone, boolean unrouted, Instant submittedAt, Status status,
                              Optional<Instant> closedAt, boolean completedAutomatically, List<StageResult> stages,
                              List<EscalationResult> escalations) {
    public ComplaintResult {
        stages = List.copyOf(stages);
        escalations = List.copyOf(escalations);
    }

    public Optional<String> rule() {
        return decision.matchedRule().map(r -> r.name());
    }

    /** True when any obligation missed its deadline (or is open past it). */
    public boolean breached() {
        return stages.stream().anyMatch(s -> s.isObligation() && s.outcome().isBreach());
    }

    public List<StageResult> breaches() {
        return stages.stream().filter(s -> s.isObligation() && s.outcome().isBreach()).toList();
    }
}
