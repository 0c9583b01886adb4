package id.lapor.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.view.ComplaintView;
import id.lapor.testkit.Fixtures;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Open311 mapping described in the README, request by request through Jetty. */
class Open311MappingTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("\"service_request_id\":\"(\\d+)\"");
    private TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static TrackingNumber idOf(TestWorld.Exchange e) {
        Matcher m = ID.matcher(e.body());
        assertThat(m.find()).as(e.body()).isTrue();
        return TrackingNumber.parse(m.group(1));
    }

    private JsonNode request(TrackingNumber n) {
        TestWorld.Exchange e = world.get("/open311/v2/requests/" + n + ".json");
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        return JSON.readTree(e.body()).get(0);
    }

    @Test
    @DisplayName("a POSTed request becomes a complaint: category, region, point, address, kind and flags, channel API")
    void postCreatesComplaint() {
        Map<String, String> form = TestWorld.validForm();
        form.put("attribute[kind]", "aspiration");
        form.put("attribute[anonymous]", "true");
        form.put("media_url", "https://foto.example.org/lubang.jpg");
        TestWorld.Exchange e = world.postForm("/open311/v2/requests.json", form, Map.of());
        assertThat(e.status()).isEqualTo(200);
        ComplaintView v = world.lapor.view(Actor.system("test"), idOf(e)).orElseThrow();
        assertThat(v.category()).contains(Fixtures.ROADS);
        assertThat(v.location().region().value()).isEqualTo("62.71.01.1001");
        assertThat(world.logs()).filteredOn(l -> l.text().equals("open311 request " + v.trackingNumber() + " created"))
                .singleElement().satisfies(l -> assertThat(l.mdc()).containsEntry("trackingNumber", v.trackingNumber().value()));
        assertThat(v.location().latitude()).isEqualTo(-2.2096);
        assertThat(v.location().longitude()).isEqualTo(113.9135);
        assertThat(v.location().address()).isEqualTo("Jalan Tjilik Riwut km 2, Pahandut");
        assertThat(v.kind()).isEqualTo(Kind.ASPIRATION);
        assertThat(v.anonymous()).isTrue();
        assertThat(v.confidential()).isFalse();
        assertThat(v.channel()).isEqualTo(Channel.API);
        assertThat(v.title()).isEqualTo("Jalan berlubang besar di depan pasar sejak dua minggu.");
        assertThat(v.attachments()).singleElement().satisfies(a -> assertThat(a.mediaType()).isEqualTo("image/jpeg"));
        Reporter r = v.reporter().orElseThrow();
        assertThat(r.name()).isEqualTo("Sari Wulandari");
        assertThat(r.phone()).isEqualTo("+6281234500001");
        assertThat(r.email()).isEqualTo("warga@example.org");
    }

    @Test
    @DisplayName("the service_notice gives the PIN that proves the reporter later")
    void noticeCarriesPin() {
        TestWorld.Exchange e = world.postForm("/open311/v2/requests.json", TestWorld.validForm(), Map.of());
        Matcher pin = Pattern.compile("PIN (\\d{8})").matcher(e.body());
        assertThat(pin.find()).as(e.body()).isTrue();
        assertThat(world.lapor.view(Actor.reporter(pin.group(1)), idOf(e)).flatMap(ComplaintView::reporter)).isPresent();
    }

    @Test
    @DisplayName("without address_id a point gets the configured region; attribute[title] is the title")
    void defaultRegionAndTitle() {
        Map<String, String> form = TestWorld.validForm();
        form.remove("address_id");
        form.put("attribute[title]", "Lubang di Jalan Tjilik Riwut");
        TestWorld.Exchange e = world.postForm("/open311/v2/requests.xml", form, Map.of());
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        TrackingNumber n = TrackingNumber.parse(e.body().replaceAll("(?s).*<service_request_id>(\\d+)</service_request_id>.*", "$1"));
        ComplaintView v = world.lapor.view(Actor.system("test"), n).orElseThrow();
        assertThat(v.location().region().value()).isEqualTo("62.71");
        assertThat(v.title()).isEqualTo("Lubang di Jalan Tjilik Riwut");
    }

    @Test
    @DisplayName("status, status_notes, agency_responsible and expected_datetime follow the complaint")
    void statusMapping() {
        Actor verifier = world.officer(Role.VERIFIER, Fixtures.CITY);
        Actor operator = world.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);
        TrackingNumber n = world.submitNumber(Fixtures.report().category(Fixtures.CLINICS).build());
        JsonNode submitted = request(n);
        assertThat(submitted.get("status").asString()).isEqualTo("open");
        assertThat(submitted.get("agency_responsible").isNull()).isTrue();
        assertThat(submitted.get("service_code").asString()).isEqualTo("puskesmas");
        assertThat(submitted.get("service_name").asString()).isEqualTo("Pelayanan puskesmas");
        assertThat(submitted.get("address_id").asString()).isEqualTo("62.71.01.1001");
        assertThat(submitted.get("requested_datetime").asString()).isEqualTo("2026-03-17T10:00:00+07:00");

        world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        JsonNode dispatched = request(n);
        ComplaintView v = world.lapor.view(Actor.system("test"), n).orElseThrow();
        assertThat(dispatched.get("agency_responsible").asString()).isEqualTo("Dinas Kesehatan Kota Palangka Raya");
        assertThat(dispatched.get("expected_datetime").asString())
                .isEqualTo(v.deadline().orElseThrow().due().atZone(Fixtures.directory().get(Fixtures.HEALTH).zone())
                        .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .endsWith("+07:00");

        world.lapor.execute(operator, n, new Command.Hold("nomor KTP puskesmas diperlukan")).orElseThrow();
        assertThat(request(n).has("expected_datetime")).as("no deadline while on hold").isFalse();
        world.lapor.execute(operator, n, new Command.Resume(null)).orElseThrow();
        assertThat(request(n).has("expected_datetime")).isTrue();

        world.lapor.execute(operator, n, new Command.PostFollowUp("Jam buka puskesmas sudah diperpanjang.")).orElseThrow();
        JsonNode followedUp = request(n);
        assertThat(followedUp.get("status").asString()).isEqualTo("open");
        assertThat(followedUp.get("status_notes").asString()).isEqualTo("Jam buka puskesmas sudah diperpanjang.");

        world.lapor.execute(verifier, n, new Command.Complete(null)).orElseThrow();
        JsonNode completed = request(n);
        assertThat(completed.get("status").asString()).isEqualTo("closed");
        assertThat(completed.get("status_notes").asString()).isEqualTo("Jam buka puskesmas sudah diperpanjang.");

        TrackingNumber archived = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, archived, new Command.Archive(ArchiveReason.TOO_GENERAL, "lokasi tidak jelas")).orElseThrow();
        JsonNode a = request(archived);
        assertThat(a.get("status").asString()).isEqualTo("closed");
        assertThat(a.get("status_notes").asString()).isEqualTo("TOO_GENERAL: lokasi tidak jelas");
    }

    @Test
    @DisplayName("expected_datetime carries the responsible unit's offset: WITA for East Kalimantan")
    void unitOffset() {
        TrackingNumber n = world.submitNumber(Fixtures.report().location(Location.of("64.72")).build());
        world.lapor.execute(world.officer(Role.VERIFIER, Fixtures.NATIONAL), n,
                Command.Verify.to(Fixtures.EAST_KALIMANTAN, Weight.NORMAL)).orElseThrow();
        JsonNode r = request(n);
        assertThat(r.get("expected_datetime").asString()).endsWith("+08:00");
        assertThat(r.get("requested_datetime").asString()).isEqualTo("2026-03-17T11:00:00+08:00");
        assertThat(r.get("agency_responsible").asString()).isEqualTo("Pemerintah Provinsi Kalimantan Timur");
    }

    @Test
    @DisplayName("a confidential complaint is in no list, no filter and no update; an anonymous one shows no reporter")
    void confidentialAndAnonymous() {
        Reporter secretReporter = Reporter.of("Rahasia Sekali", "+6289900011122", "rahasia@example.org", "6271010101900002");
        Reporter anonReporter = Reporter.of("Anonim Saja", "+6289900033344", "anonim@example.org", "6271010101900003");
        TrackingNumber confidential = world.submitNumber(Fixtures.report().reporter(secretReporter).confidential(true).build());
        TrackingNumber anonymous = world.submitNumber(Fixtures.report().reporter(anonReporter).anonymous(true).build());
        world.lapor.execute(world.officer(Role.VERIFIER, Fixtures.CITY), confidential, new Command.Archive(ArchiveReason.OTHER, null))
                .orElseThrow();
        for (String format : new String[] {"xml", "json"}) {
            String list = world.get("/open311/v2/requests." + format).body();
            String byId = world.get("/open311/v2/requests." + format + "?service_request_id=" + confidential + "," + anonymous).body();
            String updates = world.get("/open311/v2/servicerequestupdates." + format).body();
            String one = world.get("/open311/v2/requests/" + anonymous + "." + format).body();
            for (String body : new String[] {list, byId, updates}) {
                assertThat(body).doesNotContain(confidential.value());
            }
            assertThat(byId).contains(anonymous.value());
            for (String body : new String[] {list, byId, updates, one}) {
                for (Reporter r : new Reporter[] {secretReporter, anonReporter}) {
                    assertThat(body).doesNotContain(r.name()).doesNotContain(r.phone()).doesNotContain(r.email())
                            .doesNotContain(r.nationalId());
                }
            }
        }
    }

    @Test
    @DisplayName("a retried POST with the same Idempotency-Key gets the first answer and stores one complaint")
    void idempotentRetry() {
        int before = world.store.size();
        Map<String, String> key = Map.of("Idempotency-Key", "app-7f3a-0001");
        TestWorld.Exchange first = world.postForm("/open311/v2/requests.json", TestWorld.validForm(), key);
        TestWorld.Exchange retry = world.postForm("/open311/v2/requests.json", TestWorld.validForm(), key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(world.store.size()).isEqualTo(before + 1);

        // Asked in the other format, the answer is made anew, but lapor knows the message: the same number.
        TestWorld.Exchange other = world.postForm("/open311/v2/requests.xml", TestWorld.validForm(), key);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).contains(idOf(first).value()).contains("already received");
        assertThat(world.store.size()).isEqualTo(before + 1);

        Map<String, String> changed = new LinkedHashMap<>(TestWorld.validForm());
        changed.put("description", "Another report altogether.");
        TestWorld.Exchange reused = world.postForm("/open311/v2/requests.json", changed, key);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("Idempotency-Key");
        assertThat(world.store.size()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("lapor's violations come back under the Open311 field names, without the reporter's values")
    void violationsUseOpen311Names() {
        Map<String, String> form = TestWorld.validForm();
        form.put("email", "not-an-address");
        form.put("phone", "12");
        form.put("address_id", "62.70");
        TestWorld.Exchange e = world.postForm("/open311/v2/requests.json", form, Map.of());
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).contains("address_id").doesNotContain("not-an-address");
        form.put("address_id", "62.71");
        TestWorld.Exchange e2 = world.postForm("/open311/v2/requests.json", form, Map.of());
        assertThat(e2.status()).isEqualTo(400);
        assertThat(e2.body()).contains("email: ").contains("phone: ").doesNotContain("not-an-address");
    }

    @Test
    @DisplayName("GET requests filters by service_code, status, dates and pages with page and page_size")
    void filters() {
        Actor verifier = world.officer(Role.VERIFIER, Fixtures.CITY);
        TrackingNumber road = world.submitNumber(Fixtures.report().build());
        TrackingNumber clinic = world.submitNumber(Fixtures.report().category(Fixtures.CLINICS).build());
        world.clock.advance(Duration.ofDays(1));
        TrackingNumber drain = world.submitNumber(Fixtures.report().category(Fixtures.DRAINAGE).build());
        world.lapor.execute(verifier, drain, new Command.Archive(ArchiveReason.DUPLICATE, null)).orElseThrow();

        assertThat(world.get("/open311/v2/requests.json?service_code=jalan,puskesmas").body())
                .contains(road.value()).contains(clinic.value()).doesNotContain(drain.value());
        assertThat(world.get("/open311/v2/requests.json?status=closed").body())
                .contains(drain.value()).doesNotContain(road.value());
        assertThat(world.get("/open311/v2/requests.json?status=open").body())
                .contains(road.value()).doesNotContain(drain.value());
        assertThat(world.get("/open311/v2/requests.json?start_date=2026-03-18T00:00:00%2B07:00").body())
                .contains(drain.value()).doesNotContain(road.value());
        assertThat(world.get("/open311/v2/requests.json?end_date=2026-03-17T23:59:59Z&start_date=2026-03-01T00:00:00Z").body())
                .contains(road.value()).doesNotContain(drain.value());
        JsonNode page1 = JSON.readTree(world.get("/open311/v2/requests.json?page_size=2&page=1").body());
        JsonNode page2 = JSON.readTree(world.get("/open311/v2/requests.json?page_size=2&page=2").body());
        assertThat(page1.size()).isEqualTo(2);
        assertThat(page2.size()).isEqualTo(1);
        assertThat(page1.get(0).get("service_request_id").asString()).isEqualTo(drain.value());
    }

    @Test
    @DisplayName("the default window is the last 90 days")
    void defaultWindow() {
        TrackingNumber old = world.submitNumber(Fixtures.report().build());
        world.clock.advance(Duration.ofDays(91));
        TrackingNumber recent = world.submitNumber(Fixtures.report().build());
        assertThat(world.get("/open311/v2/requests.json").body()).contains(recent.value()).doesNotContain(old.value());
        assertThat(world.get("/open311/v2/requests.json?service_request_id=" + old).body()).contains(old.value());
    }

    @Test
    @DisplayName("service request updates list each public step with its status, and are off unless enabled")
    void updates() {
        TrackingNumber n = world.submitNumber(Fixtures.report().category(Fixtures.CLINICS).build());
        world.lapor.execute(world.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        world.lapor.execute(world.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH), n, new Command.PostFollowUp("Sudah ditangani.")).orElseThrow();
        JsonNode updates = JSON.readTree(world.get("/open311/v2/servicerequestupdates.json").body());
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).get("description").asString()).isEqualTo("Sudah ditangani.");
        assertThat(updates.get(1).get("update_id").asString()).startsWith(n.value() + "_");
        try (TestWorld off = new TestWorld(false)) {
            assertThat(off.get("/open311/v2/servicerequestupdates.json").status()).isEqualTo(404);
        }
    }
}
