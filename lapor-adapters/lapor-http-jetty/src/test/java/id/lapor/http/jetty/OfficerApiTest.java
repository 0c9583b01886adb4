package id.lapor.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.State;
import id.lapor.http.OfficerApiServlet;
import id.lapor.testkit.Fixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The officer API through Jetty: commands and their outcomes, reads, the queue, statistics, errors. */
class OfficerApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERIFIER = TestWorld.key(Role.VERIFIER, Fixtures.CITY);
    private static final String HEALTH_OPERATOR = TestWorld.key(Role.UNIT_OPERATOR, Fixtures.HEALTH);
    private static final String WORKS_OPERATOR = TestWorld.key(Role.UNIT_OPERATOR, Fixtures.PUBLIC_WORKS);
    private TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static JsonNode json(TestWorld.Exchange e) {
        return JSON.readTree(e.body());
    }

    @Test
    @DisplayName("without a recognised key every resource answers 401, but the OpenAPI document is public")
    void authentication() {
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        TestWorld.Exchange none = world.get("/api/v1/complaints/" + n);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(json(none).get("code").asString()).isEqualTo("unauthorized");
        assertThat(world.getAs("wrong-key", "/api/v1/queue").status()).isEqualTo(401);
        assertThat(world.send("x", "GET", "/api/v1/queue", null, null, Map.of("X-Api-Key", VERIFIER)).status()).isEqualTo(200);
        TestWorld.Exchange openapi = world.get("/api/v1/openapi.yaml");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).startsWith("openapi: 3.");
    }

    @Test
    @DisplayName("a command is accepted with the new version and state, its ETag, and the tracking number in the MDC")
    void acceptedCommand() {
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        TestWorld.Exchange e = world.command(VERIFIER, n, "verify", "{\"unit\":\"dinas-pupr-palangkaraya\",\"weight\":\"normal\"}", Map.of());
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        JsonNode body = json(e);
        assertThat(body.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(body.get("event").asString()).isEqualTo("Verified");
        assertThat(body.get("version").asLong()).isEqualTo(world.store.find(n).orElseThrow().version());
        assertThat(world.mdcSeen).contains(n.value());
        // lapor's own line and the adapter's both carry the tracking number in the MDC.
        assertThat(world.logs()).filteredOn(l -> l.text().startsWith("complaint " + n + " VERIFY by")).hasSize(2)
                .allSatisfy(l -> assertThat(l.mdc()).containsEntry(OfficerApiServlet.MDC_TRACKING_NUMBER, n.value()));
    }

    @Test
    @DisplayName("If-Match with the version seen: 200 when unchanged, 409 conflict when another writer came first")
    void conditionalCommand() {
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        TestWorld.Exchange read = world.getAs(VERIFIER, "/api/v1/complaints/" + n);
        String etag = "\"" + json(read).get("version").asLong() + "\"";
        world.lapor.execute(world.officer(Role.VERIFIER, Fixtures.CITY), n, new Command.Hold("foto kurang jelas")).orElseThrow();
        TestWorld.Exchange stale = world.command(VERIFIER, n, "archive", "{\"reason\":\"TOO_GENERAL\"}", Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(json(stale).get("code").asString()).isEqualTo("conflict");
        long now = world.store.find(n).orElseThrow().version();
        TestWorld.Exchange fresh = world.command(VERIFIER, n, "archive", "{\"reason\":\"TOO_GENERAL\"}",
                Map.of("If-Match", "\"" + now + "\""));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(world.command(VERIFIER, n, "resume", "{}", Map.of("If-Match", "3")).status()).isEqualTo(400);
        assertThat(world.send(VERIFIER, "POST", "/api/v1/complaints/" + n + "/commands/resume?expectedVersion=x", null, null,
                Map.of("Authorization", "Bearer " + VERIFIER)).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("refusals: 409 for the lifecycle (state, rules), 403 for the role or the scope, each with its reason")
    void refusals() {
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        TestWorld.Exchange illegal = world.command(VERIFIER, n, "approve-follow-up", null, Map.of());
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(json(illegal).get("reason").asString()).isEqualTo("ILLEGAL_IN_STATE");
        assertThat(json(illegal).get("state").asString()).isEqualTo("SUBMITTED");
        TestWorld.Exchange role = world.command(HEALTH_OPERATOR, n, "verify", "{\"unit\":\"dinas-kesehatan-palangkaraya\",\"weight\":\"MINOR\"}",
                Map.of());
        assertThat(role.status()).isEqualTo(403);
        assertThat(json(role).get("reason").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        world.command(VERIFIER, n, "verify", "{\"unit\":\"dinas-pupr-palangkaraya\",\"weight\":\"NORMAL\"}", Map.of());
        TestWorld.Exchange scope = world.command(HEALTH_OPERATOR, n, "post-follow-up", "{\"text\":\"sudah\"}", Map.of());
        assertThat(scope.status()).isEqualTo(403);
        assertThat(json(scope).get("reason").asString()).isEqualTo("OUT_OF_SCOPE");
        TestWorld.Exchange rule = world.command(WORKS_OPERATOR, n, "forward", "{\"unit\":\"kota-palangkaraya\"}", Map.of());
        assertThat(rule.status()).isEqualTo(409);
        assertThat(json(rule).get("reason").asString()).isEqualTo("RULE");
    }

    @Test
    @DisplayName("malformed and invalid commands get a 4xx naming the field and what is wrong")
    void malformedCommands() {
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        TestWorld.Exchange invalid = world.command(VERIFIER, n, "verify", "{\"title\":\"\"}", Map.of());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(json(invalid).get("code").asString()).isEqualTo("invalid");
        assertThat(invalid.body()).contains("\"field\":\"weight\"").contains("\"field\":\"title\"");
        TestWorld.Exchange broken = world.command(VERIFIER, n, "hold", "{\"reason\": ", Map.of());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(json(broken).get("detail").asString()).contains("not valid JSON").contains("line 1");
        TestWorld.Exchange unknown = world.command(VERIFIER, n, "hold", "{\"reason\":\"x\",\"colour\":\"red\"}", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("colour").contains("its fields: reason");
        TestWorld.Exchange type = world.command(VERIFIER, n, "verify", "{\"unit\":7,\"weight\":\"HEAVY\",\"tags\":\"a\"}", Map.of());
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.body()).contains("must be a string").contains("HEAVY").contains("must be an array of strings");
        TestWorld.Exchange dup = world.command(VERIFIER, n, "hold", "{\"reason\":\"a\",\"reason\":\"b\"}", Map.of());
        assertThat(dup.status()).isEqualTo(400);
        TestWorld.Exchange array = world.command(VERIFIER, n, "hold", "[1]", Map.of());
        assertThat(array.status()).isEqualTo(400);
        assertThat(world.send(VERIFIER, "POST", "/api/v1/complaints/" + n + "/commands/hold", "text/plain", "reason".getBytes(),
                Map.of("Authorization", "Bearer " + VERIFIER)).status()).isEqualTo(415);
        assertThat(world.command(VERIFIER, n, "fly", "{}", Map.of()).status()).isEqualTo(404);
        assertThat(world.command(VERIFIER, n, "submit", "{}", Map.of()).status()).isEqualTo(404);
        assertThat(world.getAs(VERIFIER, "/api/v1/complaints/12345").status()).isEqualTo(400);
        assertThat(world.getAs(VERIFIER, "/api/v1/complaints/" + TrackingNumber.withCheckDigit("9999999999")).status()).isEqualTo(404);
        assertThat(world.send(VERIFIER, "DELETE", "/api/v1/complaints/" + n, null, null, Map.of("Authorization", "Bearer " + VERIFIER))
                .status()).isEqualTo(405);
        assertThat(world.store.find(n).orElseThrow().version()).as("as submitted").isEqualTo(1);
    }

    @Test
    @DisplayName("the complaint as the caller may see it: the reporter for the verifier, not for a unit when anonymous")
    void reads() {
        TrackingNumber n = world.submitNumber(Fixtures.report().anonymous(true).build());
        world.lapor.execute(world.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        TestWorld.Exchange verifier = world.getAs(VERIFIER, "/api/v1/complaints/" + n);
        assertThat(verifier.status()).isEqualTo(200);
        JsonNode v = json(verifier);
        assertThat(v.get("reporter").get("name").asString()).isEqualTo("Budi Santoso");
        assertThat(v.get("clock").get("stage").asString()).isEqualTo("FOLLOW_UP");
        assertThat(v.get("history").size()).isGreaterThanOrEqualTo(3);
        TestWorld.Exchange unit = world.getAs(HEALTH_OPERATOR, "/api/v1/complaints/" + n);
        assertThat(unit.status()).isEqualTo(200);
        assertThat(json(unit).has("reporter")).isFalse();
        assertThat(unit.body()).doesNotContain("Budi").doesNotContain("6281234567890");
        assertThat(json(unit).get("availableCommands").toString()).contains("post-follow-up");
        assertThat(world.getAs(WORKS_OPERATOR, "/api/v1/complaints/" + n).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a retried command with the same Idempotency-Key gets the first answer and appends nothing")
    void idempotentCommand() {
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        Map<String, String> key = Map.of("Idempotency-Key", "cmd-0001");
        TestWorld.Exchange first = world.command(VERIFIER, n, "hold", "{\"reason\":\"foto kurang\"}", key);
        long version = world.store.find(n).orElseThrow().version();
        TestWorld.Exchange retry = world.command(VERIFIER, n, "hold", "{\"reason\":\"foto kurang\"}", key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(world.store.find(n).orElseThrow().version()).isEqualTo(version);
        assertThat(world.command(VERIFIER, n, "hold", "{\"reason\":\"lain\"}", key).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("the queue lists the unit's subtree by next deadline; a verifier's also the unrouted ones of the region")
    void queue() {
        Actor verifier = world.officer(Role.VERIFIER, Fixtures.CITY);
        TrackingNumber first = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, first, Command.Verify.to(Fixtures.ROADS_UNIT, Weight.MINOR)).orElseThrow();
        world.clock.advance(Duration.ofHours(1));
        TrackingNumber second = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, second, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NEEDING_EXAMINATION)).orElseThrow();
        TrackingNumber health = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, health, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        TrackingNumber unrouted = world.submitNumber(Fixtures.report().build());
        TrackingNumber elsewhere = world.submitNumber(Fixtures.report().location(Location.of("64.72")).build());

        JsonNode works = json(world.getAs(WORKS_OPERATOR, "/api/v1/queue"));
        assertThat(works.get("total").asLong()).isEqualTo(2);
        assertThat(works.get("items").get(0).get("trackingNumber").asString()).isEqualTo(first.value());
        assertThat(works.get("items").get(1).get("trackingNumber").asString()).isEqualTo(second.value());

        JsonNode city = json(world.getAs(VERIFIER, "/api/v1/queue?pageSize=10"));
        assertThat(city.get("total").asLong()).isEqualTo(4);
        assertThat(city.toString()).contains(unrouted.value()).doesNotContain(elsewhere.value());
        JsonNode submitted = json(world.getAs(VERIFIER, "/api/v1/queue?state=SUBMITTED"));
        assertThat(submitted.get("items")).hasSize(1);
        JsonNode page2 = json(world.getAs(VERIFIER, "/api/v1/queue?pageSize=3&page=2"));
        assertThat(page2.get("items")).hasSize(1);
        assertThat(world.getAs(VERIFIER, "/api/v1/queue?state=LOST").status()).isEqualTo(400);
        assertThat(world.getAs(VERIFIER, "/api/v1/queue?pageSize=1000").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("statistics count a zone's reports per month and each unit's stages met by their deadline")
    void statistics() {
        Actor verifier = world.officer(Role.VERIFIER, Fixtures.CITY);
        Actor operator = world.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);
        TrackingNumber onTime = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, onTime, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        world.lapor.execute(operator, onTime, new Command.PostFollowUp("Sudah diperbaiki.")).orElseThrow();
        TrackingNumber late = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, late, Command.Verify.to(Fixtures.HEALTH, Weight.MINOR)).orElseThrow();
        TrackingNumber archived = world.submitNumber(Fixtures.report().build());
        world.lapor.execute(verifier, archived, new Command.Archive(id.lapor.core.complaint.ArchiveReason.DUPLICATE, null)).orElseThrow();
        world.due.advance(Duration.ofDays(30));
        assertThat(world.store.find(late).orElseThrow().state()).isEqualTo(State.DISPATCHED);
        assertThat(world.store.find(onTime).orElseThrow().state()).as("the reply window closed").isEqualTo(State.COMPLETED);

        TestWorld.Exchange e = world.getAs(TestWorld.key(Role.AUDITOR, Fixtures.CITY), "/api/v1/statistics?from=2026-03&to=2026-04");
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        JsonNode s = json(e);
        JsonNode march = s.get("months").get(0);
        assertThat(march.get("month").asString()).isEqualTo("2026-03");
        assertThat(march.get("received").asLong()).isEqualTo(3);
        assertThat(march.get("archived").asLong()).isEqualTo(1);
        assertThat(march.get("inProgress").asLong()).isEqualTo(1);
        assertThat(march.get("completed").asLong()).isEqualTo(1);
        JsonNode healthRow = null;
        for (JsonNode row : s.get("onTime")) {
            if (row.get("unit").asString().equals(Fixtures.HEALTH.value())) {
                healthRow = row;
            }
        }
        assertThat(healthRow).isNotNull();
        assertThat(healthRow.get("stagesDue").asLong()).isEqualTo(2);
        assertThat(healthRow.get("stagesMet").asLong()).isEqualTo(1);
        assertThat(healthRow.get("rate").asDouble()).isEqualTo(0.5);

        assertThat(world.getAs(TestWorld.key(Role.AUDITOR, Fixtures.HEALTH), "/api/v1/statistics?unit=kota-palangkaraya").status())
                .isEqualTo(403);
        assertThat(world.getAs(TestWorld.key(Role.AUDITOR, Fixtures.CITY), "/api/v1/statistics?from=March").status()).isEqualTo(400);
        assertThat(world.getAs(TestWorld.key(Role.AUDITOR, Fixtures.CITY), "/api/v1/statistics?from=2020-01&to=2026-01").status())
                .isEqualTo(400);
        assertThat(world.getAs(TestWorld.key(Role.AUDITOR, Fixtures.CITY), "/api/v1/statistics?unit=nowhere").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a host plugs in its own caller resolution (single sign-on); no caller may act as the system")
    void pluggableCallers() throws Exception {
        // A stand-in for a host's SSO: a header its gateway sets after login.
        id.lapor.http.CallerResolver sso = request -> java.util.Optional.ofNullable(request.getHeader("X-SSO-User"))
                .map(user -> user.equals("robot") ? Actor.system("robot")
                        : Actor.officer(Role.VERIFIER, user, Fixtures.CITY));
        OfficerApiServlet api = OfficerApiServlet.builder().lapor(world.lapor).search(world.store).histories(world.store::history)
                .callers(sso).build();
        TrackingNumber n = world.submitNumber(Fixtures.report().build());
        try (LaporJettyServer server = LaporJettyServer.builder().port(0).officerApi(api).stopTimeoutMillis(0).build()) {
            int port = server.start();
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> ok = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/complaints/" + n)).header("X-SSO-User", "sari.admin").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            java.net.http.HttpResponse<String> robot = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/complaints/" + n + "/commands/archive"))
                    .header("X-SSO-User", "robot").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"OTHER\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(robot.statusCode()).isEqualTo(403);
            assertThat(world.store.find(n).orElseThrow().state()).isEqualTo(State.SUBMITTED);
        }
    }
}
