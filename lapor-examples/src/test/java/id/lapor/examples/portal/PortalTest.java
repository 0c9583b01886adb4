package id.lapor.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.port.ComplaintFilter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal over HTTP, as a browser without a screen sees it: one portal with a small demo history for the class. */
class PortalTest {
    static final String REPORTER_NAME = "Sari Wulandari";
    static final String REPORTER_PHONE = "+6281234509876";
    static final String REPORTER_EMAIL = "sari.wulandari@example.org";

    @TempDir
    static Path data;
    static DemoPortal.Running portal;
    static String console;

    @BeforeAll
    static void start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        portal = DemoPortal.start(new DemoPortal.Options("127.0.0.1", 0, data, true, 150, List.of(), "id"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    static Map<String, String> report(String title, boolean confidential, boolean anonymous) {
        Map<String, String> f = Web.fields("submission", "test-" + System.nanoTime() + "-abcdefgh", "kind", "COMPLAINT",
                "category", "jalan", "region", "62.71.01.1001", "address", "Jalan Tjilik Riwut km 2", "title", title,
                "body", "Lubang besar di depan pasar sejak dua minggu; dua pengendara motor jatuh.", "name", REPORTER_NAME,
                "phone", REPORTER_PHONE, "email", REPORTER_EMAIL);
        if (confidential) {
            f.put("confidential", "on");
        }
        if (anonymous) {
            f.put("anonymous", "on");
        }
        return f;
    }

    /** Submits through the form; returns {number, PIN}. */
    static String[] submit(Web web, Map<String, String> form) {
        Web.Page done = web.post("/report", form);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        String number = done.byId("tracking-number");
        String pin = done.byId("secret");
        assertThat(number).matches("[0-9]{11}");
        assertThat(pin).matches("[0-9]{8}");
        return new String[] {number, pin};
    }

    static void assertNoReporter(String html) {
        assertThat(html).doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE).doesNotContain("81234509876")
                .doesNotContain(REPORTER_EMAIL);
    }

    @Test
    @DisplayName("the start prints the address, every demo officer's key and the Open311 key")
    void banner() {
        assertThat(console).contains("lapor demo portal: " + portal.uri() + "/")
                .contains(portal.key(Role.VERIFIER, "kota-palangkaraya"))
                .contains(portal.folder().open311Key())
                .contains("WITA").contains("WIT ");
        assertThat(portal.officers()).hasSize(DataFolder.DEMO_OFFICERS.size());
    }

    @Test
    @DisplayName("a public report gets a number and a PIN; its tracking page shows its state and history but never its reporter")
    void publicReportNeverShowsItsReporter() {
        Web web = new Web(portal.uri());
        String[] created = submit(web, report("Jalan berlubang di depan pasar", false, false));

        Web.Page visitor = web.get("/track?number=" + created[0]);
        Web.Page holder = web.post("/track", Web.fields("number", created[0], "secret", created[1]));

        for (Web.Page p : List.of(visitor, holder)) {
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.body()).contains("data-state=\"SUBMITTED\"").contains("Jalan berlubang di depan pasar")
                    .contains("data-event=\"Submitted\"").contains("data-event=\"ClockStarted\"");
            assertThat(p.byId("fact-deadline")).matches(".*20[0-9]{2}, 24:00 WIB");
            assertNoReporter(p.body());
        }
        assertThat(holder.body()).contains("id=\"reporter-reply\"");
        assertThat(visitor.body()).doesNotContain("id=\"reporter-reply\"");
    }

