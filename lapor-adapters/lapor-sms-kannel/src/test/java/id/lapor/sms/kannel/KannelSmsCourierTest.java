package id.lapor.sms.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.access.Role;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.notification.Address;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.Backoff;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.MessageTexts;
import id.lapor.core.notification.NotificationText;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.relay.OutboxRelay;
import id.lapor.testkit.Fixtures;
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

class KannelSmsCourierTest {
    private final FakeSendsms gateway = new FakeSendsms();
    private final KannelSmsCourier courier = KannelSmsCourier.builder().sendsmsUrl(gateway.url()).credentials("lapor", "rahasia")
            .from("1708").timeout(Duration.ofSeconds(2)).build();

    KannelSmsCourierTest() throws Exception {
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private static Delivery delivery(String phone, String text) {
        TrackingNumber n = TrackingNumber.withCheckDigit("7067462248");
        OutboxMessage m = new OutboxMessage(n + "/4", n, Recipient.reporter(), "complaint.followed-up",
                Map.of("trackingNumber", n.value()), Instant.EPOCH);
        return new Delivery(m, new Address.Phone(phone), new NotificationText("id", "s", text), 1);
    }

    @Test
    @DisplayName("a short GSM text is one sendsms request, coding 0, to the number in E.164")
    void single() {
        courier.deliver(delivery("081234567890", "LAPOR 70674622482: laporan Anda telah ditindaklanjuti {ok}"));
        assertThat(gateway.accepted).containsExactly(new FakeSendsms.Sms("1708", "+6281234567890",
                "LAPOR 70674622482: laporan Anda telah ditindaklanjuti {ok}", 0, null));
    }

    @Test
    @DisplayName("a long UCS-2 text goes as parts of at most 67 units, each with a concatenation header of one reference")
    void parts() {
        String text = "LAPOR 70674622482: tindak lanjut — jalan sudah ditambal 👍 pada 20-04-2026; mohon dicek kembali dan balas bila belum selesai.";
        courier.deliver(delivery("+6281234567890", text));
        List<FakeSendsms.Sms> sent = gateway.accepted;
        SmsParts expected = SmsParts.of(text);
        assertThat(sent).hasSize(expected.parts().size()).hasSizeGreaterThan(1);
        assertThat(sent.stream().map(FakeSendsms.Sms::text).collect(Collectors.joining())).isEqualTo(text);
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.coding()).isEqualTo(2);
            assertThat(s.text().length()).isLessThanOrEqualTo(67);
        });
        String ref = sent.get(0).udh().substring(6, 8);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).udh()).isEqualTo(String.format("050003%s%02x%02x", ref, sent.size(), i + 1));
        }
    }

    @Test
    @DisplayName("wrong credentials and a number that is no phone are permanent; a gateway that is down is transient")
    void failures() {
        KannelSmsCourier wrong = KannelSmsCourier.builder().sendsmsUrl(gateway.url()).credentials("lapor", "salah").from("1708").build();
        assertThatThrownBy(() -> wrong.deliver(delivery("081234567890", "x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessage("sendsms answered HTTP 403: Authorization failed for sendsms");
        assertThatThrownBy(() -> courier.deliver(delivery("1708", "x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        gateway.failingRecipients.put("+6281234567890", 503);
        assertThatThrownBy(() -> courier.deliver(delivery("081234567890", "x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
        gateway.stop();
        assertThatThrownBy(() -> courier.deliver(delivery("081234567890", "x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageStartingWith("sendsms unreachable");
    }

    @Test
    @DisplayName("while the gateway is down nothing is lost: once it is back every SMS goes out; one that keeps failing is parked and visible")
    void outage() throws Exception {
        SmsWorld world = new SmsWorld();
        OutboxRelay relay = OutboxRelay.builder().clock(world.clock).outbox(world.store).complaints(world.store)
                .addressBook(AddressBook.builder().unit(Fixtures.PUBLIC_WORKS, new Address.Phone("0536-3221234"))
                        .role(Recipient.Kind.VERIFIERS, new Address.Phone("081100000001")).build())
                .courier(courier).backoff(Backoff.exponential(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1))).maxAttempts(6).build();
        for (int i = 0; i < 6; i++) {
            TrackingNumber n = world.lapor.submit(Fixtures.officer(Role.VERIFIER, Fixtures.CITY),
                    Fixtures.report().reporter(Reporter.phoneOnly("+628120000000" + i)).build()).trackingNumberOrThrow();
            world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL))
                    .orElseThrow();
        }
        gateway.stop();
        for (int i = 0; i < 3; i++) {
            relay.relay();
            world.clock.advance(Duration.ofSeconds(30));
        }
        gateway.start();
        gateway.failingRecipients.put("+6281200000005", 500);
        for (int i = 0; i < 4; i++) {
            world.clock.advance(Duration.ofMinutes(2));
            relay.relay();
        }

        MessageTexts texts = MessageTexts.standard();
        Set<String> expected = new HashSet<>();
        Set<String> parked = new HashSet<>();
        for (OutboxMessage m : world.store.outbox()) {
            String to = switch (m.recipient().kind()) {
                case REPORTER -> world.store.find(m.complaint()).orElseThrow().reporter().phone();
                case UNIT -> "+625363221234";
                default -> "+6281100000001";
            };
            if (to.equals("+6281200000005")) {
                parked.add(m.id());
                continue;
            }
            expected.add(to + " " + texts.render(m, "id").body());
        }
        Set<String> got = gateway.accepted.stream().map(s -> s.to() + " " + s.text()).collect(Collectors.toSet());
        assertThat(got).isEqualTo(expected);
        // the received and verified messages of the sixth reporter, whose number the gateway keeps refusing
        assertThat(world.store.parked(10)).hasSize(2).allSatisfy(p -> {
            assertThat(p.attempts()).isEqualTo(6);
            assertThat(p.lastError()).hasValue("SMS: sendsms answered HTTP 500: Internal error");
        });
        assertThat(world.store.parked(10)).extracting(p -> p.message().id()).containsExactlyInAnyOrderElementsOf(parked);
        assertThat(world.store.pending(world.clock.instant().plus(Duration.ofDays(1)), 100)).isEmpty();
    }
}
