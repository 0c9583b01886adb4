package id.lapor.lab.history;

import java.time.ZoneId;
import tools.jackson.core.JsonGenerator;

/** Writes a {@link HistoryLine} in the history format, times with the offset of {@code zone}. */
public final class HistoryWriter {
    private HistoryWriter() {
    }

    public static void write(JsonGenerator g, HistoryLine h, ZoneId zone) {
        g.writeStartObject();
        g.writeStringProperty("id", h.id());
        g.writeStringProperty("kind", h.kind().name());
        g.writeStringProperty("channel", h.channel().name());
        g.writeStringProperty("submittedAt", time(h.submittedAt(), zone));
        if (h.category().isPresent()) {
            g.writeStringProperty("category", h.category().get().value());
        }
        g.writeStringProperty("region", h.region().value());
        g.writeStringProperty("title", h.title());
        g.writeStringProperty("body", h.body());
        if (h.institution().isPresent()) {
            g.writeStringProperty("institution", h.institution().get().value());
        }
        if (h.weight().isPresent()) {
            g.writeStringProperty("weight", h.weight().get().name());
        }
        g.writeArrayPropertyStart("events");
        for (HistoryEvent e : h.events()) {
            g.writeStartObject();
            g.writeStringProperty("type", e.type().name());
            g.writeStringProperty("at", time(e.at(), zone));
            if (e.unit().isPresent()) {
                g.writeStringProperty("unit", e.unit().get().value());
            }
            if (!e.note().isEmpty()) {
                g.writeStringProperty("note", e.note());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String time(java.time.Instant instant, ZoneId zone) {
        return Times.format(instant, zone);
    }
}
