package id.lapor.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first answers to POSTs that carried an {@code Idempotency-Key}, so that a retry gets the same
 * answer instead of a second complaint or a second command. Keys are made by the servlets from the
 * caller, the path and the header; entries may be dropped when old (a retry after that is answered
 * anew, and lapor itself still refuses a duplicate submission by its channel message id).
 * Implementations must be thread-safe. {@link InMemoryIdempotencyStore} keeps a bounded number in the heap.
 */
public interface IdempotencyStore {

    /** The answer first given under {@code key}, if still kept. */
    Optional<StoredAnswer> find(String key);

    /** Keeps {@code answer} under {@code key}, unless an answer is kept there already. */
    void putIfAbsent(String key, StoredAnswer answer);

    /**
     * An answer as first given. {@code fingerprint} identifies the request it answered (a hash of its
     * body and query), so a key reused for a different request is refused rather than replayed.
     */
    record StoredAnswer(String fingerprint, int status, String contentType, byte[] body, Map<String, String> headers) {
        public StoredAnswer {
            Objects.requireNonNull(fingerprint, "fingerprint");
            body = body.clone();
            headers = Map.copyOf(headers);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }
}
