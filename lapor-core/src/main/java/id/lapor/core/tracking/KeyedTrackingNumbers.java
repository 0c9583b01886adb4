package id.lapor.core.tracking;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.port.TrackingNumberSource;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tracking numbers from a keyed permutation of a sequence: sequence n becomes a 10-digit number
 * (never starting with 0) plus a check digit. Distinct sequence values give distinct numbers, and
 * without the key the next number cannot be guessed from earlier ones; with about 9 billion
 * payloads and a check digit, a guessed number names an existing complaint almost never.
 *
 * <p>The permutation is a 4-round Feistel network over 34 bits with HMAC-SHA256 round functions,
 * cycle-walked into the range [0, 9,000,000,000).
 */
public final class KeyedTrackingNumbers implements TrackingNumberSource {
    private static final long DOMAIN = 9_000_000_000L;
    private static final long OFFSET = 1_000_000_000L;
    private static final int HALF_BITS = 17;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;
    private static final int ROUNDS = 4;

    private final byte[] key;
    private final LongSupplier sequence;
    /** A Mac per thread, keyed once: making one costs more than the whole permutation. doFinal resets it for reuse. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param key at least 16 bytes, kept secret and never changed once numbers were issued
     * @param sequence a source of distinct values in [0, 9,000,000,000), usually a database sequence
     */
    public KeyedTrackingNumbers(byte[] key, LongSupplier sequence) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the tracking-number key needs at least 16 bytes");
        }
        this.key = key.clone();
        this.sequence = Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public TrackingNumber next() {
        return forSequence(sequence.getAsLong());
    }

    /** The tracking number of sequence value {@code n}; a pure function of the key and n. */
    public TrackingNumber forSequence(long n) {
        if (n < 0 || n >= DOMAIN) {
            throw new LaporException("tracking-number sequence value " + n + " is outside [0, " + DOMAIN + ")");
        }
        Mac mac = macs.get();
        long x = n;
        do {
            x = feistel(mac, x);
        } while (x >= DOMAIN); // cycle walking: stays a permutation of [0, DOMAIN)
        return TrackingNumber.withCheckDigit(Long.toString(OFFSET + x));
    }

    private long feistel(Mac mac, long x) {
        long left = x >>> HALF_BITS;
        long right = x & HALF_MASK;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ roundFunction(mac, round, right);
            left = right;
            right = next;
        }
        return (left << HALF_BITS) | right;
    }

    private static long roundFunction(Mac mac, int round, long half) {
        byte[] out = mac.doFinal(ByteBuffer.allocate(12).putInt(round).putLong(half).array());
        return ByteBuffer.wrap(out).getLong() & HALF_MASK;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new LaporException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
