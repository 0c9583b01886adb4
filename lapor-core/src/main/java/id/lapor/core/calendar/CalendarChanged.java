package id.lapor.core.calendar;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A new version of a calendar was published in a {@link CalendarBook}. Deadlines computed with the old version
 * whose span touches one of {@code yearsChanged} may have moved and should be recomputed.
 *
 * @param oldVersion the version replaced, 0 when the calendar is new
 * @param yearsChanged the years whose working days, provisional status or coverage differ between the two
 *     versions, or whose days were renamed or re-attributed (every covered year when the zone or the work week
 *     changed; every covered year of a new calendar); sorted, unmodifiable; empty when the data did not change
 */
public record CalendarChanged(CalendarId id, int oldVersion, int newVersion, SortedSet<Integer> yearsChanged,
        String reason) {
    public CalendarChanged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        if (oldVersion < 0 || newVersion != oldVersion + 1) {
            throw new IllegalArgumentException("versions must go from n to n + 1, not " + oldVersion + " to "
                    + newVersion);
        }
        yearsChanged = Collections.unmodifiableSortedSet(new TreeSet<>(yearsChanged));
    }

    /** True when this is the first version of the calendar. */
    public boolean isNew() {
        return oldVersion == 0;
    }
}
