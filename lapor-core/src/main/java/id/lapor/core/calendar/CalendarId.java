package id.lapor.core.calendar;

import id.lapor.core.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The id of a working calendar: 1-64 lower-case letters, digits, dots and dashes, starting with a letter or
 * digit, e.g. {@code id-national-wib} or {@code id-62.71} for Kota Palangka Raya. Every version of a calendar
 * shares its id. The constructor throws {@link InvalidValueException} for any other value.
 */
public record CalendarId(String value) implements Comparable<CalendarId> {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    public CalendarId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("calendar id '" + value
                    + "' must be 1-64 lower-case letters, digits, dots or dashes, starting with a letter or digit");
        }
    }

    public static CalendarId of(String value) {
        return new CalendarId(value);
    }

    @Override
    public int compareTo(CalendarId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
