package id.lapor.core.calendar;

import java.time.LocalDate;

/**
 * A date outside the years a calendar covers: before its first decreed year, or past the last provisional year
 * of its horizon. Never retried: the calendar needs more data (an earlier decree, or a later one that moves the
 * horizon).
 */
public class CalendarRangeException extends CalendarException {
    private final LocalDate date;

    public CalendarRangeException(String message, LocalDate date) {
        super(message);
        this.date = date;
    }

    /** The date that fell outside the calendar. */
    public LocalDate date() {
        return date;
    }
}
