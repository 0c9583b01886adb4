package id.lapor.core.port;

import id.lapor.core.notification.OutboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The relay's side of the outbox the {@link ComplaintStore} writes: which messages wait for delivery,
 * and what became of each attempt. A message is delivered at least once; one that keeps failing is
 * parked, visible through {@link #parked}, never dropped.
 */
public interface Outbox {

    /** Messages neither delivered nor parked whose next attempt is due at {@code now}, oldest first. */
    List<Pending> pending(Instant now, int limit);

    /** The message was delivered (a repeated call is harmless). */
    void delivered(String messageId, Instant at);

    /**
     * An attempt failed with {@code error}; try again at {@code retryAt}, or park the message when it is
     * empty.
     */
    void failed(String messageId, Instant at, String error, Optional<Instant> retryAt);

    /** Parked messages, oldest first, for an operator to look at (and {@link #retry} when fixed). */
    List<Pending> parked(int limit);

    /** Puts a parked message back in line, due at {@code at}. */
    void retry(String messageId, Instant at);

    /**
     * How many messages are neither delivered nor parked, due now or waiting for a retry: the relay's
     * backlog. By default counted by reading them all; a store should count them in place, as a metrics
     * scrape asks for it often.
     */
    default long waitingCount() {
        return pending(LAST_ATTEMPT, Integer.MAX_VALUE).size();
    }

    /** How many messages are parked; by default counted by reading them all, as {@link #waitingCount}. */
    default long parkedCount() {
        return parked(Integer.MAX_VALUE).size();
    }

    /** Later than any retry is planned: what {@link #waitingCount} asks {@link #pending} for by default. */
    Instant LAST_ATTEMPT = Instant.parse("9999-12-31T00:00:00Z");

    /** A message waiting for delivery, with its attempts so far. */
    record Pending(OutboxMessage message, int attempts, Optional<String> lastError, Instant nextAttemptAt) {
        public Pending {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(lastError, "lastError");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        }
    }
}