    @Test
    @DisplayName("a confidential report shows only with its PIN; without it the page is the one of a number never given")
    void confidentialOnlyWithThePin() {
        Web web = new Web(portal.uri());
        String[] created = submit(web, report("Pungutan liar di kantor kelurahan", true, false));
        String unknown = TrackingNumber.withCheckDigit("1234567890").value();

        Web.Page visitor = web.get("/track?number=" + created[0]);
        Web.Page wrongPin = web.post("/track", Web.fields("number", created[0], "secret", "00000000"));
        Web.Page never = web.get("/track?number=" + unknown);
        Web.Page holder = web.post("/track", Web.fields("number", created[0], "secret", created[1]));

        assertThat(visitor.status()).isEqualTo(404);
        assertThat(wrongPin.status()).isEqualTo(404);
        assertThat(visitor.byId("not-found")).isEqualTo(never.byId("not-found")).isEqualTo(wrongPin.byId("not-found"));
        for (Web.Page p : List.of(visitor, wrongPin)) {
            assertThat(p.body()).doesNotContain("Pungutan liar").doesNotContain("id=\"complaint\"");
        }
        assertThat(holder.status()).isEqualTo(200);
        assertThat(holder.body()).contains("Pungutan liar di kantor kelurahan").contains("id=\"confidential-note\"");
        assertNoReporter(holder.body());
        // Open311 lists public reports only, and answers for this one as for a number never given.
        assertThat(web.get("/open311/v2/requests/" + created[0] + ".json").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("whatever a visitor types comes back as text, never as markup")
    void everythingIsEscaped() {
        Web web = new Web(portal.uri());
        String title = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        String[] created = submit(web, report(title, false, false));

        Web.Page p = web.get("/track?number=" + created[0]);

        assertThat(p.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(p.header("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("unsafe-inline");
        Web.Page echoed = web.get("/track?number=%3Cb%3Ebold%3C/b%3E");
        assertThat(echoed.body()).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    @DisplayName("an officer signs in with the API key once, finds the report in the queue with its SLA badge, and verifies it")
    void officerVerifiesFromTheQueue() {
        Web citizen = new Web(portal.uri());
        String[] created = submit(citizen, report("Lampu jalan mati di gang Langkai", false, true));
        Web officer = new Web(portal.uri());

        assertThat(officer.post("/officer/login", Web.fields("key", "not-a-key-of-anyone")).status()).isEqualTo(401);
        Web.Page login = officer.post("/officer/login", Web.fields("key", portal.key(Role.VERIFIER, "kota-palangkaraya")));
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict");

        Web.Page row = null;
        for (int page = 1; page < 100 && row == null; page++) {
            Web.Page queue = officer.get("/officer?page=" + page);
            assertThat(queue.status()).isEqualTo(200);
            if (queue.body().contains("data-number=\"" + created[0] + "\"")) {
                row = queue;
            } else if (!queue.body().contains("id=\"next-page\"")) {
                break;
            }
        }
        assertThat(row).as("the new report is in the city verifier's queue").isNotNull();
        assertThat(row.body()).contains("data-number=\"" + created[0] + "\" data-sla=\"ON_TIME\"");

        Web.Page detail = officer.get("/officer/complaint?n=" + created[0]);
        assertThat(detail.body()).contains("id=\"action-verify\"").contains("id=\"action-archive\"");
        // An anonymous reporter is seen by the verifier.
        assertThat(detail.byId("fact-reporter")).contains(REPORTER_NAME);
        String token = detail.hidden("action-verify", "token");
        String version = detail.hidden("action-verify", "version");

        Web.Page forged = officer.post("/officer/act", Web.fields("n", created[0], "version", version, "command", "VERIFY",
                "token", "forged", "unit", "dinas-perkim-palangkaraya", "weight", "NORMAL"));
        assertThat(forged.status()).isEqualTo(403);

        Web.Page done = officer.post("/officer/act", Web.fields("n", created[0], "version", version, "command", "VERIFY",
                "token", token, "unit", "", "weight", "MINOR"));
        assertThat(done.status()).as(done.body()).isEqualTo(303);
        Web.Page after = officer.get(done.header("Location"));
        assertThat(after.body()).contains("data-state=\"DISPATCHED\"").contains("id=\"message\"");

        Web.Page stale = officer.post("/officer/act", Web.fields("n", created[0], "version", version, "command", "HOLD",
                "token", token, "reason", "minta foto"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.byId("message")).contains("diubah orang lain");

        Web.Page tracked = citizen.post("/track", Web.fields("number", created[0], "secret", created[1]));
        assertThat(tracked.body()).contains("data-state=\"DISPATCHED\"").contains("data-event=\"Verified\"");
        assertNoReporter(tracked.body());
    }

    @Test
    @DisplayName("the portal serves Open311 and the officer API on its own port, with the printed keys")
    void apisBeside() {
        Web web = new Web(portal.uri());
        assertThat(web.get("/open311/v2/services.json").status()).isEqualTo(200);
        assertThat(web.get("/api/v1/queue").status()).isEqualTo(401);
        assertThat(web.getWithKey("/api/v1/queue", portal.key(Role.UNIT_OPERATOR, "dinas-pupr-palangkaraya")).status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("the statistics page plots exactly the figures of the statistics API")
    void statisticsEqualTheApi() throws Exception {
        Web web = new Web(portal.uri());
        Web.Page page = web.get("/statistics");
        assertThat(page.status()).isEqualTo(200);
        StatisticsCheck.Plotted plotted = StatisticsCheck.fromHtml(page.body());

        String api = web.getWithKey("/api/v1/statistics?unit=" + plotted.unit() + "&from=" + plotted.from() + "&to=" + plotted.to(),
                portal.key(Role.AUDITOR, "kota-palangkaraya")).body();

        StatisticsCheck.assertSame(plotted, api);
        assertThat(plotted.months()).hasSize(12);
        assertThat(plotted.months().values().stream().mapToLong(m -> m.get("received")).sum()).isPositive();
        assertThat(plotted.onTime()).isNotEmpty();
    }

    @Test
    @DisplayName("pages are in Indonesian by default, in English with ?lang=en, and the choice is kept in a cookie")
    void bothLanguages() {
        Web web = new Web(portal.uri());
        Web.Page id = web.get("/report");
        assertThat(id.body()).contains("<html lang=\"id\"").contains("Kirim laporan").contains("href=\"/report?lang=en\"");
        Web.Page en = web.get("/report?lang=en");
        assertThat(en.body()).contains("<html lang=\"en\"").contains("Send report");
        assertThat(web.get("/track").body()).contains("Track a report");
        assertThat(web.get("/track?lang=id").body()).contains("Lacak laporan");
    }

    @Test
    @DisplayName("the Indonesian and English labels have the same keys")
    void bundlesMatch() {
        ResourceBundle.Control plain = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Set<String> id = ResourceBundle.getBundle(Labels.BUNDLE, java.util.Locale.ROOT, plain).keySet();
        Properties en = new Properties();
        try (var in = PortalTest.class.getResourceAsStream("/id/lapor/examples/portal/messages_en.properties")) {
            en.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(id);
    }

    @Test
    @DisplayName("the demo history is replayed through lapor: timers fired, complaints verified, followed up and completed")
    void demoHistoryIsReplayed() {
        DemoHistory.Result r = portal.history().orElseThrow();
        assertThat(r.submitted()).isPositive();
        assertThat(r.skipped()).isLessThan(r.steps() / 20);
        assertThat(r.timersFired()).isPositive();
        List<RecordedEvent> events = portal.store().search(ComplaintFilter.all(), 0, 500).stream()
                .filter(c -> c.channelMessageId().orElse("").startsWith("demo-history:"))
                .flatMap(c -> portal.store().history(c.trackingNumber()).stream()).toList();
        assertThat(events).flatExtracting(e -> e.events().stream().map(v -> v.getClass().getSimpleName()).toList()).contains(
                Event.Verified.class.getSimpleName(),
                Event.FollowUpPosted.class.getSimpleName(), Event.Completed.class.getSimpleName(),
                Event.SlaWarned.class.getSimpleName(), Event.Routed.class.getSimpleName());
        assertThat(Files.exists(data.resolve(DataFolder.DEMO_HISTORY_MARK))).isTrue();
    }

    @Test
    @DisplayName("notifications are delivered into the data folder's outbox.log, with no reporter's address in clear")
    void outboxLog() throws Exception {
        Web web = new Web(portal.uri());
        String[] created = submit(web, report("Sampah menumpuk di pasar", false, false));
        Path log = data.resolve(DataFolder.OUTBOX_LOG);
        long until = System.nanoTime() + 30_000_000_000L;
        String text = "";
        while (System.nanoTime() < until && !text.contains(created[0] + "/1#reporter")) {
            Thread.sleep(250);
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }
        assertThat(text).contains(created[0] + "/1#reporter").doesNotContain(REPORTER_EMAIL).doesNotContain(REPORTER_PHONE);
    }

    @Test
    @DisplayName("stopping and starting again keeps every complaint and the officers' keys")
    void restartKeepsEverything(@TempDir Path folder) {
        String number;
        String pin;
        List<Officer> officers;
        try (DemoPortal.Running first = DemoPortal.start(new DemoPortal.Options("127.0.0.1", 0, folder, false, 0, List.of(), "en"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String[] created = submit(new Web(first.uri()), report("Air PDAM keruh seminggu", true, false));
            number = created[0];
            pin = created[1];
            officers = first.officers();
        }
        try (DemoPortal.Running second = DemoPortal.start(new DemoPortal.Options("127.0.0.1", 0, folder, false, 0, List.of(), "en"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(second.officers()).isEqualTo(officers);
            Web.Page p = new Web(second.uri()).post("/track", Web.fields("number", number, "secret", pin));
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.body()).contains("Air PDAM keruh seminggu");
            String[] next = submit(new Web(second.uri()), report("Air PDAM mati", false, false));
            assertThat(next[0]).isNotEqualTo(number);
        }
    }

    @Test
    @DisplayName("--officer-key replaces the generated officers; a malformed one is refused without echoing the key")
    void officerKeysFromTheCommandLine(@TempDir Path folder) {
        try (DemoPortal.Running r = DemoPortal.start(new DemoPortal.Options("127.0.0.1", 0, folder, false, 0,
                List.of("my-own-key-0123456789=SUPERVISOR@kota-palangkaraya"), "id"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(r.officers()).extracting(Officer::id).containsExactly("supervisor@kota-palangkaraya");
            assertThat(new Web(r.uri()).getWithKey("/api/v1/queue", "my-own-key-0123456789").status()).isEqualTo(200);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Officer.parse("short=VERIFIER@kota-palangkaraya"))
                .hasMessageContaining("16").hasMessageNotContaining("short");
    }
}
