package id.lapor.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ID = "70674622482/2#unit:dinas-pupr-palangkaraya";
    private static final byte[] BODY = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    @DisplayName("the signature is HMAC-SHA256 in hex over timestamp, newline, message id, newline, body")
    void knownVector() {
        // Computed independently: python3 hmac.new(secret, b'1776132000\n' + id + b'\n' + body, sha256).hexdigest()
        assertThat(signature.sign(1776132000L, ID, BODY))
                .isEqualTo("v1=01bfab781041b496c25a7ae4182fa3f03fd169de5cc4b90c9abcf8e7966eac26");
    }

    @Test
    @DisplayName("a receiver accepts the signature within the tolerance, and nothing altered or replayed")
    void verify() {
        Instant now = Instant.ofEpochSecond(1776132000L);
        String header = signature.sign(1776132000L, ID, BODY);
        assertThat(signature.verify(header, 1776132000L, ID, BODY, now.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
        assertThat(signature.verify(header, 1776132000L, ID, BODY, now.plusSeconds(301), Duration.ofMinutes(5))).isFalse();
        assertThat(signature.verify(header, 1776132001L, ID, BODY, now, Duration.ofMinutes(5))).isFalse();
        assertThat(signature.verify(header, 1776132000L, ID + "x", BODY, now, Duration.ofMinutes(5))).isFalse();
        assertThat(signature.verify(header, 1776132000L, ID, "{\"id\":\"y\"}".getBytes(StandardCharsets.UTF_8), now,
                Duration.ofMinutes(5))).isFalse();
        assertThat(new WebhookSignature("another-secret-of-32-bytes-.....".getBytes(StandardCharsets.US_ASCII))
                .verify(header, 1776132000L, ID, BODY, now, Duration.ofMinutes(5))).isFalse();
        assertThat(signature.verify(null, 1776132000L, ID, BODY, now, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    @DisplayName("a short secret is refused")
    void shortSecret() {
        assertThatThrownBy(() -> new WebhookSignature(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
