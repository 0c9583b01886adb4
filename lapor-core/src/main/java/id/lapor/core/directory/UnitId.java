package id.lapor.core.directory;

import id.lapor.core.InvalidValueException;
import java.util.regex.Pattern;

/** The id of an institution or unit in the {@link Directory}: lower-case letters, digits, dots and dashes. */
public record UnitId(String value) implements Comparable<UnitId> {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9.-]{0,79}");

    public UnitId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("unit id '" + value
                    + "' must be 1-80 lower-case letters, digits, dots or dashes, starting with a letter or digit");
        }
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public int compareTo(UnitId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
