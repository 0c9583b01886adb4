package id.lapor.sms.kannel;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintStore;
import java.util.List;
import java.util.Optional;

/** A store whose database is down. */
final class FailingStore implements ComplaintStore {
    @Override
    public Optional<Complaint> find(TrackingNumber trackingNumber) {
        throw new IllegalStateException("database down");
    }

    @Override
    public List<RecordedEvent> history(TrackingNumber trackingNumber) {
        throw new IllegalStateException("database down");
    }

    @Override
    public Optional<TrackingNumber> findByChannelMessage(Channel channel, String messageId) {
        throw new IllegalStateException("database down");
    }

    @Override
    public void append(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> outbox) {
        throw new IllegalStateException("database down");
    }
}
