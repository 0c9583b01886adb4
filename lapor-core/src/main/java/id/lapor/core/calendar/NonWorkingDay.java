package id.lapor.core.calendar;

import id.lapor.core.InvalidValueException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated day on which the calendar's offices do not work, with the act it comes from.
 *
 * <p>Name and decree are non-blank single-line texts without {@code |}, so that every day can be written back
 * in the {@linkplain CalendarFormat line format}; the constructor throws {@link InvalidValueException} otherwise
 * and {@link NullPointerException} for a null component.
 *
 * @param decree the act that declares the day, described in words when its number is not known for sure
 */
public record NonWorkingDay(LocalDate date, DayKind kind, String name, String decree) {
    public NonWorkingDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        requireText("name", name, date);
        requireText("decree", decree, date);
        name = name.strip();
        decree = decree.strip();
    }

    private static void requireText(String what, String text, LocalDate date) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new InvalidValueException(what + " of non-working day " + date + " is blank");
        }
        if (text.indexOf('|') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new InvalidValueException(what + " of non-working day " + date
                    + " must be one line without '|': " + text);
        }
    }
}
