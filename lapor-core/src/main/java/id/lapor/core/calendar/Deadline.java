package id.lapor.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The end of a span of working days: {@code due} is 24:00 local time at the end of {@code lastDay} in
 * {@code zone}, i.e. the first instant of the following day. Something done before {@code due} is on time.
 *
 * @param provisional true when a year without a loaded decree was used to compute it: the date may move once
 *     that decree is published
 */
public record Deadline(Instant due, LocalDate lastDay, ZoneId zone, boolean provisional) {
    public Deadline {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(zone, "zone");
    }

    /** True when {@code now} is at or after {@code due}. */
    public boolean isOverdueAt(Instant now) {
        return !now.isBefore(due);
    }
}
