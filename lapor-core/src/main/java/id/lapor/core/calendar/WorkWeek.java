package id.lapor.core.calendar;

import id.lapor.core.InvalidValueException;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The days of the week on which offices work, before dated holidays are taken out.
 *
 * @param workingDays at least one day; copied, unmodifiable
 */
public record WorkWeek(Set<DayOfWeek> workingDays) {
    /** The Indonesian government working week. */
    public static final WorkWeek MONDAY_TO_FRIDAY = of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public WorkWeek {
        Objects.requireNonNull(workingDays, "workingDays");
        if (workingDays.isEmpty()) {
            throw new InvalidValueException("a work week needs at least one working day");
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
    }

    public static WorkWeek of(DayOfWeek first, DayOfWeek... more) {
        return new WorkWeek(EnumSet.of(first, more));
    }

    public boolean isWorking(DayOfWeek day) {
        return workingDays.contains(day);
    }
}
