package id.lapor.testkit;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that counts what a {@code Lapor} asks of the store it wraps: reads of a complaint, appends, and
 * the appends refused because another writer came first. Thread-safe as the wrapped store is.
 */
public final class CountingStore implements ComplaintStore {
    /** Calls of {@link #find}. */
    public final AtomicInteger finds = new AtomicInteger();
    /** Calls of {@link #findAll}. */
    public final AtomicInteger batchReads = new AtomicInteger();
    /** Calls of {@link #append}, refused or not. */
    public final AtomicInteger appends = new AtomicInteger();
    /** Appends refused with a {@link ConcurrentUpdateException}. */
    public final AtomicInteger refused = new AtomicInteger();
    /** Run after each {@link #findAll} has read, before it answers: a test's other writer, racing the batch. */
    public volatile Runnable afterFindAll = () -> { };
    private final ComplaintStore delegate;

    public CountingStore(ComplaintStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<Complaint> find(TrackingNumber trackingNumber) {
        finds.incrementAndGet();
        return delegate.find(trackingNumber);
    }

    @Override
    public List<Complaint> findAll(Collection<TrackingNumber> trackingNumbers) {
        batchReads.incrementAndGet();
        List<Complaint> found = delegate.findAll(trackingNumbers);
        afterFindAll.run();
        return found;
    }

    @Override
    public List<RecordedEvent> history(TrackingNumber trackingNumber) {
        return delegate.history(trackingNumber);
    }

    @Override
    public Optional<TrackingNumber> findByChannelMessage(Channel channel, String messageId) {
        return delegate.findByChannelMessage(channel, messageId);
    }

    @Override
    public void append(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> outbox) {
        appends.incrementAndGet();
        try {
            delegate.append(expectedVersion, after, events, outbox);
        } catch (ConcurrentUpdateException e) {
            refused.incrementAndGet();
            throw e;
        }
    }
}
