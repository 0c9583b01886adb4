package id.lapor.core.notification;

import java.util.Objects;

/**
 * One message for one address, as a {@link Courier} receives it: the outbox message (its id is the
 * idempotency key receivers see), where it goes, the rendered text, and which attempt this is (from 1).
 */
public record Delivery(OutboxMessage message, Address address, NotificationText text, int attempt) {
    public Delivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(text, "text");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
    }

    /** The outbox message id: the event id and the recipient, e.g. {@code 70674622482/3#reporter}. */
    public String messageId() {
        return message.id();
    }
}
