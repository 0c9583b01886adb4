package id.lapor.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.lapor.core.Lapor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Reporter;
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
import id.lapor.core.relay.OutboxRelay;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailCourierTest {
    private final SettableClock clock = SettableClock.at("2026-04-14T02:00:00Z");
    private final int port = freePort();
    private final ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private final MailCourier courier = MailCourier.builder().server("127.0.0.1", port).from("LAPOR Palangka Raya <lapor@palangkaraya.go.id>")
            .messageIdDomain("palangkaraya.go.id").subjectPrefix("[LAPOR] ").timeout(Duration.ofSeconds(3)).clock(clock).build();
    private GreenMail greenMail;

    @AfterEach
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private void startSmtp() {
        greenMail = new GreenMail(smtp);
        greenMail.start();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Delivery delivery(String to) {
        TrackingNumber n = TrackingNumber.withCheckDigit("7067462248");
        OutboxMessage m = new OutboxMessage(n + "/3", n, Recipient.unit(Fixtures.PUBLIC_WORKS), "sla.breached",
                Map.of("trackingNumber", n.value(), "state", "DISPATCHED"), Instant.parse("2026-04-14T02:00:00Z"));
        return new Delivery(m, new Address.Email(to),
                new NotificationText("id", "Batas waktu terlampaui — segera", "LAPOR " + n + ": batas waktu penanganan terlampaui. ✓"), 1);
    }

    @Test
    @DisplayName("a message arrives with its UTF-8 subject and text, the event id header and a stable Message-ID")
    void sends() throws Exception {
        startSmtp();
        courier.deliver(delivery("pupr@palangkaraya.go.id"));
        courier.deliver(delivery("pupr@palangkaraya.go.id"));
        MimeMessage[] got = greenMail.getReceivedMessages();
        assertThat(got).hasSize(2);
        MimeMessage m = got[0];
        assertThat(m.getSubject()).isEqualTo("[LAPOR] Batas waktu terlampaui — segera");
        assertThat(((String) m.getContent()).strip()).isEqualTo("LAPOR 70674622482: batas waktu penanganan terlampaui. ✓");
        assertThat(m.getHeader(MailCourier.EVENT_ID_HEADER)).containsExactly("70674622482/3#unit:dinas-pupr-palangkaraya");
        assertThat(m.getMessageID()).isEqualTo("<70674622482/3#unit=3Adinas-pupr-palangkaraya@palangkaraya.go.id>");
        assertThat(got[1].getMessageID()).isEqualTo(m.getMessageID());
        assertThat(m.getFrom()[0].toString()).isEqualTo("LAPOR Palangka Raya <lapor@palangkaraya.go.id>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    @DisplayName("an SMTP server that is down is a transient failure; a malformed address a permanent one")
    void failures() {
        assertThatThrownBy(() -> courier.deliver(delivery("pupr@palangkaraya.go.id")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageStartingWith("SMTP failed");
        assertThatThrownBy(() -> courier.deliver(delivery("pupr@@palangkaraya")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessage("the recipient's e-mail address is malformed");
    }

    @Test
    @DisplayName("while the SMTP server is down nothing is lost: once it is back every message arrives, each with its event id")
    void outage() throws MessagingException {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Lapor lapor = Fixtures.lapor(store, clock);
        AddressBook book = AddressBook.builder()
                .unit(Fixtures.PUBLIC_WORKS, new Address.Email("pupr@palangkaraya.go.id"))
                .unit(Fixtures.HEALTH, new Address.Email("dinkes@@palangkaraya"))
                .role(Recipient.Kind.VERIFIERS, new Address.Email("verifikator@palangkaraya.go.id"))
                .build();
        OutboxRelay relay = OutboxRelay.builder().clock(clock).outbox(store).complaints(store).addressBook(book).courier(courier)
                .backoff(Backoff.exponential(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1))).maxAttempts(20).build();
        for (int i = 0; i < 5; i++) {
            Reporter reporter = Reporter.of("Sari", null, "sari" + i + "@example.org", null);
            TrackingNumber n = lapor.submit(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), Fixtures.report().reporter(reporter).build())
                    .trackingNumberOrThrow();
            lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(i == 4 ? Fixtures.HEALTH : Fixtures.PUBLIC_WORKS, Weight.NORMAL))
                    .orElseThrow();
        }
        for (int i = 0; i < 4; i++) {
            relay.relay();
            clock.advance(Duration.ofSeconds(30));
        }
        startSmtp();
        clock.advance(Duration.ofMinutes(2));
        relay.relay();

        String broken = store.outbox().stream().filter(m -> m.recipient().equals(Recipient.unit(Fixtures.HEALTH)))
                .map(OutboxMessage::id).findFirst().orElseThrow();
        Set<String> expected = store.outbox().stream().map(OutboxMessage::id).filter(id -> !id.equals(broken))
                .collect(Collectors.toSet());
        List<String> eventIds = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            eventIds.add(m.getHeader(MailCourier.EVENT_ID_HEADER)[0]);
        }
        assertThat(Set.copyOf(eventIds)).isEqualTo(expected);
        assertThat(expected).hasSize(19);
        assertThat(store.parked(10)).singleElement().satisfies(p -> {
            assertThat(p.message().id()).isEqualTo(broken);
            assertThat(p.lastError()).hasValue("EMAIL: the recipient's e-mail address is malformed");
        });
        assertThat(store.pending(clock.instant().plus(Duration.ofDays(1)), 100)).isEmpty();
    }
}
