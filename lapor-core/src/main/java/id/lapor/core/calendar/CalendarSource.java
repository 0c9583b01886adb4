package id.lapor.core.calendar;

import id.lapor.core.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The content of one calendar file: the dated non-working days it lists and the years it decrees.
 *
 * <p>A decreed year is a year whose official decree the source carries in full: once it is loaded into a
 * calendar, that year stops being provisional. A source that decrees no year only adds days (regional
 * holidays, an amendment that adds a collective-leave day).
 *
 * @param name where the days come from (a file name, a resource), used in error messages
 * @param decreedYears the years the source decrees in full; copied, sorted
 * @param days the days, copied and sorted by date; no two on the same date, and when the source decrees any
 *     year every day lies in a decreed year; the constructor throws {@link InvalidValueException} otherwise
 */
public record CalendarSource(String name, SortedSet<Integer> decreedYears, List<NonWorkingDay> days) {
    public CalendarSource {
        Objects.requireNonNull(name, "name");
        decreedYears = Collections.unmodifiableSortedSet(new TreeSet<>(decreedYears));
        List<NonWorkingDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(NonWorkingDay::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new InvalidValueException(name + ": two non-working days on " + sorted.get(i).date());
            }
        }
        for (NonWorkingDay day : sorted) {
            if (!decreedYears.isEmpty() && !decreedYears.contains(day.date().getYear())) {
                throw new InvalidValueException(name + ": " + day.date() + " lies outside the decreed years "
                        + decreedYears);
            }
        }
        days = List.copyOf(sorted);
    }

    /** A source that decrees no year and only adds {@code days}. */
    public static CalendarSource of(String name, List<NonWorkingDay> days) {
        return new CalendarSource(name, new TreeSet<>(), days);
    }
}
