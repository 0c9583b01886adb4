package id.lapor.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link IdempotencyStore} in the heap, for one node: at most {@code maxEntries} answers, each kept
 * for {@code retention}; the oldest go first. Answers can hold the PIN given to a reporter at
 * submission, so nothing here is logged or written elsewhere.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final int maxEntries;
    private final Duration retention;
    private final Clock clock;
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();

    private record Kept(StoredAnswer answer, Instant at) {
    }

    /** 10,000 answers for 24 hours. */
    public InMemoryIdempotencyStore(Clock clock) {
        this(10_000, Duration.ofHours(24), clock);
    }

    public InMemoryIdempotencyStore(int maxEntries, Duration retention, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        this.maxEntries = maxEntries;
        this.retention = retention;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<StoredAnswer> find(String key) {
        expire();
        Kept k = kept.get(key);
        return k == null ? Optional.empty() : Optional.of(k.answer);
    }

    @Override
    public synchronized void putIfAbsent(String key, StoredAnswer answer) {
        expire();
        if (kept.containsKey(key)) {
            return;
        }
        kept.put(key, new Kept(answer, clock.instant()));
        while (kept.size() > maxEntries) {
            Iterator<Map.Entry<String, Kept>> oldest = kept.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** How many answers are kept now. */
    public synchronized int size() {
        expire();
        return kept.size();
    }

    private void expire() {
        Instant limit = clock.instant().minus(retention);
        Iterator<Map.Entry<String, Kept>> it = kept.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().at.isBefore(limit)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
