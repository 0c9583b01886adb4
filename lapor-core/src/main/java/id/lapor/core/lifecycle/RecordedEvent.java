package id.lapor.core.lifecycle;

import id.lapor.core.complaint.TrackingNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event as appended to a complaint's history: the complaint, its version after the event (the
 * n-th event has version n), when, by whom, the state it left the complaint in, and what happened,
 * with its effects: what lapor's own rules derived from it at the same instant, recorded with it
 * because they depend on the rules, calendars and policy of that instant. An effect is the routing
 * decision after a submission or a return ({@link Event.Routed}) or the SLA clock's change ({@link
 * Event.ClockStarted}, {@link Event.ClockPaused}, {@link Event.ClockResumed}); effects apply after the
 * event, in order, and share its version.
 */
public record RecordedEvent(TrackingNumber complaint, long version, Instant at, ActorRef actor, State state, Event event,
                            List<Event> effects) {
    public RecordedEvent {
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("event versions start at 1, got " + version);
        }
        effects = List.copyOf(effects);
        for (Event effect : effects) {
            if (!isEffect(effect)) {
                throw new IllegalArgumentException(effect.getClass().getSimpleName() + " is an event of its own, not an effect"
                        + " of " + event.getClass().getSimpleName() + " (effects: Routed, ClockStarted, ClockPaused, ClockResumed)");
            }
        }
    }

    /** An event without effects. */
    public RecordedEvent(TrackingNumber complaint, long version, Instant at, ActorRef actor, State state, Event event) {
        this(complaint, version, at, actor, state, event, List.of());
    }

    /** Whether {@code event} may be recorded as an effect of another. */
    public static boolean isEffect(Event event) {
        return event instanceof Event.Routed || event instanceof Event.ClockStarted || event instanceof Event.ClockPaused
                || event instanceof Event.ClockResumed;
    }

    /** This event with {@code effects} in place of its own. */
    public RecordedEvent withEffects(List<Event> effects) {
        return new RecordedEvent(complaint, version, at, actor, state, event, effects);
    }

    /** The event, then its effects: everything this record changes, in the order it applies. */
    public List<Event> events() {
        if (effects.isEmpty()) {
            return List.of(event);
        }
        List<Event> all = new ArrayList<>(1 + effects.size());
        all.add(event);
        all.addAll(effects);
        return all;
    }

    /** Unique across all complaints and stable: the key for outbox messages and at-least-once delivery. */
    public String id() {
        return complaint.value() + "/" + version;
    }
}
