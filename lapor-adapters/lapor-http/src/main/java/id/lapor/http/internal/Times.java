package id.lapor.http.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** W3C date-times (ISO 8601 with a zone offset), as GeoReport v2 requires. */
public final class Times {
    private Times() {
    }

    /** {@code 2026-03-17T10:00:00+07:00}: the instant in {@code zone}'s offset, to the second. */
    public static String w3c(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * Parses a W3C date-time with its offset ({@code 2010-01-01T00:00:00Z}, {@code 2026-03-17T10:00:00+07:00}).
     *
     * @throws HttpFailure 400 naming the field
     */
    public static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw HttpFailure.badRequest(field, field + " " + Texts.shown(text, 40)
                    + " is not a W3C date-time with a zone, such as 2010-01-01T00:00:00Z");
        }
    }
}
