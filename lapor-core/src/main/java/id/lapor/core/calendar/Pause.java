package id.lapor.core.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A stopped SLA clock (a report on hold, waiting for the reporter) measured in working days: those from the day
 * after {@code from}'s local date to {@code to}'s local date inclusive. A deadline moves by that many working
 * days ({@link WorkingCalendar#extend(Deadline, Pause)}). A pause that starts and ends on the same local day is 0.
 *
 * @param provisional true when a year without a loaded decree was used to count
 */
public record Pause(Instant from, Instant to, int workingDays, boolean provisional) {
    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
        }
        if (workingDays < 0) {
            throw new IllegalArgumentException("a pause cannot last " + workingDays + " working days");
        }
    }
}
