package id.lapor.core.memory;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import id.lapor.core.port.DueWork;
import id.lapor.core.port.Outbox;
import id.lapor.core.port.DuplicateSubmissionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A complaint store in the heap, for tests and demos: everything is lost when the process ends. Its due
 * work is a scan: fine for thousands of complaints, not for a city's archive.
 * One lock guards all writes, so appends are atomic and versions strictly checked; reads take the
 * same lock and see a consistent complaint and history.
 */
public final class InMemoryComplaintStore implements ComplaintStore, DueWork, ComplaintSearch, Outbox {
    private final Map<TrackingNumber, Entry> complaints = new HashMap<>();
    private final Map<String, TrackingNumber> channelMessages = new HashMap<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();

    /** What became of one outbox message. */
    private static final class Delivery {
        final OutboxMessage message;
        int attempts;
        String lastError;
        Instant nextAttemptAt;
        boolean delivered;
        boolean parked;

        Delivery(OutboxMessage message) {
            this.message = message;
            this.nextAttemptAt = message.createdAt();
        }

        Pending pending() {
            return new Pending(message, attempts, Optional.ofNullable(lastError), nextAttemptAt);
        }
    }
    private final AtomicLong sequence = new AtomicLong();

    private static final class Entry {
        Complaint current;
        final List<RecordedEvent> history = new ArrayList<>();
    }

    /** Distinct values for {@link id.lapor.core.tracking.KeyedTrackingNumbers}, from 0. */
    public long nextSequence() {
        return sequence.getAndIncrement();
    }

    @Override
    public synchronized Optional<Complaint> find(TrackingNumber trackingNumber) {
        Entry e = complaints.get(trackingNumber);
        return e == null ? Optional.empty() : Optional.of(e.current);
    }

    @Override
    public synchronized List<RecordedEvent> history(TrackingNumber trackingNumber) {
        Entry e = complaints.get(trackingNumber);
        return e == null ? List.of() : List.copyOf(e.history);
    }

    @Override
    public synchronized Optional<TrackingNumber> findByChannelMessage(Channel channel, String messageId) {
        return Optional.ofNullable(channelMessages.get(key(channel, messageId)));
    }

    @Override
    public synchronized void append(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> messages) {
        ComplaintStore.checkAppend(expectedVersion, after, events, messages);
        TrackingNumber number = after.trackingNumber();
        Entry entry = complaints.get(number);
        long stored = entry == null ? 0 : entry.current.version();
        if (stored != expectedVersion) {
            throw new ConcurrentUpdateException(number, expectedVersion);
        }
        String messageKey = null;
        if (entry == null && after.channelMessageId().isPresent()) {
            messageKey = key(after.channel(), after.channelMessageId().get());
            TrackingNumber existing = channelMessages.get(messageKey);
            if (existing != null) {
                throw new DuplicateSubmissionException(after.channel(), after.channelMessageId().get(), existing);
            }
        }
        if (entry == null) {
            entry = new Entry();
            complaints.put(number, entry);
        }
        if (messageKey != null) {
            channelMessages.put(messageKey, number);
        }
        entry.history.addAll(events);
        entry.current = after;
        outbox.addAll(messages);
        for (OutboxMessage m : messages) {
            deliveries.putIfAbsent(m.id(), new Delivery(m));
        }
    }

    @Override
    public synchronized List<TrackingNumber> due(Instant now, int limit) {
        return complaints.values().stream()
                .filter(e -> e.current.nextDueAt().filter(d -> !d.isAfter(now)).isPresent())
                .sorted(Comparator.comparing((Entry e) -> e.current.nextDueAt().orElseThrow()))
                .limit(limit)
                .map(e -> e.current.trackingNumber())
                .toList();
    }

    @Override
    public synchronized List<TrackingNumber> clocksOnCalendar(String calendarId, int version, TrackingNumber after, int limit) {
        return complaints.values().stream()
                .filter(e -> e.current.clock().filter(k -> k.calendar().equals(calendarId) && k.calendarVersion() < version)
                        .isPresent())
                .map(e -> e.current.trackingNumber())
                .filter(n -> after == null || n.compareTo(after) > 0)
                .sorted()
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Complaint> search(ComplaintFilter filter, int offset, int limit) {
        return complaints.values().stream().map(e -> e.current).filter(filter::test).sorted(filter.comparator())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long count(ComplaintFilter filter) {
        return complaints.values().stream().map(e -> e.current).filter(filter::test).count();
    }

    @Override
    public synchronized List<Pending> pending(Instant now, int limit) {
        return outbox.stream().map(m -> deliveries.get(m.id())).distinct()
                .filter(d -> !d.delivered && !d.parked && !d.nextAttemptAt.isAfter(now))
                .sorted(Comparator.comparing((Delivery d) -> d.nextAttemptAt))
                .limit(limit).map(Delivery::pending).toList();
    }

    @Override
    public synchronized void delivered(String messageId, Instant at) {
        delivery(messageId).delivered = true;
    }

    @Override
    public synchronized void failed(String messageId, Instant at, String error, Optional<Instant> retryAt) {
        Delivery d = delivery(messageId);
        d.attempts++;
        d.lastError = error;
        if (retryAt.isPresent()) {
            d.nextAttemptAt = retryAt.get();
        } else {
            d.parked = true;
        }
    }

    @Override
    public synchronized List<Pending> parked(int limit) {
        return outbox.stream().map(m -> deliveries.get(m.id())).distinct().filter(d -> d.parked && !d.delivered)
                .limit(limit).map(Delivery::pending).toList();
    }

    @Override
    public synchronized long waitingCount() {
        return deliveries.values().stream().filter(d -> !d.delivered && !d.parked).count();
    }

    @Override
    public synchronized long parkedCount() {
        return deliveries.values().stream().filter(d -> d.parked && !d.delivered).count();
    }

    @Override
    public synchronized void retry(String messageId, Instant at) {
        Delivery d = delivery(messageId);
        d.parked = false;
        d.nextAttemptAt = at;
    }

    private Delivery delivery(String messageId) {
        Delivery d = deliveries.get(messageId);
        if (d == null) {
            throw new IllegalArgumentException("no outbox message " + messageId);
        }
        return d;
    }

    /** Every outbox message written so far, oldest first. */
    public synchronized List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    /** How many complaints are stored. */
    public synchronized int size() {
        return complaints.size();
    }

    private static String key(Channel channel, String messageId) {
        return channel + "\u0000" + messageId;
    }
}
