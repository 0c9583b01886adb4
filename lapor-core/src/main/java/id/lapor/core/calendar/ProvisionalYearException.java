package id.lapor.core.calendar;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A strict calendar was asked about a year whose decree is not loaded. A lenient calendar answers with computed
 * holidays and flags the result provisional instead.
 */
public class ProvisionalYearException extends CalendarException {
    private final SortedSet<Integer> years;

    public ProvisionalYearException(String message, SortedSet<Integer> years) {
        super(message);
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
    }

    /** The years with no decree that the computation needed. */
    public SortedSet<Integer> years() {
        return years;
    }
}
