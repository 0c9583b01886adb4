package id.lapor.core.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The precomputed form of a calendar's covered range, so that arithmetic costs the same for 1 or 1,000 working
 * days: a prefix count of working days per day and the date of every working-day ordinal.
 *
 * <p>Days are addressed by their offset from 1 January of the first covered year. At most
 * {@link WorkingCalendar#MAX_YEARS} years (23,424 days) are covered, so offsets and counts fit in a
 * {@code char} and year indexes in a {@code byte}, which keeps the index small for the hundreds of regional
 * calendars a national deployment holds (under 20 KB of arrays for the default twelve years); years fit the bits of a
 * {@code long}.
 */
final class WorkingDayIndex {
    final int firstYear;
    final int lastYear;
    final long startEpochDay;
    final int dayCount;
    /** Working days in [start, start + offset]: the prefix count. */
    final char[] workingUpTo;
    /** Offset of the k-th working day (0-based k): the ordinal-to-date index. */
    final char[] dayOfOrdinal;
    /** Offset of 1 January of each covered year, plus one past the end. */
    final int[] yearStart;
    /** Covered-year index (0 for firstYear) of each day: a lookup, where a division would cost more. */
    final byte[] yearOfDay;
    /** Bit y set when year firstYear + y has no decree. */
    final long provisionalYears;
    /** Offset of the first day of the first provisional year, or dayCount: a fast no for most calls. */
    final int firstProvisionalDay;
    /** Declared days plus the computed days of provisional years. */
    final NavigableMap<LocalDate, NonWorkingDay> effective;
    /** Years already warned about: the warning is logged once per year, not per call. */
    final AtomicLong warnedYears = new AtomicLong();

    WorkingDayIndex(int firstYear, int lastYear, long provisionalYears, WorkWeek week,
            NavigableMap<LocalDate, NonWorkingDay> effective) {
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.provisionalYears = provisionalYears;
        this.effective = Collections.unmodifiableNavigableMap(new TreeMap<>(effective));
        LocalDate start = LocalDate.of(firstYear, 1, 1);
        this.startEpochDay = start.toEpochDay();
        this.dayCount = (int) (LocalDate.of(lastYear + 1, 1, 1).toEpochDay() - startEpochDay);

        int years = lastYear - firstYear + 1;
        this.yearStart = new int[years + 1];
        for (int y = 0; y <= years; y++) {
            yearStart[y] = (int) (LocalDate.of(firstYear + y, 1, 1).toEpochDay() - startEpochDay);
        }
        int firstProvisional = dayCount;
        if (provisionalYears != 0) {
            firstProvisional = yearStart[Long.numberOfTrailingZeros(provisionalYears)];
        }
        this.firstProvisionalDay = firstProvisional;
        this.yearOfDay = new byte[dayCount];
        for (int y = 0; y < years; y++) {
            Arrays.fill(yearOfDay, yearStart[y], yearStart[y + 1], (byte) y);
        }

        this.workingUpTo = new char[dayCount];
        char[] ordinals = new char[dayCount];
        int count = 0;
        LocalDate day = start;
        for (int i = 0; i < dayCount; i++, day = day.plusDays(1)) {
            if (week.isWorking(day.getDayOfWeek()) && !effective.containsKey(day)) {
                ordinals[count++] = (char) i;
            }
            workingUpTo[i] = (char) count;
        }
        this.dayOfOrdinal = Arrays.copyOf(ordinals, count);
    }

    int workingCount() {
        return dayOfOrdinal.length;
    }

    boolean isWorking(int offset) {
        int before = offset == 0 ? 0 : workingUpTo[offset - 1];
        return workingUpTo[offset] != before;
    }

    /** The covered-year index (0 for firstYear) of a day offset. */
    int yearIndex(int offset) {
        return yearOfDay[offset];
    }

    boolean isProvisional(int yearIndex) {
        return (provisionalYears & (1L << yearIndex)) != 0;
    }

    /** Bits a..b inclusive, 0 <= a <= b <= 63. */
    static long yearRange(int a, int b) {
        return (-1L >>> (63 - b)) & (-1L << a);
    }
}
