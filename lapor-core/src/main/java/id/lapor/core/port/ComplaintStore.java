package id.lapor.core.port;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
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

    /** Every event of the complaint, oldest first; empty when there is no such complaint. */
    List<RecordedEvent> history(TrackingNumber trackingNumber);

    /** The complaint created from the message a channel identified by {@code messageId}, if any. */
    Optional<TrackingNumber> findByChannelMessage(Channel channel, String messageId);

    /**
     * Appends {@code events} (versions {@code expectedVersion + 1} onwards) and stores {@code after} as the
     * current state, with the outbox messages the events caused, each about this complaint.
     * {@code expectedVersion} 0 creates the complaint.
     *
     * @throws ConcurrentUpdateException when the stored version is not {@code expectedVersion} (another
     *     writer came first, or the complaint exists already); nothing is written. This check must be
     *     strict: {@code Lapor} decides commands on the copy it last wrote and relies on it to learn that
     *     the copy went stale.
     * @throws DuplicateSubmissionException when creating a complaint whose channel message id was already
     *     used on that channel; nothing is written
     */
    void append(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> outbox);
}
