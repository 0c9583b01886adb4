package id.lapor.sms.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.notification.Address;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.MessageTexts;
import id.lapor.core.relay.OutboxRelay;
import id.lapor.testkit.Fixtures;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Assertions;

/**
 * SMS 1708 through a real Kannel: fakesmsc plays the phone, bearerbox and smsbox carry the SMS to the
 * intake servlet in an embedded Jetty, and the servlet's answer comes back to the phone. Skipped when the
 * Kannel binaries are missing, unless CI=true, where that is a failure.
 */
@DisplayName("SMS 1708 through a real Kannel")
class KannelEndToEndTest {
    private static final String TOKEN = "smsbox-token";
    private static final Duration REPLY = Duration.ofSeconds(20);

    private final Map<String, Integer> deliveriesById = new ConcurrentHashMap<>();
    private final AtomicBoolean slowFirstSubmission = new AtomicBoolean();
    private SmsWorld world;
    private JettyApp app;
    private KannelHarness kannel;

    /** Per test rather than per class, so that a run without Kannel reports each test as skipped. */
    @BeforeEach
    void kannelInstalled() {
        if (!KannelHarness.installed()) {
            String why = "Kannel is not installed (bearerbox, smsbox, /usr/lib/kannel/test/fakesmsc): apt-get install -y kannel kannel-extras";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + "; CI=true requires it");
            }
            Assumptions.abort(why);
        }
    }

    private void start(TestInfo test, int httpTimeoutSeconds) throws Exception {
        world = new SmsWorld(b -> b.listener(events -> {
            if (events.get(0).event() instanceof Event.Submitted && slowFirstSubmission.getAndSet(false)) {
                // Stored already; the answer leaves after smsbox's http-timeout, as with a slow database commit.
                sleep(Duration.ofMillis(2_200));
            }
        }));
        Filter countIds = (request, response, chain) -> {
            KannelQuery.parse(((HttpServletRequest) request).getQueryString()).get("id").ifPresent(id -> deliveriesById.merge(id, 1, Integer::sum));
            chain.doFilter(request, response);
        };
        app = new JettyApp(new KannelServlet(world.intake, world.clock, TOKEN), countIds);
        String getUrl = app.url() + "?from=%p&to=%P&text=%b&charset=%C&coding=%c&id=%I&time=%T&token=" + TOKEN;
        kannel = KannelHarness.start(test.getTestMethod().map(m -> m.getName()).orElse("test"),
                new KannelHarness.Settings(getUrl, httpTimeoutSeconds, 3, 1));
    }

    @AfterEach
    void stop() throws Exception {
        if (kannel != null) {
            kannel.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private KannelHarness.PhoneSms send(String line) throws Exception {
        try (KannelHarness.Phone phone = kannel.phone(line)) {
            return phone.awaitReply(REPLY);
        }
    }

    @Test
    @DisplayName("a phone reports, gets its tracking number, asks STATUS and replies to its complaint")
    void reportStatusReply(TestInfo test) throws Exception {
        start(test, 10);
        KannelHarness.PhoneSms reply = send("081234567890 1708 text PALANGKARAYA jalan rusak di Jl. Tjilik Riwut km 5");
        assertThat(reply.from()).isEqualTo("1708");
        assertThat(reply.to()).isEqualTo("081234567890");
        TrackingNumber n = SmsWorld.numberIn(reply.text());
        assertThat(reply.text()).isEqualTo("LAPOR " + n + ": laporan Anda diterima. Simpan nomor ini. Cek status: STATUS " + n);
        Complaint c = world.store.find(n).orElseThrow();
        assertThat(c.body()).isEqualTo("jalan rusak di Jl. Tjilik Riwut km 5");
        assertThat(c.targetInstitution()).contains(Fixtures.CITY);
        assertThat(c.reporter().phone()).isEqualTo(SmsWorld.PHONE_E164);
        assertThat(c.channelMessageId()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));

        assertThat(send("085700000000 1708 text STATUS " + n).text())
                .isEqualTo("LAPOR " + n + ": diterima, menunggu verifikasi. Batas waktu verifikasi: 17-04-2026.");
        assertThat(send("081234567890 1708 text " + n + " lubangnya di depan Pasar Besar").text())
                .isEqualTo("LAPOR " + n + ": tanggapan Anda diterima.");
        assertThat(world.store.history(n)).filteredOn(e -> e.event() instanceof Event.ReporterReplied).hasSize(1);
        assertThat(world.smsComplaints()).hasSize(1);
    }

    @Test
    @DisplayName("a UCS-2 message with emoji and dashes arrives intact")
    void ucs2(TestInfo test) throws Exception {
        start(test, 10);
        String text = "PALANGKARAYA lampu jalan mati — sudah 3 minggu 😡 di Jl. G. Obos – “gelap”";
        KannelHarness.PhoneSms reply = send("081234567890 1708 ucs2 " + KannelHarness.ucs2(text));
        Complaint c = world.store.find(SmsWorld.numberIn(reply.text())).orElseThrow();
        assertThat(c.body()).isEqualTo("lampu jalan mati — sudah 3 minggu 😡 di Jl. G. Obos – “gelap”");
    }

    @Test
    @DisplayName("smsbox retries a message answered after its http-timeout, and exactly one complaint exists")
    void retryAfterTimeout(TestInfo test) throws Exception {
        start(test, 1);
        slowFirstSubmission.set(true);
        try (KannelHarness.Phone phone = kannel.phone("081234567890 1708 text PALANGKARAYA sampah menumpuk di Jl. Rajawali")) {
            KannelHarness.PhoneSms reply = phone.awaitReply(REPLY);
            TrackingNumber n = SmsWorld.numberIn(reply.text());
            await().atMost(Duration.ofSeconds(5)).until(() -> !slowFirstSubmission.get());
            assertThat(deliveriesById).hasSize(1);
            assertThat(deliveriesById.values().iterator().next()).as("deliveries of the same %%I").isGreaterThanOrEqualTo(2);
            assertThat(world.smsComplaints()).singleElement().satisfies(c -> {
                assertThat(c.trackingNumber()).isEqualTo(n);
                assertThat(c.channelMessageId()).contains(deliveriesById.keySet().iterator().next());
            });
            sleep(Duration.ofSeconds(2));
            assertThat(phone.received).hasSize(1);
            assertThat(world.smsComplaints()).hasSize(1);
        }
    }

    @Test
    @DisplayName("notifications go out through sendsms: a short one as text, a long UCS-2 one in concatenated parts")
    void notificationsThroughSendsms(TestInfo test) throws Exception {
        start(test, 10);
        TrackingNumber n = SmsWorld.numberIn(send("081234567890 1708 text PALANGKARAYA jembatan retak").text());
        world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL))
                .orElseThrow();
        String long1 = "LAPOR {trackingNumber}: laporan baru — jembatan retak 🌉 — didisposisikan ke unit Anda; mohon segera ditinjau dan ditindaklanjuti.";
        MessageTexts texts = MessageTexts.standard().with("id", "complaint.dispatched", "Disposisi", long1);
        OutboxRelay relay = OutboxRelay.builder().clock(world.clock).outbox(world.store).complaints(world.store)
                .addressBook(AddressBook.builder().unit(Fixtures.PUBLIC_WORKS, new Address.Phone("0536-3221234"))
                        .role(id.lapor.core.notification.Recipient.Kind.VERIFIERS, new Address.Phone("081100000001")).build())
                .texts(texts)
                .courier(KannelSmsCourier.builder().sendsmsUrl(kannel.sendsmsUrl())
                        .credentials(KannelHarness.SENDSMS_USER, KannelHarness.SENDSMS_PASSWORD).from("1708").build())
                .build();
        try (KannelHarness.Phone phones = kannel.phone()) {
            OutboxRelay.Result result = relay.relay();
            assertThat(result).isEqualTo(new OutboxRelay.Result(4, 0, 0));
            String dispatched = texts.render(world.store.outbox().stream().filter(m -> m.topic().equals("complaint.dispatched")).findFirst()
                    .orElseThrow(), "id").body();
            int parts = SmsParts.of(dispatched).parts().size();
            // submitted (verifiers), verified (reporter), dispatched (unit, in parts); no receipt: the reply carried the number
            await().atMost(REPLY).until(() -> phones.received.size() >= 2 + parts);
            assertThat(phones.received).filteredOn(s -> s.udh() == null).extracting(s -> s.to() + " " + s.text())
                    .containsExactlyInAnyOrder(
                            "+6281100000001 LAPOR " + n + ": laporan baru menunggu verifikasi.",
                            "+6281234567890 LAPOR " + n + ": laporan Anda telah diverifikasi dan diteruskan ke instansi yang berwenang.");
            List<KannelHarness.PhoneSms> concatenated = phones.received.stream().filter(s -> s.udh() != null)
                    .sorted(java.util.Comparator.comparing(KannelHarness.PhoneSms::udh)).toList();
            assertThat(concatenated).hasSize(parts).allSatisfy(s -> assertThat(s.to()).isEqualTo("+625363221234"));
            assertThat(concatenated.stream().map(KannelHarness.PhoneSms::text).collect(Collectors.joining())).isEqualTo(dispatched);
            assertThat(concatenated.get(0).udh()).startsWith("050003").endsWith(String.format("%02x01", parts));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
