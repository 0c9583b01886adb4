package id.lapor.core.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.notification.Address;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.Backoff;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.Medium;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.port.Outbox;
import id.lapor.core.relay.RelayWorld.RecordingCourier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    private static final String PHONE = "+6281234567890";
    private final RelayWorld world = new RelayWorld();
    private final RecordingCourier sms = new RecordingCourier(Medium.SMS);
    private final RecordingCourier mail = new RecordingCourier(Medium.EMAIL);
    private final RecordingCourier webhook = new RecordingCourier(Medium.WEBHOOK);
    private final AddressBook book = AddressBook.builder()
            .unit(RelayWorld.AGENCY, Address.Webhook.of("https://pupr.example.go.id/lapor"), new Address.Email("pupr@example.go.id"))
            .role(Recipient.Kind.VERIFIERS, new Address.Email("verifikator@example.go.id"))
            .build();

    private OutboxRelay.Builder relay() {
        return OutboxRelay.builder().clock(world.clock).outbox(world.store).complaints(world.store).addressBook(book)
                .courier(sms).courier(mail).courier(webhook)
                .backoff(Backoff.exponential(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("each message due is handed to the courier of every address once and marked delivered")
    void deliversEverythingDue() {
        TrackingNumber n = world.complaint(PHONE, true);
        OutboxRelay.Result result = relay().build().relay();

        // received + submitted (verifiers) on submission; verified (reporter) + dispatched (unit) on verification
        assertThat(result).isEqualTo(new OutboxRelay.Result(4, 0, 0));
        assertThat(sms.delivered).extracting(d -> d.message().topic()).containsExactly("complaint.received", "complaint.verified");
        assertThat(sms.delivered).allSatisfy(d -> assertThat(d.address()).isEqualTo(new Address.Phone(PHONE)));
        assertThat(sms.delivered.get(0).text().body()).startsWith("LAPOR " + n + ": laporan Anda telah kami terima");
        assertThat(webhook.delivered).extracting(d -> d.message().topic()).containsExactly("complaint.dispatched");
        assertThat(mail.delivered).extracting(d -> d.message().topic() + " " + d.address())
                .containsExactlyInAnyOrder("complaint.submitted " + new Address.Email("verifikator@example.go.id"),
                        "complaint.dispatched " + new Address.Email("pupr@example.go.id"));
        assertThat(world.store.pending(world.clock.instant(), 100)).isEmpty();
        assertThat(relay().build().relay()).isEqualTo(OutboxRelay.Result.NONE);
    }

    @Test
    @DisplayName("texts for units and verifiers name the complaint by number only: no reporter, no title, no body")
    void noPersonalDataToOfficers() {
        world.complaint(PHONE, true);
        relay().build().relay();
        List<Delivery> officers = new ArrayList<>(mail.delivered);
        officers.addAll(webhook.delivered);
        assertThat(officers).isNotEmpty().allSatisfy(d -> assertThat(d.text().subject() + " " + d.text().body())
                .doesNotContain("Budi", "Santoso", "8123456", "Rahasia", "Jalan rusak", "berlubang"));
    }

    @Test
    @DisplayName("a courier that is down gets the message again after the backoff, not before, and then it is delivered")
    void retriesAfterBackoff() {
        world.complaint(PHONE, false);
        sms.mode = RecordingCourier.Mode.DOWN;
        OutboxRelay relay = relay().build();

        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 1, 0));
        Outbox.Pending waiting = world.store.pending(world.clock.instant().plusSeconds(10), 10).get(0);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("SMS: gateway down");
        assertThat(waiting.nextAttemptAt()).isEqualTo(world.clock.instant().plusSeconds(10));

        world.clock.advance(Duration.ofSeconds(9));
        assertThat(relay.relay()).isEqualTo(OutboxRelay.Result.NONE);
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(0, 1, 0));
        assertThat(world.store.pending(world.clock.instant().plusSeconds(20), 10).get(0).nextAttemptAt())
                .isEqualTo(world.clock.instant().plusSeconds(20));

        sms.mode = RecordingCourier.Mode.UP;
        world.clock.advance(Duration.ofSeconds(20));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 0, 0));
        assertThat(sms.delivered).singleElement().satisfies(d -> assertThat(d.attempt()).isEqualTo(3));
        assertThat(sms.attempts.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("a message that keeps failing is parked after the last attempt, visible, and back in line on retry")
    void parksAfterMaxAttempts() {
        world.complaint(PHONE, false);
        sms.mode = RecordingCourier.Mode.DOWN;
        List<String> parkedTold = new ArrayList<>();
        OutboxRelay relay = relay().maxAttempts(3).listener(new DeliveryListener() {
            @Override
            public void parked(OutboxMessage message, int attempt, String error) {
                parkedTold.add(message.id() + " " + attempt);
            }
        }).build();

        for (int i = 0; i < 5; i++) {
            relay.relay();
            world.clock.advance(Duration.ofMinutes(10));
        }
        assertThat(sms.attempts.get()).isEqualTo(3);
        List<Outbox.Pending> parked = world.store.parked(10);
        assertThat(parked).singleElement().satisfies(p -> {
            assertThat(p.attempts()).isEqualTo(3);
            assertThat(p.message().recipient()).isEqualTo(Recipient.reporter());
            assertThat(p.lastError()).hasValue("SMS: gateway down");
        });
        assertThat(parkedTold).containsExactly(parked.get(0).message().id() + " 3");

        sms.mode = RecordingCourier.Mode.UP;
        world.store.retry(parked.get(0).message().id(), world.clock.instant());
        assertThat(relay.relay().delivered()).isEqualTo(1);
        assertThat(world.store.parked(10)).isEmpty();
    }

    @Test
    @DisplayName("a permanent refusal parks the message at once")
    void permanentFailureParks() {
        world.complaint(PHONE, false);
        sms.mode = RecordingCourier.Mode.REFUSING;
        assertThat(relay().build().relay()).isEqualTo(new OutboxRelay.Result(1, 0, 1));
        assertThat(world.store.parked(10)).singleElement()
                .satisfies(p -> assertThat(p.lastError()).hasValue("SMS: gateway refused the credentials"));
    }

    @Test
    @DisplayName("a recipient with no address is parked, not dropped")
    void noAddressParks() {
        world.complaint(PHONE, false);
        OutboxRelay relay = relay().addressBook(AddressBook.none()).build();
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 0, 1));
        assertThat(world.store.parked(10)).singleElement()
                .satisfies(p -> assertThat(p.lastError()).hasValue("no address for verifiers"));
    }

    @Test
    @DisplayName("when one of a recipient's addresses fails, the retry goes only to the one that missed it")
    void partialDeliveryRetriesOnlyTheMissingAddress() {
        world.complaint(PHONE, true);
        webhook.mode = RecordingCourier.Mode.DOWN;
        OutboxRelay relay = relay().build();
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(3, 1, 0));
        assertThat(mail.delivered).extracting(d -> d.message().topic()).contains("complaint.dispatched");

        webhook.mode = RecordingCourier.Mode.UP;
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 0, 0));
        assertThat(mail.delivered.stream().filter(d -> d.message().topic().equals("complaint.dispatched")).count()).isEqualTo(1);
        assertThat(webhook.delivered).singleElement().satisfies(d -> assertThat(d.attempt()).isEqualTo(2));
    }

    @Test
    @DisplayName("every message id is delivered at least once through an outage, each recognisable by its id")
    void outageLosesNothing() {
        for (int i = 0; i < 20; i++) {
            world.complaint("+62812000000" + String.format("%02d", i), i % 2 == 0);
        }
        sms.mode = RecordingCourier.Mode.DOWN;
        mail.mode = RecordingCourier.Mode.DOWN;
        webhook.mode = RecordingCourier.Mode.DOWN;
        OutboxRelay relay = relay().batchSize(7).build();
        Set<String> expected = world.store.outbox().stream().map(OutboxMessage::id).collect(Collectors.toSet());
        for (int i = 0; i < 4; i++) {
            relay.relay();
            world.clock.advance(Duration.ofSeconds(30));
        }
        sms.mode = RecordingCourier.Mode.UP;
        mail.mode = RecordingCourier.Mode.UP;
        webhook.mode = RecordingCourier.Mode.UP;
        world.clock.advance(Duration.ofMinutes(6));
        relay.relay();

        List<Delivery> all = new ArrayList<>(sms.delivered);
        all.addAll(mail.delivered);
        all.addAll(webhook.delivered);
        assertThat(all.stream().map(Delivery::messageId).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(world.store.pending(world.clock.instant().plus(Duration.ofDays(1)), 1000)).isEmpty();
        assertThat(world.store.parked(1000)).isEmpty();
    }

    @Test
    @DisplayName("a listener that throws does not stop the relay")
    void throwingListener() {
        world.complaint(PHONE, false);
        OutboxRelay relay = relay().listener(new DeliveryListener() {
            @Override
            public void delivered(OutboxMessage message, int attempt, Duration age) {
                throw new IllegalStateException("metrics backend down");
            }
        }).build();
        assertThat(relay.relay().delivered()).isEqualTo(2);
    }

    @Test
    @DisplayName("the reporter is reached by SMS for an SMS report, else by e-mail when given, else by SMS")
    void reporterContact() {
        world.complaint(Channel.SMS, new Reporter("Sari", PHONE, null, null));
        world.complaint(Channel.WEB, new Reporter("Sari", PHONE, "sari@example.org", null));
        world.complaint(Channel.WEB, new Reporter("Sari", "+6281200000001", null, null));
        OutboxRelay.Result result = relay().build().relay();
        assertThat(result).isEqualTo(new OutboxRelay.Result(6, 0, 0));
        assertThat(mail.delivered).filteredOn(d -> d.message().recipient().equals(Recipient.reporter()))
                .singleElement().satisfies(d -> assertThat(d.address()).isEqualTo(new Address.Email("sari@example.org")));
        assertThat(sms.delivered).singleElement().satisfies(d -> assertThat(d.address()).isEqualTo(new Address.Phone("+6281200000001")));
    }

    @Test
    @DisplayName("an SMS report gets no receipt through the outbox: the SMS channel answered its number at once")
    void noReceiptForSms() {
        TrackingNumber n = world.complaint(Channel.SMS, new Reporter("Sari", PHONE, null, null));
        world.lapor.execute(Actor.officer(Role.VERIFIER, "admin.kota", RelayWorld.CITY), n,
                Command.Verify.to(RelayWorld.AGENCY, Weight.NORMAL)).orElseThrow();
        assertThat(relay().build().relay().delivered()).isEqualTo(4);
        assertThat(sms.delivered).extracting(d -> d.message().topic()).containsExactly("complaint.verified");
        assertThat(world.store.pending(world.clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    @DisplayName("every contact: SMS and e-mail for each message to the reporter")
    void everyContact() {
        world.complaint(Channel.WEB, new Reporter("Sari", PHONE, "sari@example.org", null));
        relay().reporterContact(OutboxRelay.ReporterContact.every()).build().relay();
        assertThat(sms.delivered).hasSize(1);
        assertThat(mail.delivered).hasSize(2);
    }

    @Test
    @DisplayName("the builder names every missing part")
    void builderFailsFast() {
        assertThatThrownBy(() -> OutboxRelay.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OutboxRelay needs clock, outbox, complaints, addressBook, a courier (see OutboxRelay.Builder)");
    }

    @Test
    @DisplayName("addresses print masked: a phone or e-mail never reaches a log whole")
    void addressesAreMasked() {
        assertThat(new Address.Phone(PHONE).toString()).isEqualTo("Phone[+62*********90]");
        assertThat(new Address.Email("budi.santoso@example.org").toString()).isEqualTo("Email[bud*******so@example.org]");
    }
}
