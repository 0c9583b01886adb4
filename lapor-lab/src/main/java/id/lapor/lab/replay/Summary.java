package id.lapor.lab.replay;

import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.Policy;
import id.lapor.lab.history.BadLine;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a replay: in total, per unit, and per unit and month. A complaint counts for the unit
 * responsible for it (or, unrouted, for its verifying institution); a stage counts for the unit that owned it.
 * Months are those of the submission, read in the zone of the unit counted. Bad lines are counted and kept
 * with their reasons. Not thread-safe: one per replay.
 */
public final class Summary {
    private final Policy policy;
    private final Counts total = new Counts();
    private final Map<UnitId, Counts> units = new TreeMap<>();
    private final Map<UnitId, Map<YearMonth, Counts>> months = new TreeMap<>();
    private final List<BadLine> badLines = new ArrayList<>();
    private long lines;

    /** @param policy whose directory gives each unit's zone */
    public Summary(Policy policy) {
        this.policy = policy;
    }

    public void add(ComplaintResult r) {
        lines++;
        total.addComplaint(r);
        unit(r.owner()).addComplaint(r);
        month(r.owner(), r.ownerZone(), r).addComplaint(r);
        for (StageResult s : r.stages()) {
            if (!s.isObligation()) {
                continue;
            }
            total.addStage(s);
            unit(s.unit()).addStage(s);
            month(s.unit(), zoneOf(s.unit()), r).addStage(s);
        }
        for (EscalationResult e : r.escalations()) {
            UnitId owner = e.unit();
            total.escalations++;
            unit(owner).escalations++;
            month(owner, zoneOf(owner), r).escalations++;
        }
    }

    public void addBad(BadLine bad) {
        lines++;
        badLines.add(bad);
    }

    /** Every line read: replayed and bad. */
    public long lines() {
        return lines;
    }

    public Counts total() {
        return total;
    }

    public Map<UnitId, Counts> units() {
        return Collections.unmodifiableMap(units);
    }

    public Map<YearMonth, Counts> months(UnitId unit) {
        return Collections.unmodifiableMap(months.getOrDefault(unit, Map.of()));
    }

    /** Sorted by line. */
    public List<BadLine> badLines() {
        List<BadLine> sorted = new ArrayList<>(badLines);
        Collections.sort(sorted);
        return sorted;
    }

    public Policy policy() {
        return policy;
    }

    public ZoneId zoneOf(UnitId unit) {
        return policy.directory().find(unit).map(u -> u.zone()).orElse(ZoneId.of("UTC"));
    }

    private Counts unit(UnitId unit) {
        return units.computeIfAbsent(unit, u -> new Counts());
    }

    private Counts month(UnitId unit, ZoneId zone, ComplaintResult r) {
        YearMonth m = YearMonth.from(r.submittedAt().atZone(zone));
        return months.computeIfAbsent(unit, u -> new TreeMap<>()).computeIfAbsent(m, x -> new Counts());
    }
}
