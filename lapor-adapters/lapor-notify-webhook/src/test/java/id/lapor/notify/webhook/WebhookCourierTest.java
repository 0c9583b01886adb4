package id.lapor.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.Lapor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.notification.Address;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.Backoff;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.NotificationText;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.port.Outbox;
import id.lapor.core.relay.OutboxRelay;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookCourierTest {
    private static final byte[] SECRET = "a-shared-secret-for-tests-only!!".getBytes(StandardCharsets.US_ASCII);
    private final SettableClock clock = SettableClock.at("2026-04-14T02:00:00Z");
    private final WebhookReceiver receiver = new WebhookReceiver(SECRET, clock);
    private final WebhookCourier courier = WebhookCourier.builder().signingKey("k-2026", SECRET).clock(clock)
            .timeout(Duration.ofSeconds(2)).build();

    WebhookCourierTest() throws Exception {
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static Delivery delivery(Address to) {
        TrackingNumber n = TrackingNumber.withCheckDigit("7067462248");
        OutboxMessage m = new OutboxMessage(n + "/2", n, Recipient.unit(Fixtures.PUBLIC_WORKS), "complaint.dispatched",
                Map.of("trackingNumber", n.value(), "state", "DISPATCHED", "event", "Verified"), Instant.parse("2026-04-14T02:00:00Z"));
        return new Delivery(m, to, new NotificationText("id", "Disposisi \"laporan\"", "LAPOR " + n + ": laporan — didisposisikan\n✓"), 1);
    }

    @Test
    @DisplayName("a POST carries the event id, a valid signature, the key id and the JSON payload")
    void postsSignedJson() {
        courier.deliver(delivery(new Address.Webhook(receiver.url("/hook"))));
        assertThat(receiver.received).singleElement().satisfies(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.eventId()).isEqualTo("70674622482/2#unit:dinas-pupr-palangkaraya");
            assertThat(r.keyId()).isEqualTo("k-2026");
            assertThat(r.topic()).isEqualTo("complaint.dispatched");
            assertThat(r.body()).isEqualTo("{\"id\":\"70674622482/2#unit:dinas-pupr-palangkaraya\",\"event\":\"70674622482/2\","
                    + "\"topic\":\"complaint.dispatched\",\"trackingNumber\":\"70674622482\","
                    + "\"recipient\":\"unit:dinas-pupr-palangkaraya\",\"createdAt\":\"2026-04-14T02:00:00Z\",\"attempt\":1,"
                    + "\"attributes\":{\"event\":\"Verified\",\"state\":\"DISPATCHED\",\"trackingNumber\":\"70674622482\"},"
                    + "\"language\":\"id\",\"subject\":\"Disposisi \\\"laporan\\\"\","
                    + "\"text\":\"LAPOR 70674622482: laporan — didisposisikan\\n✓\"}");
        });
    }

    @Test
    @DisplayName("5xx, 429 and a refused connection are transient; 404 and 401 are permanent")
    void statusMapping() {
        receiver.answer("/busy", 503);
        receiver.answer("/slow-down", 429);
        receiver.answer("/gone", 404);
        assertThatThrownBy(() -> courier.deliver(delivery(new Address.Webhook(receiver.url("/busy")))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessage("webhook answered HTTP 503");
        assertThatThrownBy(() -> courier.deliver(delivery(new Address.Webhook(receiver.url("/slow-down")))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
        assertThatThrownBy(() -> courier.deliver(delivery(new Address.Webhook(receiver.url("/gone")))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        WebhookCourier wrongKey = WebhookCourier.builder().signingKey("old", "not-the-secret-the-agency-holds".getBytes(StandardCharsets.UTF_8))
                .clock(clock).build();
        assertThatThrownBy(() -> wrongKey.deliver(delivery(new Address.Webhook(receiver.url("/hook")))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessage("webhook answered HTTP 401");
        receiver.stop();
        assertThatThrownBy(() -> courier.deliver(delivery(new Address.Webhook(receiver.url("/hook")))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageStartingWith("webhook unreachable");
    }

    @Test
    @DisplayName("while the receiver is down nothing is lost: once it is back every message arrives, each with its event id; a dead endpoint is parked")
    void outage() throws Exception {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Lapor lapor = Fixtures.lapor(store, clock);
        AddressBook book = AddressBook.builder()
                .unit(Fixtures.PUBLIC_WORKS, new Address.Webhook(receiver.url("/pupr")))
                .unit(Fixtures.HEALTH, new Address.Webhook(receiver.url("/dinkes-retired")))
                .role(Recipient.Kind.VERIFIERS, new Address.Webhook(receiver.url("/verifikator")))
                .build();
        receiver.answer("/dinkes-retired", 410);
        OutboxRelay relay = OutboxRelay.builder().clock(clock).outbox(store).complaints(store).addressBook(book).courier(courier)
                .reporterContact((complaint, message) -> List.of())
                .backoff(Backoff.exponential(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1)))
                .maxAttempts(20).build();
        for (int i = 0; i < 6; i++) {
            TrackingNumber n = lapor.submit(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), Fixtures.report().build())
                    .trackingNumberOrThrow();
            lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n,
                    Command.Verify.to(i == 5 ? Fixtures.HEALTH : Fixtures.PUBLIC_WORKS, Weight.NORMAL)).orElseThrow();
        }
        Set<String> forAgencies = store.outbox().stream().filter(m -> m.recipient().kind() != Recipient.Kind.REPORTER)
                .map(OutboxMessage::id).collect(Collectors.toSet());
        receiver.stop();
        for (int i = 0; i < 5; i++) {
            relay.relay();
            clock.advance(Duration.ofSeconds(40));
        }
        assertThat(receiver.received).isEmpty();
        receiver.start();
        clock.advance(Duration.ofMinutes(2));
        relay.relay();

        String dead = store.outbox().stream().filter(m -> m.recipient().equals(Recipient.unit(Fixtures.HEALTH)))
                .map(OutboxMessage::id).findFirst().orElseThrow();
        Set<String> expected = new HashSet<>(forAgencies);
        expected.remove(dead);
        assertThat(receiver.eventIds).isEqualTo(expected);
        assertThat(receiver.received).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(store.parked(100)).singleElement().satisfies(p -> {
            assertThat(p.message().id()).isEqualTo(dead);
            assertThat(p.lastError()).hasValue("WEBHOOK: webhook answered HTTP 410");
        });
        assertThat(store.pending(clock.instant().plus(Duration.ofDays(1)), 100)).isEmpty();
    }
}
