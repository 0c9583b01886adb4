package id.lapor.core.port;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where complaints live: an append-only history per complaint, its current state with a version, and
 * the outbox messages its events caused. Implementations must make {@link #append} atomic: the events,
 * the new state and the outbox messages are stored together or not at all.
 *
 * <p>The contract every implementation must pass is {@code id.lapor.testkit.ComplaintStoreContract}.
 */
public interface ComplaintStore {

    /** The complaint as it stands, or empty when no complaint has this number. */
    Optional<Complaint> find(TrackingNumber trackingNumber);

    /**
     * The complaints among {@code trackingNumbers} that exist, in no particular order. By default one
     * {@link #find} each; a store that can read them at once (one query) should, since the SLA sweep reads a
     * batch of due complaints this way.
     */
    default List<Complaint> findAll(Collection<TrackingNumber> trackingNumbers) {
        List<Complaint> found = new ArrayList<>(trackingNumbers.size());
        for (TrackingNumber n : trackingNumbers) {
            find(n).ifPresent(found::add);
        }
        return found;
    }

    /** Every event of the complaint, oldest first; empty when there is no such complaint. */
    List<RecordedEvent> history(TrackingNumber trackingNumber);

    /** The complaint created from the message a channel identified by {@code messageId}, if any. */
    Optional<TrackingNumber> findByChannelMessage(Channel channel, String messageId);

    /**
     * Appends {@code events} (versions {@code expectedVersion + 1} onwards) and stores {@code after} as the
     * current state, with the outbox messages the events caused. {@code expectedVersion} 0 creates the
     * complaint. Implementations refuse malformed appends with {@link #checkAppend} before writing anything.
     *
     * @throws IllegalArgumentException when the append is malformed ({@link #checkAppend}); nothing is written
     * @throws ConcurrentUpdateException when the stored version is not {@code expectedVersion} (another
     *     writer came first, or the complaint exists already); nothing is written. This check must be
     *     strict: {@code Lapor} decides commands on the copy it last wrote and relies on it to learn that
     *     the copy went stale.
     * @throws DuplicateSubmissionException when creating a complaint whose channel message id was already
     *     used on that channel; nothing is written
     */
    void append(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> outbox);

    /**
     * Refuses an append that no store could write correctly: no events; events of another complaint or not
     * numbered on from {@code expectedVersion}; {@code after} not at the last event's version; a message
     * about another complaint or about an event not in this append (its id, event and recipient, would
     * then not be new with the append).
     *
     * @throws IllegalArgumentException naming the first event or message at fault
     */
    static void checkAppend(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> outbox) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one event");
        }
        TrackingNumber number = after.trackingNumber();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            if (!e.complaint().equals(number) || e.version() != expectedVersion + 1 + i) {
                throw new IllegalArgumentException("event " + e.id() + " does not follow version " + (expectedVersion + i)
                        + " of complaint " + number.value());
            }
        }
        if (after.version() != expectedVersion + events.size()) {
            throw new IllegalArgumentException("complaint " + number.value() + " at version " + after.version()
                    + " does not match " + events.size() + " events after version " + expectedVersion);
        }
        for (OutboxMessage m : outbox) {
            if (!m.complaint().equals(number)) {
                throw new IllegalArgumentException("outbox message " + m.id() + " is about complaint " + m.complaint().value()
                        + ", not complaint " + number.value() + " that it is appended to");
            }
            if (events.stream().noneMatch(e -> e.id().equals(m.eventId()))) {
                throw new IllegalArgumentException("outbox message " + m.id() + " is about event " + m.eventId()
                        + ", which is not among the events appended to complaint " + number.value());
            }
        }
    }
}
