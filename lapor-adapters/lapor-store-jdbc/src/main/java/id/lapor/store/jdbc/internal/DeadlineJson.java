package id.lapor.store.jdbc.internal;

import id.lapor.core.calendar.Deadline;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON form of a {@link Deadline}. A deadline whose {@code due} is the end of its {@code lastDay} in its
 * {@code zone}, as every deadline a working calendar computes is, is the string {@code "2026-03-10 Asia/Jakarta"},
 * or {@code "2026-03-10 Asia/Jakarta provisional"}: {@code due} follows from the other two. Any other deadline is
 * the object {@code {"due":…,"lastDay":…,"zone":…}} (with {@code "provisional":true} when it is), which is also
 * how lapor wrote every deadline before; both forms are read. The string form's {@code due} is computed when
 * read, by this JVM's time-zone rules: a change of a zone's rules (none is foreseen for Indonesia's three)
 * would move it, as it would move every deadline computed from then on.
 */
final class DeadlineJson {
    private static final String PROVISIONAL = "provisional";

    private DeadlineJson() {
    }

    static void register(SimpleModule module) {
        module.addSerializer(Deadline.class, new StdSerializer<>(Deadline.class) {
            @Override
            public void serialize(Deadline d, JsonGenerator gen, SerializationContext ctxt) {
                if (endsItsLastDay(d)) {
                    gen.writeString(d.lastDay() + " " + d.zone().getId() + (d.provisional() ? " " + PROVISIONAL : ""));
                } else {
                    ctxt.writeValue(gen, new AsObject(d.due(), d.lastDay(), d.zone(), d.provisional()));
                }
            }
        });
        module.addDeserializer(Deadline.class, new StdDeserializer<>(Deadline.class) {
            @Override
            public Deadline deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.hasToken(JsonToken.VALUE_STRING)) {
                    return parse(p, p.getString());
                }
                AsObject o = ctxt.readValue(p, AsObject.class);
                String missing = o.due() == null ? "due" : o.lastDay() == null ? "lastDay" : o.zone() == null ? "zone" : null;
                if (missing != null) {
                    return ctxt.reportInputMismatch(Deadline.class, "a deadline object needs \"%s\"", missing);
                }
                return new Deadline(o.due(), o.lastDay(), o.zone(), o.provisional());
            }
        });
    }

    private static boolean endsItsLastDay(Deadline d) {
        try {
            return d.due().equals(endOf(d.lastDay(), d.zone()));
        } catch (DateTimeException e) {
            return false; // LocalDate.MAX has no next day; the object form still holds such a deadline
        }
    }

    /** As {@code WorkingCalendar.endOf}: 24:00 local time, the first instant of the next day. */
    private static Instant endOf(LocalDate lastDay, ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static Deadline parse(JsonParser p, String text) {
        String[] parts = text.split(" ", -1);
        boolean provisional = parts.length == 3 && parts[2].equals(PROVISIONAL);
        if (parts.length == 2 || provisional) {
            try {
                LocalDate lastDay = LocalDate.parse(parts[0]);
                ZoneId zone = ZoneId.of(parts[1]);
                return new Deadline(endOf(lastDay, zone), lastDay, zone, provisional);
            } catch (DateTimeException e) {
                throw malformed(p, text, e.getMessage());
            }
        }
        throw malformed(p, text, "expected \"<last day> <zone>\", optionally followed by \" " + PROVISIONAL + "\"");
    }

    private static InvalidFormatException malformed(JsonParser p, String text, String why) {
        return InvalidFormatException.from(p, "deadline \"" + text + "\" cannot be read: " + why, text, Deadline.class);
    }

    /** The object form, written by Jackson as any record is, so that it stays what earlier lapor versions wrote. */
    private record AsObject(Instant due, LocalDate lastDay, ZoneId zone, boolean provisional) {
    }
}
