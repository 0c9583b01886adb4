package id.lapor.lab;

import id.lapor.core.directory.UnitId;
import id.lapor.lab.replay.Counts;
import id.lapor.lab.replay.ResultJson;
import id.lapor.lab.replay.Summary;
import java.time.Instant;
import java.util.Map;

/** The summary as a table for people: the figures a city reports, then one row per unit. */
final class SummaryText {
    private SummaryText() {
    }

    static String render(Summary s, Instant asOf) {
        StringBuilder sb = new StringBuilder();
        Counts t = s.total();
        sb.append(String.format("policy %s, as of %s%n", s.policy().label(), asOf));
        sb.append(String.format("%,d lines: %,d replayed, %,d bad%n", s.lines(), t.received(), s.badLines().size()));
        sb.append(String.format("received %,d / completed %,d / archived %,d / in progress %,d (unrouted %,d)%n",
                t.received(), t.completed(), t.archived(), t.inProgress(), t.unrouted()));
        sb.append(String.format("on time %s (%,d of %,d stages due met), %,d escalations%n", percent(t),
                t.stagesMet(), t.stagesDue(), t.escalations()));
        sb.append(String.format("%-34s %9s %9s %9s %11s %8s %8s%n", "unit", "received", "completed", "archived",
                "in progress", "on time", "due"));
        for (Map.Entry<UnitId, Counts> e : s.units().entrySet()) {
            Counts c = e.getValue();
            sb.append(String.format("%-34s %,9d %,9d %,9d %,11d %8s %,8d%n", e.getKey(), c.received(), c.completed(),
                    c.archived(), c.inProgress(), percent(c), c.stagesDue()));
        }
        return sb.toString();
    }

    static String percent(Counts c) {
        return Double.isNaN(c.onTimeRate()) ? "-"
                : ResultJson.rate(c.onTimeRate()).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
    }
}
