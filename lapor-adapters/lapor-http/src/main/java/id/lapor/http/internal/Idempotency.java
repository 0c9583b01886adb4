package id.lapor.http.internal;

import id.lapor.http.IdempotencyStore;
import id.lapor.http.IdempotencyStore.StoredAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replays the first answer to a POST with the same {@code Idempotency-Key}. Requests with the same key
 * are serialised on this node (striped locks), so a retry racing its original waits and gets its answer.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that was replayed from the store. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int STRIPES = 64;

    private final IdempotencyStore store;
    private final Object[] locks = new Object[STRIPES];

    public Idempotency(IdempotencyStore store) {
        this.store = store;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * The request's Idempotency-Key, if any.
     *
     * @throws HttpFailure 400 when it is not 1-200 visible ASCII characters
     */
    public static Optional<String> key(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw HttpFailure.badRequest(HEADER, HEADER + " must be 1 to 200 visible ASCII characters");
        }
        return Optional.of(key);
    }

    /** A hash naming the request: what a reused key must match to be replayed. */
    public static String fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((method + " " + path + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The stored answer under {@code key} when the fingerprint matches; else runs {@code action} and
     * keeps its answer when it is {@link Answer#replayable() replayable}.
     *
     * @param reused the failure to throw when the key was first used for another request
     */
    public Answer run(String key, String fingerprint, Supplier<Answer> action, Supplier<HttpFailure> reused) {
        synchronized (locks[Math.floorMod(key.hashCode(), STRIPES)]) {
            Optional<StoredAnswer> first = store.find(key);
            if (first.isPresent()) {
                StoredAnswer s = first.get();
                if (!s.fingerprint().equals(fingerprint)) {
                    throw reused.get();
                }
                return new Answer(s.status(), s.contentType(), s.body(), s.headers(), false).withHeader(REPLAYED, "true");
            }
            Answer answer = action.get();
            if (answer.replayable()) {
                store.putIfAbsent(key, new StoredAnswer(fingerprint, answer.status(), answer.contentType(), answer.body(),
                        answer.headers()));
            }
            return answer;
        }
    }
}
