package id.lapor.core.port;

import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import java.util.List;

/**
 * Told of the events of each append after they were stored: a command's event, or the timers a sweep
 * fired on one complaint (several events at once). What lapor derived from an event (the routing
 * decision, the SLA clock's start, pause or resume) is not an event of its own but one of its
 * {@link RecordedEvent#effects()}; {@link RecordedEvent#events()} gives both. Runs on the caller's thread; a
 * listener that throws is logged and does not undo the command. For messages that must not be lost,
 * use the outbox, not a listener.
 */
@FunctionalInterface
public interface ComplaintListener {
    void stored(List<RecordedEvent> events);

    /**
     * The same, with the complaint as it was before the first of {@code events} (null when they create it),
     * so that a listener can tell the complaint's state at each event, where one append holds several (a
     * sweep fires all of a complaint's due timers at once). Lapor calls this one; by default it calls
     * {@link #stored(List)}.
     */
    default void stored(Complaint before, List<RecordedEvent> events) {
        stored(events);
    }
}
