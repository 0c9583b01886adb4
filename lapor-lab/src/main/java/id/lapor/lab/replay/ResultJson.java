package id.lapor.lab.replay;

import id.lapor.core.directory.UnitId;
import id.lapor.core.sla.EscalationAction;
import id.lapor.lab.history.BadLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;

/**
 * Writes replay results as JSON: one object per complaint (a line of the results file) and the summary. Times
 * are written in the zone of the unit they concern, with the offset, so a reader sees local office time. The
 * output depends only on the inputs: fields in a fixed order, sets sorted, rates rounded to 4 places.
 */
public final class ResultJson {
    private ResultJson() {
    }

    public static String time(Instant instant, ZoneId zone) {
        return id.lapor.lab.history.Times.format(instant, zone);
    }

    public static void writeResult(JsonGenerator g, ComplaintResult r) {
        g.writeStartObject();
        g.writeNumberProperty("line", r.line());
        g.writeStringProperty("id", r.id());
        g.writeStringProperty("policy", r.policy());
        g.writeStringProperty("unit", r.owner().value());
        g.writeBooleanProperty("unrouted", r.unrouted());
        if (r.rule().isPresent()) {
            g.writeStringProperty("rule", r.rule().get());
        } else {
            g.writeNullProperty("rule");
        }
        g.writeStringProperty("status", r.status().name());
        if (r.closedAt().isPresent()) {
            g.writeStringProperty("closedAt", time(r.closedAt().get(), r.ownerZone()));
        } else {
            g.writeNullProperty("closedAt");
        }
        g.writeBooleanProperty("completedAutomatically", r.completedAutomatically());
        g.writeArrayPropertyStart("stages");
        for (StageResult s : r.stages()) {
            writeStage(g, s);
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("breaches");
        for (StageResult s : r.breaches()) {
            g.writeStartObject();
            g.writeStringProperty("stage", s.stage().name());
            g.writeStringProperty("unit", s.unit().value());
            g.writeStringProperty("deadline", time(s.deadline().due(), s.deadline().zone()));
            if (s.end().isPresent()) {
                g.writeStringProperty("end", time(s.end().get(), s.deadline().zone()));
            } else {
                g.writeNullProperty("end");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("escalations");
        for (EscalationResult e : r.escalations()) {
            g.writeStartObject();
            g.writeStringProperty("stage", e.stage().name());
            g.writeStringProperty("unit", e.unit().value());
            g.writeStringProperty("rule", e.rule());
            g.writeNumberProperty("level", e.level());
            ZoneId zone = r.stages().stream().filter(s -> s.unit().equals(e.unit())).findFirst()
                    .map(s -> s.deadline().zone()).orElse(r.ownerZone());
            g.writeStringProperty("at", time(e.at(), zone));
            g.writeArrayPropertyStart("actions");
            for (EscalationAction a : new TreeSet<>(e.actions())) {
                g.writeString(a.name());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStage(JsonGenerator g, StageResult s) {
        ZoneId zone = s.deadline().zone();
        g.writeStartObject();
        g.writeStringProperty("stage", s.stage().name());
        g.writeStringProperty("policy", s.policy());
        g.writeStringProperty("unit", s.unit().value());
        g.writeStringProperty("calendar", s.calendar().toString());
        g.writeStringProperty("start", time(s.start(), zone));
        g.writeNumberProperty("targetDays", s.targetDays());
        g.writeNumberProperty("pausedDays", s.pausedDays());
        g.writeStringProperty("deadline", time(s.deadline().due(), zone));
        g.writeBooleanProperty("provisional", s.deadline().provisional());
        if (s.end().isPresent()) {
            g.writeStringProperty("end", time(s.end().get(), zone));
        } else {
            g.writeNullProperty("end");
        }
        g.writeStringProperty("outcome", s.outcome().name());
        g.writeEndObject();
    }

    /** The summary object: totals, bad lines, and per unit its totals and months. */
    public static void writeSummary(JsonGenerator g, Summary summary, Instant asOf) {
        g.writeStartObject();
        g.writeStringProperty("policy", summary.policy().label());
        g.writeStringProperty("asOf", asOf.toString());
        g.writeNumberProperty("lines", summary.lines());
        g.writeNumberProperty("replayed", summary.total().received());
        g.writeObjectPropertyStart("badLines");
        g.writeNumberProperty("count", summary.badLines().size());
        g.writeArrayPropertyStart("lines");
        for (BadLine b : summary.badLines()) {
            g.writeStartObject();
            g.writeNumberProperty("line", b.line());
            g.writeStringProperty("reason", b.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeName("total");
        writeCounts(g, summary.total());
        g.writeArrayPropertyStart("units");
        for (Map.Entry<UnitId, Counts> u : summary.units().entrySet()) {
            g.writeStartObject();
            g.writeStringProperty("unit", u.getKey().value());
            g.writeStringProperty("zone", summary.zoneOf(u.getKey()).getId());
            g.writeName("total");
            writeCounts(g, u.getValue());
            g.writeArrayPropertyStart("months");
            for (Map.Entry<YearMonth, Counts> m : summary.months(u.getKey()).entrySet()) {
                g.writeStartObject();
                g.writeStringProperty("month", m.getKey().toString());
                writeCountFields(g, m.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeCounts(JsonGenerator g, Counts c) {
        g.writeStartObject();
        writeCountFields(g, c);
        g.writeEndObject();
    }

    private static void writeCountFields(JsonGenerator g, Counts c) {
        g.writeNumberProperty("received", c.received());
        g.writeNumberProperty("unrouted", c.unrouted());
        g.writeNumberProperty("completed", c.completed());
        g.writeNumberProperty("archived", c.archived());
        g.writeNumberProperty("inProgress", c.inProgress());
        g.writeNumberProperty("stagesDue", c.stagesDue());
        g.writeNumberProperty("stagesMet", c.stagesMet());
        g.writeNumberProperty("escalations", c.escalations());
        if (Double.isNaN(c.onTimeRate())) {
            g.writeNullProperty("onTimeRate");
        } else {
            g.writeNumberProperty("onTimeRate", rate(c.onTimeRate()));
        }
    }

    /** A rate rounded half-up to 4 places, so that text and JSON agree. */
    public static BigDecimal rate(double rate) {
        return BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
    }
}
