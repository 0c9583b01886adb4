package id.lapor.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.testkit.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Open311 GeoReport v2 conformance: every document lapor answers, in XML and JSON, has the shape of the
 * specification's own example for it (src/test/resources/open311-spec, see SOURCES.md there), and every
 * error is the spec's error list with the status in its code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311ConformanceTest {
    private TestWorld world;
    private TrackingNumber open;
    private TrackingNumber held;
    private TrackingNumber archived;
    private TrackingNumber completed;
    private TrackingNumber confidential;

    @BeforeAll
    void start() {
        world = new TestWorld();
        var verifier = world.officer(Role.VERIFIER, Fixtures.CITY);
        var operator = world.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);
        open = world.submitNumber(Fixtures.report().category(Fixtures.CLINICS).build());
        world.lapor.execute(verifier, open, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        held = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, held, new Command.Hold("foto jalan diperlukan")).orElseThrow();
        archived = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, archived, new Command.Archive(ArchiveReason.DUPLICATE, "sama dengan laporan lain")).orElseThrow();
        var done = world.submit(Fixtures.report().category(Fixtures.CLINICS).build());
        completed = done.trackingNumber();
        world.lapor.execute(verifier, completed, Command.Verify.to(Fixtures.HEALTH, Weight.MINOR)).orElseThrow();
        world.lapor.execute(operator, completed, new Command.PostFollowUp("Puskesmas sudah buka kembali.")).orElseThrow();
        world.lapor.execute(id.lapor.core.access.Actor.reporter(done.secret()), completed, new Command.Complete("terima kasih")).orElseThrow();
        confidential = world.submitNumber(Fixtures.report().confidential(true).build());
    }

    @AfterAll
    void stop() {
        world.close();
    }

    static Stream<String> formats() {
        return Stream.of("xml", "json");
    }

    private void assertShape(String example, TestWorld.Exchange e, String format, Set<String> mayBeAbsent) {
        assertThat(e.contentType()).isEqualTo(format.equals("xml") ? "text/xml;charset=utf-8" : "application/json;charset=utf-8");
        List<String> differences = format.equals("xml")
                ? SpecShape.xmlDifferences(example + ".xml", e.body(), mayBeAbsent)
                : SpecShape.jsonDifferences(example + ".json", e.body(), mayBeAbsent);
        assertThat(differences).as("%s %s against the spec's %s.%s:%n%s", e.method(), e.path(), example, format, e.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("discovery has the shape of the Service Discovery example")
    void discovery(String format) {
        TestWorld.Exchange e = world.get("/open311/v2/discovery." + format);
        assertThat(e.status()).isEqualTo(200);
        assertShape("discovery", e, format, Set.of());
        assertThat(e.body()).contains("http://wiki.open311.org/GeoReport_v2").contains("text/xml").contains("application/json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("the service list has the shape of GET Service List's example: one service per leaf category")
    void services(String format) {
        TestWorld.Exchange e = world.get("/open311/v2/services." + format);
        assertThat(e.status()).isEqualTo(200);
        assertShape("services", e, format, Set.of());
        assertThat(e.body()).contains("jalan").contains("drainase").contains("puskesmas").doesNotContain(">infrastruktur<")
                .contains("realtime");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("a service definition has the shape of GET Service Definition's example, with kind, anonymous and confidential")
    void serviceDefinition(String format) {
        TestWorld.Exchange e = world.get("/open311/v2/services/jalan." + format);
        assertThat(e.status()).isEqualTo(200);
        // values belong to the list datatypes only: the string attribute (title) has none.
        assertShape("service-definition", e, format, Set.of("values"));
        assertThat(e.body()).contains("kind").contains("anonymous").contains("confidential").contains("singlevaluelist");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("a created request has the shape of POST Service Request's example (account_id may not be returned)")
    void postRequest(String format) {
        TestWorld.Exchange e = world.postForm("/open311/v2/requests." + format, TestWorld.validForm(), Map.of());
        assertThat(e.status()).isEqualTo(200);
        assertShape("post-request", e, format, Set.of("account_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("a list of requests has the shape of GET Service Requests' example (expected_datetime may not be returned)")
    void requests(String format) {
        TestWorld.Exchange e = world.get("/open311/v2/requests." + format);
        assertThat(e.status()).isEqualTo(200);
        assertShape("requests", e, format, Set.of("expected_datetime"));
        assertThat(e.body()).contains(open.value()).contains(held.value()).contains(archived.value()).contains(completed.value())
                .doesNotContain(confidential.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("one request has the shape of GET Service Request's example")
    void request(String format) {
        for (TrackingNumber n : List.of(open, held, archived, completed)) {
            TestWorld.Exchange e = world.get("/open311/v2/requests/" + n + "." + format);
            assertThat(e.status()).isEqualTo(200);
            assertShape("request", e, format, Set.of("expected_datetime"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("service request updates (mySociety extension) have the shape of its example")
    void updates(String format) {
        TestWorld.Exchange e = world.get("/open311/v2/servicerequestupdates." + format);
        assertThat(e.status()).isEqualTo(200);
        assertShape("servicerequestupdates", e, format, Set.of());
        assertThat(e.body()).contains(archived.value()).doesNotContain(confidential.value());
    }

    static Stream<Arguments> errorCases() {
        Map<String, String> noKey = new LinkedHashMap<>(TestWorld.validForm());
        noKey.remove("api_key");
        Map<String, String> wrongKey = new LinkedHashMap<>(TestWorld.validForm());
        wrongKey.put("api_key", "not-a-client-key");
        Map<String, String> noService = new LinkedHashMap<>(TestWorld.validForm());
        noService.remove("service_code");
        Map<String, String> unknownService = new LinkedHashMap<>(TestWorld.validForm());
        unknownService.put("service_code", "sampah");
        Map<String, String> groupService = new LinkedHashMap<>(TestWorld.validForm());
        groupService.put("service_code", "infrastruktur");
        Map<String, String> otherJurisdiction = new LinkedHashMap<>(TestWorld.validForm());
        otherJurisdiction.put("jurisdiction_id", "sfgov.org");
        Map<String, String> badLat = new LinkedHashMap<>(TestWorld.validForm());
        badLat.put("lat", "north");
        Map<String, String> noLocation = new LinkedHashMap<>(TestWorld.validForm());
        noLocation.keySet().removeAll(Set.of("lat", "long", "address_id", "address_string"));
        Map<String, String> noContact = new LinkedHashMap<>(TestWorld.validForm());
        noContact.keySet().removeAll(Set.of("email", "phone"));
        Map<String, String> badAttribute = new LinkedHashMap<>(TestWorld.validForm());
        badAttribute.put("attribute[colour]", "red");
        return Stream.of(
                Arguments.of("POST without api_key", "POST", "requests", noKey, 403),
                Arguments.of("POST with an unknown api_key", "POST", "requests", wrongKey, 403),
                Arguments.of("POST without service_code", "POST", "requests", noService, 400),
                Arguments.of("POST with an unknown service_code", "POST", "requests", unknownService, 404),
                Arguments.of("POST with a group as service_code", "POST", "requests", groupService, 404),
                Arguments.of("POST to another jurisdiction", "POST", "requests", otherJurisdiction, 404),
                Arguments.of("POST with a malformed lat", "POST", "requests", badLat, 400),
                Arguments.of("POST without a location", "POST", "requests", noLocation, 400),
                Arguments.of("POST without e-mail or phone", "POST", "requests", noContact, 400),
                Arguments.of("POST with an unknown attribute", "POST", "requests", badAttribute, 400),
                Arguments.of("GET an unknown service", "GET", "services/sampah", null, 404),
                Arguments.of("GET services of another jurisdiction", "GET", "services?jurisdiction_id=sfgov.org", null, 404),
                Arguments.of("GET requests with a malformed start_date", "GET", "requests?start_date=yesterday", null, 400),
                Arguments.of("GET requests over more than 90 days", "GET",
                        "requests?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", null, 400),
                Arguments.of("GET requests with an unknown status", "GET", "requests?status=pending", null, 400),
                Arguments.of("GET requests with page_size 0", "GET", "requests?page_size=0", null, 400),
                Arguments.of("GET a request with a malformed id", "GET", "requests/abc", null, 400),
                Arguments.of("GET an unknown request", "GET", "requests/" + TrackingNumber.withCheckDigit("9999999999"), null, 404),
                Arguments.of("GET an unknown token", "GET", "tokens/12345", null, 404),
                Arguments.of("GET an unknown resource", "GET", "reports", null, 404),
                Arguments.of("DELETE a request", "DELETE", "requests/" + TrackingNumber.withCheckDigit("9999999999"), null, 405));
    }

    @ParameterizedTest(name = "{0} ({5}) answers {4}")
    @MethodSource("errorCasesInBothFormats")
    @DisplayName("every error is the spec's error list, its code the HTTP status")
    void errors(String name, String method, String resource, Map<String, String> form, int status, String format) {
        int q = resource.indexOf('?');
        String path = "/open311/v2/" + (q < 0 ? resource + "." + format : resource.substring(0, q) + "." + format + resource.substring(q));
        TestWorld.Exchange e = form != null
                ? world.postForm(path, form, Map.of())
                : world.send("public", method, path, null, null, Map.of());
        assertThat(e.status()).as(e.body()).isEqualTo(status);
        assertShape("errors", e, format, Set.of());
        assertThat(e.body()).contains(format.equals("xml") ? "<code>" + status + "</code>" : "\"code\":" + status);
    }

    static Stream<Arguments> errorCasesInBothFormats() {
        return errorCases().flatMap(a -> Stream.of("xml", "json").map(f -> {
            Object[] args = a.get();
            return Arguments.of(args[0], args[1], args[2], args[3], args[4], f);
        }));
    }

    @Test
    @DisplayName("a confidential request answers 404 exactly like a number never given")
    void confidentialIsNotFound() {
        TrackingNumber never = TrackingNumber.withCheckDigit("9999999999");
        for (String format : List.of("xml", "json")) {
            TestWorld.Exchange secret = world.get("/open311/v2/requests/" + confidential + "." + format);
            TestWorld.Exchange unknown = world.get("/open311/v2/requests/" + never + "." + format);
            assertThat(secret.status()).isEqualTo(404).isEqualTo(unknown.status());
            assertThat(secret.contentType()).isEqualTo(unknown.contentType());
            assertThat(secret.body().replace(confidential.value(), "N")).isEqualTo(unknown.body().replace(never.value(), "N"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"requests.csv", "services.html"})
    @DisplayName("an unknown format is a 400 in XML, the format every client reads")
    void unknownFormat(String resource) {
        TestWorld.Exchange e = world.get("/open311/v2/" + resource);
        assertThat(e.status()).isEqualTo(400);
        assertShape("errors", e, "xml", Set.of());
    }

    @Test
    @DisplayName("a body over the limit is refused with the error list (413), an unsupported type with 415")
    void limits() {
        byte[] huge = new byte[200 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        TestWorld.Exchange big = world.send("open311-client", "POST", "/open311/v2/requests.json",
                "application/x-www-form-urlencoded", huge, Map.of());
        assertThat(big.status()).isEqualTo(413);
        assertShape("errors", big, "json", Set.of());
        TestWorld.Exchange multipart = world.send("open311-client", "POST", "/open311/v2/requests.xml", "multipart/form-data; boundary=x",
                "--x--".getBytes(), Map.of());
        assertThat(multipart.status()).isEqualTo(415);
        assertShape("errors", multipart, "xml", Set.of());
    }
}
