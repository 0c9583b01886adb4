package id.lapor.lab.replay;

import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.Policy;
import id.lapor.core.sla.Stage;
import id.lapor.lab.history.BadLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same history through two policies, complaint by complaint: which complaints change unit, which newly
 * breach a deadline or stop breaching, and how each unit's on-time rate changes. Feed it the two results of
 * each line ({@link #add}), or the line's bad verdict ({@link #addBad}); read it when done.
 */
public final class PolicyDiff {
    private final Summary before;
    private final Summary after;
    private final List<Move> moves = new ArrayList<>();
    private final List<BreachChange> newlyBreached = new ArrayList<>();
    private final List<BreachChange> noLongerBreached = new ArrayList<>();
    private long compared;

    /** A complaint that changes unit (a queue counts as its verifying institution, flagged). */
    public record Move(long line, String id, UnitId from, boolean fromUnrouted, Optional<String> ruleBefore,
                       UnitId to, boolean toUnrouted, Optional<String> ruleAfter) {
    }

    /** A complaint whose breaches differ; {@code stages} are the stages breached under the policy that breaches. */
    public record BreachChange(long line, String id, UnitId unitBefore, UnitId unitAfter, List<Stage> stages) {
        public BreachChange {
            stages = List.copyOf(stages);
        }
    }

    /** A unit's on-time rate under both policies; NaN where it had no stage due. */
    public record RateChange(UnitId unit, double before, double after) {
        /** after - before; NaN when either is. */
        public double change() {
            return after - before;
        }
    }

    public PolicyDiff(Policy before, Policy after) {
        this.before = new Summary(before);
        this.after = new Summary(after);
    }

    public void add(ComplaintResult a, ComplaintResult b) {
        compared++;
        before.add(a);
        after.add(b);
        if (!a.owner().equals(b.owner()) || a.unrouted() != b.unrouted()) {
            moves.add(new Move(a.line(), a.id(), a.owner(), a.unrouted(), a.rule(), b.owner(), b.unrouted(), b.rule()));
        }
        if (!a.breached() && b.breached()) {
            newlyBreached.add(new BreachChange(a.line(), a.id(), a.owner(), b.owner(), stages(b)));
        } else if (a.breached() && !b.breached()) {
            noLongerBreached.add(new BreachChange(a.line(), a.id(), a.owner(), b.owner(), stages(a)));
        }
    }

    /** A line bad under either policy: counted once in both summaries. */
    public void addBad(BadLine bad) {
        before.addBad(bad);
        after.addBad(bad);
    }

    public long compared() {
        return compared;
    }

    public List<Move> moves() {
        return Collections.unmodifiableList(moves);
    }

    public List<BreachChange> newlyBreached() {
        return Collections.unmodifiableList(newlyBreached);
    }

    public List<BreachChange> noLongerBreached() {
        return Collections.unmodifiableList(noLongerBreached);
    }

    public Summary before() {
        return before;
    }

    public Summary after() {
        return after;
    }

    /** Every unit counted under either policy, by id, with its rates; also units whose rate did not change. */
    public List<RateChange> rates() {
        Set<UnitId> units = new TreeSet<>(before.units().keySet());
        units.addAll(after.units().keySet());
        List<RateChange> out = new ArrayList<>();
        for (UnitId u : units) {
            double a = Optional.ofNullable(before.units().get(u)).map(Counts::onTimeRate).orElse(Double.NaN);
            double b = Optional.ofNullable(after.units().get(u)).map(Counts::onTimeRate).orElse(Double.NaN);
            out.add(new RateChange(u, a, b));
        }
        return out;
    }

    private static List<Stage> stages(ComplaintResult r) {
        return r.breaches().stream().map(StageResult::stage).toList();
    }
}
