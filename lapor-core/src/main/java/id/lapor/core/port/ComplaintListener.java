package id.lapor.core.port;

import id.lapor.core.lifecycle.RecordedEvent;
import java.util.List;

/**
 * Told of the events of each accepted command after they were stored. Runs on the caller's thread; a
 * listener that throws is logged and does not undo the command. For messages that must not be lost,
 * use the outbox, not a listener.
 */
@FunctionalInterface
public interface ComplaintListener {
    void stored(List<RecordedEvent> events);
}
