package id.lapor.core.complaint;

import id.lapor.core.InvalidValueException;
import java.util.regex.Pattern;

/** The id of a category in the {@link CategoryCatalogue}: lower-case letters, digits and dashes. */
public record CategoryId(String value) implements Comparable<CategoryId> {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public CategoryId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("category id '" + value
                    + "' must be 1-64 lower-case letters, digits or dashes, starting with a letter or digit");
        }
    }

    public static CategoryId of(String value) {
        return new CategoryId(value);
    }

    @Override
    public int compareTo(CategoryId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
