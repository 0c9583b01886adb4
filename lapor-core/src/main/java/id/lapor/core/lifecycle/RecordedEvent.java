package id.lapor.core.lifecycle;

import id.lapor.core.complaint.TrackingNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as appended to a complaint's history: the complaint, its version after the event (the
 * n-th event has version n), when, by whom, the state it left the complaint in, and what happened.
 */
public record RecordedEvent(TrackingNumber complaint, long version, Instant at, ActorRef actor, State state, Event event) {
    public RecordedEvent {
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("event versions start at 1, got " + version);
        }
    }

    /** Unique across all complaints and stable: the key for outbox messages and at-least-once delivery. */
    public String id() {
        return complaint.value() + "/" + version;
    }
}
