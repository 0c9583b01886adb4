package id.lapor.core.notification;

import id.lapor.core.complaint.TrackingNumber;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message owed to someone because of an event, written in the same transaction as the event and
 * delivered afterwards, at least once. {@link #id()} is the event id plus the recipient, so a receiver
 * recognises a repeated delivery. {@code topic} names what happened (e.g. {@code complaint.followed-up});
 * {@code attributes} carry what a template needs, never the reporter's personal data.
 */
public record OutboxMessage(String eventId, TrackingNumber complaint, Recipient recipient, String topic,
                            Map<String, String> attributes, Instant createdAt) {
    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(createdAt, "createdAt");
        attributes = Map.copyOf(attributes);
    }

    public String id() {
        return eventId + "#" + recipient.key();
    }
}
