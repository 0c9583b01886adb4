package id.lapor.core.calendar;

import id.lapor.core.LaporException;

/** A calendar fault: bad calendar data, a date the calendar cannot answer for, an unknown calendar. */
public class CalendarException extends LaporException {
    public CalendarException(String message) {
        super(message);
    }

    public CalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
