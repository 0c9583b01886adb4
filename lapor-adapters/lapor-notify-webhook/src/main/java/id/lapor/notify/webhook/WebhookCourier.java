package id.lapor.notify.webhook;

import id.lapor.core.notification.Address;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells an agency's own system by an HTTP POST of a JSON body ({@link WebhookPayload}), signed with
 * HMAC-SHA256 as {@link WebhookSignature} documents. Headers: {@code X-Lapor-Event-Id} (the message id:
 * receivers deduplicate on it), {@code X-Lapor-Timestamp}, {@code X-Lapor-Signature},
 * {@code X-Lapor-Key-Id}, {@code X-Lapor-Topic}.
 *
 * <p>Any 2xx is delivered. 408, 425, 429 and 5xx, timeouts and refused connections are transient: the relay
 * tries again later. Other answers (400, 401, 403, 404, 410...) are permanent: the message is parked until
 * someone fixes the receiver or the key and retries it.
 */
public final class WebhookCourier implements Courier {
    private final HttpClient client;
    private final Clock clock;
    private final WebhookSignature signature;
    private final String keyId;
    private final Duration timeout;

    private WebhookCourier(Builder b) {
        this.client = b.client != null ? b.client
                : HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = b.clock;
        this.signature = new WebhookSignature(b.secret);
        this.keyId = b.keyId;
        this.timeout = b.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Medium medium() {
        return Medium.WEBHOOK;
    }

    @Override
    public void deliver(Delivery delivery) {
        if (!(delivery.address() instanceof Address.Webhook webhook)) {
            throw DeliveryException.permanentFailure("a webhook courier was handed a " + delivery.address().medium() + " address");
        }
        byte[] body = WebhookPayload.of(delivery);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.EVENT_ID_HEADER, delivery.messageId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, delivery.messageId(), body))
                .header(WebhookSignature.KEY_ID_HEADER, keyId)
                .header(WebhookSignature.TOPIC_HEADER, delivery.message().topic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw DeliveryException.transientFailure("webhook unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while posting the webhook", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
        throw new DeliveryException("webhook answered HTTP " + status, !retry);
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private HttpClient client;
        private Clock clock;
        private byte[] secret;
        private String keyId = "default";
        private Duration timeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Required: the shared secret (at least 16 bytes) and its id, sent so receivers can rotate keys. */
        public Builder signingKey(String keyId, byte[] secret) {
            this.keyId = Objects.requireNonNull(keyId, "keyId");
            this.secret = Objects.requireNonNull(secret, "secret").clone();
            return this;
        }

        /** Required: the source of the signed timestamp. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Connect and response timeout; 10 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** A client of the host's (proxy, TLS settings); one with the timeout and no redirects by default. */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public WebhookCourier build() {
            List<String> missing = new ArrayList<>();
            if (secret == null) {
                missing.add("signingKey");
            }
            if (clock == null) {
                missing.add("clock");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("WebhookCourier needs " + String.join(", ", missing) + " (see WebhookCourier.Builder)");
            }
            return new WebhookCourier(this);
        }
    }
}
