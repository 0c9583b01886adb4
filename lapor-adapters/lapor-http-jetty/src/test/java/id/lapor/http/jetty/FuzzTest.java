package id.lapor.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded random requests to every endpoint through Jetty on 127.0.0.1: random fields, sizes, encodings
 * and methods. A request valid by construction gets a 2xx; any other a 4xx with its API's error body;
 * none a 5xx; and a refused request writes nothing (complaints, versions and outbox unchanged). Bounded
 * in count and time; the seed is printed ({@code -Dlapor.seed=...} repeats a run).
 */
class FuzzTest {
    private static final int REQUESTS = 2500;
    private static final Duration BUDGET = Duration.ofSeconds(25);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] FORMATS = {"xml", "json"};
    private static final String[] SERVICES = {"jalan", "drainase", "puskesmas"};

    private enum Expect {
        /** Valid by construction: 2xx. */
        VALID,
        /** Malformed or not allowed: 4xx with the API's error body, nothing written. */
        INVALID,
        /** A well-formed command whose fate the lifecycle decides: 200, or 403/404/409 and nothing written. */
        DECIDED
    }

    private record Case(String what, Expect expect, boolean open311, String method, String path, String contentType, byte[] body,
                        Map<String, String> headers) {
        /** True when java.net.http would refuse to send it as it is: it goes over a raw socket. */
        boolean raw() {
            return !path.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f) || path.matches(".*%([^0-9A-Fa-f].|.[^0-9A-Fa-f]|.?$).*")
                    || headers.values().stream().anyMatch(v -> !v.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f));
        }
    }

    private final long seed = Long.getLong("lapor.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private TestWorld world;
    private final List<TrackingNumber> publicNumbers = new ArrayList<>();
    private TrackingNumber confidential;

    @BeforeEach
    void start() {
        world = new TestWorld();
        var verifier = world.officer(Role.VERIFIER, Fixtures.CITY);
        for (int i = 0; i < 6; i++) {
            TrackingNumber n = world.submitNumber(Fixtures.report().anonymous(i % 2 == 0).build());
            if (i % 3 != 0) {
                world.lapor.execute(verifier, n, Command.Verify.to(i % 2 == 0 ? Fixtures.HEALTH : Fixtures.PUBLIC_WORKS, Weight.NORMAL))
                        .orElseThrow();
            }
            publicNumbers.add(n);
        }
        confidential = world.submitNumber(Fixtures.report().confidential(true).build());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("random requests to every endpoint: valid ones 2xx, others 4xx with the error body, never 5xx, refusals write nothing")
    void fuzz() {
        System.out.println("FuzzTest seed=" + seed + " (repeat with -Dlapor.seed=" + seed + ")");
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int sent = 0;
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        while (sent < REQUESTS && System.nanoTime() < deadline) {
            Case c = next();
            long versions = versions();
            int complaints = world.store.size();
            int outbox = world.store.outbox().size();
            String audience = c.open311() ? "open311-client" : "officer";
            TestWorld.Exchange e = c.raw() ? world.sendRaw(audience, c.method(), c.path(), rawHead(c), c.body())
                    : world.send(audience, c.method(), c.path(), c.contentType(), c.body(), c.headers());
            sent++;
            String what = c.what() + ": " + c.method() + " " + c.path() + " -> " + e.status() + " " + e.body();
            byOutcome.merge(c.expect() + " " + e.status(), 1, Integer::sum);
            assertThat(e.status()).as(what).isLessThan(500);
            switch (c.expect()) {
                case VALID:
                    assertThat(e.status()).as(what).isBetween(200, 299);
                    break;
                case INVALID:
                    assertThat(e.status()).as(what).isBetween(400, 499);
                    assertThat(world.store.size()).as("a refused request created a complaint: " + what).isEqualTo(complaints);
                    assertThat(versions()).as("a refused request changed a complaint: " + what).isEqualTo(versions);
                    assertThat(world.store.outbox()).as("a refused request wrote to the outbox: " + what).hasSize(outbox);
                    if (!c.method().equals("HEAD")) {
                        assertErrorBody(c, e, what);
                    }
                    break;
                default:
                    assertThat(e.status()).as(what).isIn(200, 403, 404, 409);
                    if (e.status() != 200) {
                        assertThat(versions()).as("a refused command changed a complaint: " + what).isEqualTo(versions);
                        assertThat(world.store.outbox()).as("a refused command wrote to the outbox: " + what).hasSize(outbox);
                        assertErrorBody(c, e, what);
                    }
            }
        }
        System.out.println("FuzzTest: " + sent + " requests, outcomes " + byOutcome);
        assertThat(sent).isGreaterThan(300);
    }

    private static String rawHead(Case c) {
        List<String> lines = new ArrayList<>();
        if (c.contentType() != null) {
            lines.add("Content-Type: " + c.contentType());
        }
        c.headers().forEach((k, v) -> lines.add(k + ": " + v));
        return String.join("\r\n", lines);
    }

    private long versions() {
        long sum = 0;
        for (Complaint c : world.store.search(ComplaintFilter.all(), 0, Integer.MAX_VALUE)) {
            sum += c.version();
        }
        return sum;
    }

    /** The 4xx body is the Open311 error list (code = status), or the officer API's problem document (status = status). */
    private static void assertErrorBody(Case c, TestWorld.Exchange e, String what) {
        if (c.open311()) {
            if (e.contentType().startsWith("application/json")) {
                JsonNode list = JSON.readTree(e.body());
                assertThat(list.isArray() && !list.isEmpty()).as(what).isTrue();
                for (JsonNode err : list) {
                    assertThat(err.get("code").asInt()).as(what).isEqualTo(e.status());
                    assertThat(err.get("description").asString()).as(what).isNotBlank();
                }
            } else {
                assertThat(e.contentType()).as(what).startsWith("text/xml");
                Element root = SpecShape.parse(e.body());
                assertThat(root.getTagName()).as(what).isEqualTo("errors");
                int n = 0;
                for (Node x = root.getFirstChild(); x != null; x = x.getNextSibling()) {
                    if (x instanceof Element err) {
                        n++;
                        assertThat(err.getTagName()).isEqualTo("error");
                        assertThat(err.getElementsByTagName("code").item(0).getTextContent()).as(what).isEqualTo(String.valueOf(e.status()));
                        assertThat(err.getElementsByTagName("description").item(0).getTextContent()).as(what).isNotBlank();
                    }
                }
                assertThat(n).as(what).isPositive();
            }
        } else {
            assertThat(e.contentType()).as(what).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(e.body());
            assertThat(problem.get("status").asInt()).as(what).isEqualTo(e.status());
            assertThat(problem.get("detail").asString()).as(what).isNotBlank();
        }
    }

    // --- generators ---------------------------------------------------------------------------------

    private Case next() {
        int pick = random.nextInt(100);
        if (pick < 15) {
            return validOpen311Get();
        } else if (pick < 30) {
            return validOpen311Post();
        } else if (pick < 50) {
            return invalidOpen311Post();
        } else if (pick < 60) {
            return invalidOpen311Get();
        } else if (pick < 68) {
            return validOfficerGet();
        } else if (pick < 78) {
            return decidedCommand();
        } else if (pick < 94) {
            return invalidOfficer();
        }
        return randomMethod();
    }

    private String format() {
        return FORMATS[random.nextInt(2)];
    }

    private <T> T any(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private Case validOpen311Get() {
        String f = format();
        String path;
        switch (random.nextInt(7)) {
            case 0:
                path = "discovery." + f;
                break;
            case 1:
                path = "services." + f;
                break;
            case 2:
                path = "services/" + SERVICES[random.nextInt(3)] + "." + f;
                break;
            case 3:
                path = "requests/" + any(publicNumbers) + "." + f;
                break;
            case 4:
                path = "servicerequestupdates." + f + "?start_date=2026-03-01T00:00:00Z&end_date=2026-03-31T00:00:00%2B07:00";
                break;
            default:
                List<String> q = new ArrayList<>();
                if (random.nextBoolean()) {
                    q.add("service_code=" + SERVICES[random.nextInt(3)] + (random.nextBoolean() ? "," + SERVICES[random.nextInt(3)] : ""));
                }
                if (random.nextBoolean()) {
                    q.add("status=" + (random.nextBoolean() ? "open" : "closed,open"));
                }
                if (random.nextBoolean()) {
                    q.add("start_date=2026-0" + (1 + random.nextInt(3)) + "-1" + random.nextInt(10) + "T00:00:00Z");
                }
                if (random.nextBoolean()) {
                    q.add("page=" + (1 + random.nextInt(3)) + "&page_size=" + (1 + random.nextInt(1000)));
                }
                if (random.nextBoolean()) {
                    q.add("service_request_id=" + any(publicNumbers) + "," + confidential);
                }
                if (random.nextBoolean()) {
                    q.add("jurisdiction_id=" + TestWorld.JURISDICTION);
                }
                path = "requests." + f + (q.isEmpty() ? "" : "?" + String.join("&", q));
        }
        String method = random.nextInt(5) == 0 ? "HEAD" : "GET";
        return new Case("valid Open311 read", Expect.VALID, true, method, "/open311/v2/" + path, null, null, Map.of());
    }

    private Map<String, String> validForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", TestWorld.CLIENT_KEY);
        if (random.nextBoolean()) {
            f.put("jurisdiction_id", TestWorld.JURISDICTION);
        }
        f.put("service_code", SERVICES[random.nextInt(3)]);
        switch (random.nextInt(3)) {
            case 0:
                f.put("lat", String.format(Locale.ROOT, "%.6f", -2.3 + random.nextDouble() * 0.3));
                f.put("long", String.format(Locale.ROOT, "%.6f", 113.8 + random.nextDouble() * 0.3));
                break;
            case 1:
                f.put("address_id", any(List.of("62.71", "62.71.01", "62.71.01.1001", "62.71.02.2003")));
                break;
            default:
                f.put("address_string", text(1 + random.nextInt(200)));
        }
        if (random.nextBoolean()) {
            f.put("email", "w" + random.nextInt(100000) + "@example.org");
        } else {
            f.put("phone", "+62 812-" + (1000 + random.nextInt(9000)) + "-" + (1000 + random.nextInt(9000)));
        }
        if (random.nextBoolean()) {
            f.put("first_name", "Warga");
            f.put("last_name", "Nomor " + random.nextInt(1000));
        }
        f.put("description", text(1 + random.nextInt(random.nextInt(10) == 0 ? 4000 : 300)));
        if (random.nextBoolean()) {
            f.put("attribute[kind]", any(List.of("aspiration", "complaint", "information_request")));
        }
        if (random.nextBoolean()) {
            f.put("attribute[anonymous]", random.nextBoolean() ? "true" : "false");
        }
        if (random.nextBoolean()) {
            f.put("attribute[confidential]", random.nextBoolean() ? "true" : "false");
        }
        if (random.nextInt(4) == 0) {
            f.put("attribute[title]", text(1 + random.nextInt(100)).replaceAll("[\\r\\n]", " ").strip() + "x");
        }
        if (random.nextInt(4) == 0) {
            f.put("media_url", "https://foto.example.org/" + random.nextInt(1000) + ".jpg");
        }
        return f;
    }

    /** Text a person may type: letters from several scripts, digits, punctuation, emoji, line breaks; never blank. */
    private String text(int length) {
        String[] pieces = {"jalan", "rusak", "Pasar", "Kahayan", "é", "ü", "ñ", "\u00e0", "\u0410", "\u4e2d", "\ud83d\ude97", "\ud83c\udf0a",
                " ", " ", ",", ".", "\n", "0", "7", "%", "&", "=", "+", "<", ">", "\"", "'", "#", "/", "?"};
        StringBuilder s = new StringBuilder("L");
        while (s.codePointCount(0, s.length()) < length) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        String out = s.toString();
        while (out.codePointCount(0, out.length()) > length) {
            out = out.substring(0, out.offsetByCodePoints(0, out.codePointCount(0, out.length()) - 1));
        }
        return out.isBlank() ? "L" : out;
    }

    private Case validOpen311Post() {
        Map<String, String> headers = random.nextInt(3) == 0 ? Map.of("Idempotency-Key", "fuzz-" + random.nextLong()) : Map.of();
        return new Case("valid Open311 POST", Expect.VALID, true, "POST", "/open311/v2/requests." + format(),
                "application/x-www-form-urlencoded" + (random.nextBoolean() ? "; charset=utf-8" : ""), TestWorld.form(validForm()), headers);
    }

    private Case invalidOpen311Post() {
        Map<String, String> f = validForm();
        String contentType = "application/x-www-form-urlencoded";
        byte[] body = null;
        Map<String, String> headers = Map.of();
        String what;
        switch (random.nextInt(19)) {
            case 0:
                f.remove("api_key");
                what = "no api_key";
                break;
            case 1:
                f.put("api_key", text(1 + random.nextInt(40)));
                what = "wrong api_key";
                break;
            case 2:
                f.remove("service_code");
                what = "no service_code";
                break;
            case 3:
                f.put("service_code", any(List.of("infrastruktur", "sampah", "", "JALAN", "jalan;drop", "../x")));
                what = "unknown service_code";
                if (f.get("service_code").isEmpty()) {
                    f.remove("service_code");
                }
                break;
            case 4:
                f.put("lat", any(List.of("91", "-90.5", "abc", "NaN", "1e3", "Infinity", "")));
                f.put("long", "113.9");
                what = "bad lat";
                if (f.get("lat").isEmpty()) {
                    f.put("long", "181");
                }
                break;
            case 5:
                f.keySet().removeAll(List.of("lat", "long", "address_id", "address_string"));
                f.put("lat", "-2.2");
                what = "lat without long";
                break;
            case 6:
                f.put("address_id", any(List.of("62.70", "00", "6271", "62.71.01.3001", "x", "62.71.00")));
                what = "bad address_id";
                break;
            case 7:
                f.put("description", text(4001 + random.nextInt(500)));
                what = "description too long";
                break;
            case 8:
                f.put("description", "Jalan\u0000rusak" + (char) (1 + random.nextInt(8)));
                what = "control character";
                break;
            case 9:
                f.remove("description");
                what = "no description";
                break;
            case 10:
                f.put("attribute[" + any(List.of("colour", "x", "KIND")) + "]", "1");
                what = "unknown attribute";
                break;
            case 11:
                f.put("attribute[kind]", any(List.of("Complaint", "pengaduan", "2")));
                what = "bad kind";
                break;
            case 12:
                f.put("media_url", any(List.of("ftp://x/y.jpg", "not a url", "javascript:alert(1)", "/relative.jpg")));
                what = "bad media_url";
                break;
            case 13:
                f.keySet().removeAll(List.of("email", "phone"));
                what = "no way to reach the reporter";
                break;
            case 14:
                body = (new String(TestWorld.form(f), StandardCharsets.US_ASCII) + "&" + any(List.of("description=%zz", "x=%F", "service_code=%FF%FE",
                        "description=%C3%28", "%=1", "description=%ED%A0%80"))).getBytes(StandardCharsets.US_ASCII);
                what = "broken encoding";
                break;
            case 15:
                body = (new String(TestWorld.form(f), StandardCharsets.US_ASCII) + "&service_code=jalan").getBytes(StandardCharsets.US_ASCII);
                what = "service_code twice";
                break;
            case 16:
                contentType = any(List.of("application/json", "text/plain", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded; charset=iso-8859-1", ""));
                what = "wrong content type";
                if (contentType.isEmpty()) {
                    contentType = null;
                }
                break;
            case 17:
                ByteArrayOutputStream big = new ByteArrayOutputStream();
                big.writeBytes(TestWorld.form(f));
                big.writeBytes("&pad=".getBytes(StandardCharsets.US_ASCII));
                big.writeBytes("a".repeat(130 * 1024 + random.nextInt(10_000)).getBytes(StandardCharsets.US_ASCII));
                body = big.toByteArray();
                what = "body too large";
                break;
            default:
                headers = Map.of("Idempotency-Key", any(List.of("has space", "x".repeat(201), "tab\there", "a,b c", "\u00e9t\u00e9")));
                what = "bad Idempotency-Key " + headers;
        }
        if (body == null) {
            body = TestWorld.form(f);
        }
        return new Case("invalid Open311 POST: " + what, Expect.INVALID, true, "POST", "/open311/v2/requests." + format(), contentType, body,
                headers);
    }

    private Case invalidOpen311Get() {
        String f = format();
        String path = switch (random.nextInt(12)) {
            case 0 -> "requests." + f + "?start_date=" + any(List.of("2026-03-01", "yesterday", "2026-13-01T00:00:00Z", "%zz"));
            case 1 -> "requests." + f + "?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z";
            case 2 -> "requests." + f + "?status=" + any(List.of("pending", "OPEN;", "x"));
            case 3 -> "requests." + f + "?page_size=" + any(List.of("0", "1001", "-1", "ten", "99999999999"));
            case 4 -> "requests/" + any(List.of("abc", "123", "1234567890123456789012", "%2e%2e", "%FF%FE", "%zz", "\u00e9",
                    "%C3%28")) + "." + f;
            case 5 -> "requests/" + confidential + "." + f;
            case 6 -> "requests/" + TrackingNumber.withCheckDigit(String.valueOf(1_000_000_000L + random.nextInt(1_000_000))) + "." + f;
            case 7 -> "services/" + any(List.of("infrastruktur", "nope", "x y")) + "." + f;
            case 8 -> "tokens/" + any(List.of("12345", "abc", "t-1")) + "." + f;
            case 9 -> any(List.of("reports", "requests/1/2", "", "services.csv", "Requests")) + (random.nextBoolean() ? "." + f : "");
            case 10 -> "services." + f + "?jurisdiction_id=" + any(List.of("sfgov.org", "x"));
            default -> "requests." + f + "?service_request_id=" + any(List.of("abc", "12,34")) + "&service_code=jalan";
        };
        if (path.contains("requests/" + confidential) || path.matches("requests/\\d{11}\\..*")) {
            // A confidential one, or an unknown valid number: 404 either way.
            return new Case("unknown or confidential request", Expect.INVALID, true, "GET", "/open311/v2/" + path, null, null, Map.of());
        }
        return new Case("invalid Open311 read", Expect.INVALID, true, random.nextInt(6) == 0 ? "HEAD" : "GET", "/open311/v2/" + path, null,
                null, Map.of());
    }

    private Case validOfficerGet() {
        String key = TestWorld.key(any(List.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.SUPERVISOR)), Fixtures.CITY);
        String path = switch (random.nextInt(4)) {
            case 0 -> {
                // The city's verifier sees every complaint of the city, routed or not.
                key = TestWorld.key(Role.VERIFIER, Fixtures.CITY);
                yield "/api/v1/complaints/" + any(publicNumbers);
            }
            case 1 -> "/api/v1/queue?page=" + (1 + random.nextInt(3)) + "&pageSize=" + (1 + random.nextInt(200))
                    + (random.nextBoolean() ? "&state=DISPATCHED,SUBMITTED" : "");
            case 2 -> "/api/v1/statistics?from=2026-0" + (1 + random.nextInt(3)) + "&to=2026-0" + (3 + random.nextInt(6));
            default -> "/api/v1/openapi.yaml";
        };
        return new Case("valid officer read", Expect.VALID, false, "GET", path, null, null, Map.of("Authorization", "Bearer " + key));
    }

    private Case decidedCommand() {
        Role role = any(List.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.LIAISON_OFFICER, Role.SUPERVISOR, Role.AUDITOR));
        String key = TestWorld.key(role, any(List.of(Fixtures.CITY, Fixtures.HEALTH, Fixtures.PUBLIC_WORKS, Fixtures.EAST_KALIMANTAN)));
        String[][] commands = {
                {"verify", "{\"unit\":\"dinas-kesehatan-palangkaraya\",\"weight\":\"MINOR\"}"},
                {"hold", "{\"reason\":\"" + text(1 + random.nextInt(50)).replace("\\", "").replace("\"", "").replace("\n", " ") + "x\"}"},
                {"resume", "{}"},
                {"post-follow-up", "{\"text\":\"Sudah diperbaiki.\"}"},
                {"approve-follow-up", ""},
                {"forward", "{\"unit\":\"upt-jalan-palangkaraya\"}"},
                {"reassign", "{\"unit\":\"dinas-kesehatan-palangkaraya\",\"reason\":\"salah unit\"}"},
                {"complete", "{\"note\":null}"},
                {"escalate", "{\"level\":2,\"reason\":\"lambat\",\"actions\":[\"RAISE_PRIORITY\"]}"},
                {"archive", "{\"reason\":\"too-general\"}"}};
        String[] c = commands[random.nextInt(commands.length)];
        TrackingNumber n = random.nextInt(8) == 0 ? confidential : any(publicNumbers);
        return new Case("well-formed command", Expect.DECIDED, false, "POST", "/api/v1/complaints/" + n + "/commands/" + c[0],
                c[1].isEmpty() ? null : "application/json", c[1].isEmpty() ? null : c[1].getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + key));
    }

    private Case invalidOfficer() {
        String key = TestWorld.key(Role.VERIFIER, Fixtures.CITY);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + key);
        TrackingNumber n = any(publicNumbers);
        String base = "/api/v1/complaints/" + n + "/commands/";
        String json = "application/json";
        return switch (random.nextInt(14)) {
            case 0 -> new Case("no credentials", Expect.INVALID, false, "GET", any(List.of("/api/v1/queue", "/api/v1/complaints/" + n)),
                    null, null, random.nextBoolean() ? Map.of() : Map.of("Authorization", "Bearer " + any(List.of("x", "key-verifier",
                            "key-verifier-kota", "é-key", "", "null"))));
            case 1 -> new Case("broken JSON", Expect.INVALID, false, "POST", base + "hold", json,
                    any(List.of("{", "{\"reason\":}", "[]", "\"x\"", "{\"reason\":\"a\",}", "nul", "{\"reason\":\"a\"}{}"))
                            .getBytes(StandardCharsets.UTF_8), auth);
            case 2 -> new Case("invalid UTF-8", Expect.INVALID, false, "POST", base + "hold", json,
                    new byte[] {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, auth);
            case 3 -> new Case("wrong types", Expect.INVALID, false, "POST", base + any(List.of("rate", "escalate", "verify")), json,
                    any(List.of("{\"score\":\"five\"}", "{\"level\":1.5,\"reason\":\"x\",\"actions\":[]}", "{\"unit\":[],\"weight\":1}",
                            "{\"score\":99999999999}")).getBytes(StandardCharsets.UTF_8), auth);
            case 4 -> new Case("unknown field", Expect.INVALID, false, "POST", base + "resume", json,
                    ("{\"" + any(List.of("reason", "x", "note2")) + "\":1}").getBytes(StandardCharsets.UTF_8), auth);
            case 5 -> new Case("constraint broken", Expect.INVALID, false, "POST", base + any(List.of("hold", "rate")), json,
                    any(List.of("{\"reason\":\"   \"}", "{\"score\":0}", "{\"score\":6}", "{\"reason\":\"" + "x".repeat(2001) + "\"}"))
                            .getBytes(StandardCharsets.UTF_8), auth);
            case 6 -> new Case("bad tracking number", Expect.INVALID, false, "GET",
                    "/api/v1/complaints/" + any(List.of("abc", "12345678901", "1")), null, null, auth);
            case 7 -> new Case("bad If-Match", Expect.INVALID, false, "POST", base + "resume", json, "{}".getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + key, "If-Match", any(List.of("W/\"3\"", "three", "\"-1\"", "\"\""))));
            case 8 -> new Case("wrong content type", Expect.INVALID, false, "POST", base + "hold",
                    any(List.of("text/plain", "application/json; charset=latin1", "application/xml")),
                    "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), auth);
            case 9 -> new Case("body too large", Expect.INVALID, false, "POST", base + "post-follow-up", json,
                    ("{\"text\":\"" + "a".repeat(140 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), auth);
            case 10 -> new Case("unknown command", Expect.INVALID, false, "POST", base + any(List.of("submit", "delete", "VERIFY", "x")), json,
                    "{}".getBytes(StandardCharsets.UTF_8), auth);
            case 11 -> new Case("bad query", Expect.INVALID, false, "GET", any(List.of("/api/v1/queue?page=0", "/api/v1/queue?pageSize=x",
                    "/api/v1/queue?state=NOPE", "/api/v1/statistics?from=2026-3", "/api/v1/statistics?unit=Bad%20Unit",
                    "/api/v1/queue?page=%zz", "/api/v1/statistics?to=2020-01&from=2026-01")), null, null, auth);
            case 12 -> new Case("deep JSON", Expect.INVALID, false, "POST", base + "hold", json,
                    ("{\"reason\":" + "[".repeat(50) + "]".repeat(50) + "}").getBytes(StandardCharsets.UTF_8), auth);
            default -> new Case("unknown resource", Expect.INVALID, false, any(List.of("GET", "POST")),
                    any(List.of("/api/v1/", "/api/v1/complaints", "/api/v1/users", "/api/v1/complaints/" + n + "/history")), null, null, auth);
        };
    }

    private Case randomMethod() {
        String method = any(List.of("PUT", "DELETE", "PATCH", "FOO", "PROPFIND"));
        String key = TestWorld.key(Role.VERIFIER, Fixtures.CITY);
        if (random.nextBoolean()) {
            String path = any(List.of("requests", "services", "discovery", "requests/" + any(publicNumbers))) + "." + format();
            return new Case("method not allowed", Expect.INVALID, true, method, "/open311/v2/" + path, null, null, Map.of());
        }
        if (random.nextInt(4) == 0) {
            return new Case("OPTIONS", Expect.VALID, true, "OPTIONS", "/open311/v2/requests." + format(), null, null, Map.of());
        }
        String path = any(List.of("/api/v1/queue", "/api/v1/complaints/" + any(publicNumbers), "/api/v1/statistics"));
        return new Case("method not allowed", Expect.INVALID, false, method, path, null, null, Map.of("Authorization", "Bearer " + key));
    }
}
