package id.lapor.core.calendar;

/** Told of every version published in a {@link CalendarBook}, in order, on the publishing thread. */
@FunctionalInterface
public interface CalendarListener {
    void calendarChanged(CalendarChanged event);
}
