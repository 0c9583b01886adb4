package id.lapor.core;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.lifecycle.State;
import java.util.List;

/**
 * What became of a command on an existing complaint. Only {@link Accepted} stored anything.
 * Consume with {@code instanceof} patterns, or {@link #orElseThrow()} where anything but acceptance is a bug.
 */
public sealed interface Outcome {

    /** Stored: the complaint is now at {@code version} in {@code state}, and {@code event} is its newest event. */
    record Accepted(TrackingNumber trackingNumber, long version, State state, Event event) implements Outcome {
    }

    /** The lifecycle refused the command: see {@link Refusal#reason()}. */
    record Refused(Refusal refusal) implements Outcome {
    }

    /** The command broke its constraints; every field at fault is listed. */
    record Invalid(List<Violation> violations) implements Outcome {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** Another writer changed the complaint after {@code expectedVersion}; read it again and decide anew. */
    record Conflict(TrackingNumber trackingNumber, long expectedVersion) implements Outcome {
    }

    /** No complaint with this number that the actor may see. */
    record NotFound(TrackingNumber trackingNumber) implements Outcome {
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** @throws LaporException describing the outcome unless it is {@link Accepted} */
    default Accepted orElseThrow() {
        if (this instanceof Accepted a) {
            return a;
        } else if (this instanceof Refused r) {
            throw new LaporException("refused: " + r.refusal().message());
        } else if (this instanceof Invalid i) {
            throw new LaporException("invalid command: " + i.violations());
        } else if (this instanceof Conflict c) {
            throw new LaporException("conflict: complaint " + c.trackingNumber() + " changed after version " + c.expectedVersion());
        }
        throw new LaporException("complaint " + ((NotFound) this).trackingNumber() + " not found");
    }
}
