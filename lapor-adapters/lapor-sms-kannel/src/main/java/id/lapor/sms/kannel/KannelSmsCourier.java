package id.lapor.sms.kannel;

import id.lapor.core.notification.Address;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends notifications by SMS through Kannel's {@code sendsms} HTTP interface (a {@code sendsms-user} of
 * smsbox). The text is cut here ({@link SmsParts}): one request per part, each part of a long text with a
 * concatenation header ({@code udh}) so the phone shows one message; GSM-7 texts as {@code coding=0},
 * others as {@code coding=2} with {@code charset=UTF-8}. The recipient is normalised to E.164.
 *
 * <p>202 (or 200) is accepted. 400 and 403 (a bad number, wrong credentials, a refused sender) are
 * permanent: the message is parked. 5xx, timeouts and a refused connection (smsbox down) are transient.
 * A failure after some parts were accepted sends every part again on the next attempt, under the same
 * concatenation reference: at least once.
 */
public final class KannelSmsCourier implements Courier {
    private final HttpClient client;
    private final URI sendsms;
    private final String username;
    private final String password;
    private final String from;
    private final Optional<String> smscId;
    private final Duration timeout;
    private final PhoneNumbers phones;

    private KannelSmsCourier(Builder b) {
        this.client = b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(b.timeout).build();
        this.sendsms = b.sendsms;
        this.username = b.username;
        this.password = b.password;
        this.from = b.from;
        this.smscId = Optional.ofNullable(b.smscId);
        this.timeout = b.timeout;
        this.phones = b.phones;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Medium medium() {
        return Medium.SMS;
    }

    @Override
    public void deliver(Delivery delivery) {
        if (!(delivery.address() instanceof Address.Phone phone)) {
            throw DeliveryException.permanentFailure("an SMS courier was handed a " + delivery.address().medium() + " address");
        }
        String to = phones.toE164(phone.number())
                .orElseThrow(() -> DeliveryException.permanentFailure("the recipient is not a phone number"));
        SmsParts parts = SmsParts.of(delivery.text().body());
        int reference = Math.floorMod(delivery.messageId().hashCode(), 256);
        for (int i = 0; i < parts.parts().size(); i++) {
            send(to, parts, i, reference);
        }
    }

    private void send(String to, SmsParts parts, int index, int reference) {
        StringBuilder query = new StringBuilder();
        param(query, "username", username);
        param(query, "password", password);
        param(query, "from", from);
        param(query, "to", to);
        param(query, "text", parts.parts().get(index));
        param(query, "charset", "UTF-8");
        param(query, "coding", Integer.toString(parts.encoding().kannelCoding()));
        smscId.ifPresent(id -> param(query, "smsc", id));
        if (parts.isConcatenated()) {
            // IEI 0x00: concatenated message, 8-bit reference; then the reference, the part count and this part's number.
            query.append("&udh=").append(String.format("%%05%%00%%03%%%02X%%%02X%%%02X", reference, parts.parts().size(), index + 1));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(sendsms + "?" + query)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw DeliveryException.transientFailure("sendsms unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while calling sendsms", e);
        }
        int status = response.statusCode();
        if (status == 202 || status == 200) {
            return;
        }
        String part = parts.isConcatenated() ? " (part " + (index + 1) + "/" + parts.parts().size() + ")" : "";
        String body = response.body() == null ? "" : response.body().strip();
        String said = body.length() > 80 ? body.substring(0, 80) : body;
        throw new DeliveryException("sendsms answered HTTP " + status + part + ": " + said, status == 400 || status == 403);
    }

    private static void param(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        // URLEncoder writes a space as '+', which Kannel reads as a space.
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private HttpClient client;
        private URI sendsms;
        private String username;
        private String password;
        private String from;
        private String smscId;
        private Duration timeout = Duration.ofSeconds(10);
        private PhoneNumbers phones = PhoneNumbers.indonesia();

        private Builder() {
        }

        /** Required: smsbox's sendsms URL, e.g. {@code http://127.0.0.1:13013/cgi-bin/sendsms}. */
        public Builder sendsmsUrl(URI sendsms) {
            this.sendsms = Objects.requireNonNull(sendsms, "sendsms");
            return this;
        }

        /** Required: a {@code sendsms-user} of smsbox. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Required: the sender the phone shows, e.g. {@code 1708}. */
        public Builder from(String from) {
            this.from = Objects.requireNonNull(from, "from");
            return this;
        }

        /** Route through one SMSC of bearerbox ({@code smsc=}); bearerbox's routing by default. */
        public Builder smscId(String smscId) {
            this.smscId = Objects.requireNonNull(smscId, "smscId");
            return this;
        }

        /** Connect and response timeout per request; 10 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How recipients are normalised; Indonesian by default. */
        public Builder phoneNumbers(PhoneNumbers phones) {
            this.phones = Objects.requireNonNull(phones, "phones");
            return this;
        }

        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public KannelSmsCourier build() {
            List<String> missing = new ArrayList<>();
            if (sendsms == null) {
                missing.add("sendsmsUrl");
            }
            if (username == null) {
                missing.add("credentials");
            }
            if (from == null) {
                missing.add("from");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("KannelSmsCourier needs " + String.join(", ", missing) + " (see KannelSmsCourier.Builder)");
            }
            return new KannelSmsCourier(this);
        }
    }
}
