package id.lapor.core.relay;

import id.lapor.core.notification.OutboxMessage;
import java.time.Duration;
import java.time.Instant;

/**
 * Told what became of each attempt the {@link OutboxRelay} made, e.g. to count deliveries and failures.
 * Runs on the relay's thread; a listener that throws is logged and ignored.
 */
public interface DeliveryListener {

    /** Every address of the message accepted it; {@code age} is the time since the message was written. */
    default void delivered(OutboxMessage message, int attempt, Duration age) {
    }

    /** The attempt failed; the message is tried again at {@code retryAt}. */
    default void failed(OutboxMessage message, int attempt, String error, Instant retryAt) {
    }

    /** The attempt failed and the message is parked: out of line until an operator retries it. */
    default void parked(OutboxMessage message, int attempt, String error) {
    }
}
