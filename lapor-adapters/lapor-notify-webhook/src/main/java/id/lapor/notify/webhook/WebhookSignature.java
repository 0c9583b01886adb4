package id.lapor.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook POST, for senders and receivers alike.
 *
 * <p>The canonical string is {@code timestamp + "\n" + messageId + "\n" + body}: the decimal epoch seconds
 * of {@value #TIMESTAMP_HEADER}, the message id of {@value #EVENT_ID_HEADER}, and the request body's
 * bytes exactly as sent (UTF-8 JSON). The signature is HMAC-SHA256 over it with the shared secret, sent
 * as {@code v1=} and lower-case hex in {@value #SIGNATURE_HEADER}. A receiver recomputes it over the
 * raw body, compares in constant time, refuses a timestamp too far from its own clock (a replay), and
 * deduplicates on the message id (a message may arrive more than once).
 */
public final class WebhookSignature {
    public static final String EVENT_ID_HEADER = "X-Lapor-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-Lapor-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Lapor-Signature";
    public static final String KEY_ID_HEADER = "X-Lapor-Key-Id";
    public static final String TOPIC_HEADER = "X-Lapor-Topic";
    private static final String SCHEME = "v1=";

    private final byte[] secret;

    public WebhookSignature(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 bytes, got " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The canonical string's bytes. */
    public static byte[] canonical(long timestamp, String messageId, byte[] body) {
        byte[] head = (timestamp + "\n" + messageId + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** The value of {@value #SIGNATURE_HEADER}: {@code v1=<hex>}. */
    public String sign(long timestamp, String messageId, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(canonical(timestamp, messageId, body)));
    }

    /**
     * True when {@code header} is the signature of this request and {@code timestamp} is within
     * {@code tolerance} of {@code now}.
     */
    public boolean verify(String header, long timestamp, String messageId, byte[] body, Instant now, Duration tolerance) {
        if (header == null || messageId == null || body == null) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp, messageId, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
