package id.lapor.core.policy;

import id.lapor.core.calendar.CalendarId;
import java.util.Objects;

/** A calendar named by a policy: an id and the version published in the {@link id.lapor.core.calendar.CalendarBook}. */
public record CalendarRef(CalendarId id, int version) {
    public CalendarRef {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("calendar versions start at 1, got " + version);
        }
    }

    /** {@code id-national-wib@1}. */
    @Override
    public String toString() {
        return id + "@" + version;
    }
}
