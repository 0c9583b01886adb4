package id.lapor.http.jetty;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.http.ApiKeyCallerResolver;
import id.lapor.http.OfficerApiServlet;
import id.lapor.http.Open311Servlet;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.ManualDueWork;
import id.lapor.testkit.SettableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * A running lapor behind a real Jetty on 127.0.0.1: the testkit's Palangka Raya directory, an in-memory
 * store, a settable clock, Open311 (client key {@link #CLIENT_KEY}) and the officer API with one API key
 * per role and unit ({@link #key}). Every response is recorded with who asked, for the privacy checks.
 */
final class TestWorld implements AutoCloseable {
    static final String CLIENT_KEY = "open311-client-key-for-tests";
    static final String JURISDICTION = "palangkaraya.go.id";
    static final List<UnitId> UNITS = List.of(Fixtures.NATIONAL, Fixtures.PROVINCE, Fixtures.CITY, Fixtures.PUBLIC_WORKS,
            Fixtures.ROADS_UNIT, Fixtures.HEALTH, Fixtures.DISTRICT, Fixtures.VILLAGE, Fixtures.MINISTRY, Fixtures.EAST_KALIMANTAN);
    static final List<Role> OFFICER_ROLES = List.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.LIAISON_OFFICER, Role.SUPERVISOR,
            Role.AUDITOR);

    /**
     * Sends, and sends again once when the pooled connection turned out closed before a single byte of
     * the answer came back: the server closes a connection after answering a request whose body it did
     * not read (the fuzzer makes many), and the client may have picked that connection for the next
     * request. A server that never answered never processed the request, so the retry changes nothing.
     */
    private HttpResponse<byte[]> sendRetryingOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            throw e;
        }
    }

    /** One response as the client saw it; {@code audience} names who asked ("public", "open311-client", an officer key). */
    record Exchange(String audience, String method, String path, int status, String contentType, String body) {
    }

    final SettableClock clock = SettableClock.at("2026-03-17T03:00:00Z"); // Tuesday 10:00 WIB
    final InMemoryComplaintStore store = new InMemoryComplaintStore();
    final List<String> mdcSeen = Collections.synchronizedList(new ArrayList<>());
    final Lapor lapor;
    final ManualDueWork due;
    final LaporJettyServer server;
    final URI base;
    final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    /** Where this world's log lines start in {@link CapturedLog}. */
    final int logMark = CapturedLog.lines().size();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestWorld() {
        this(true);
    }

    TestWorld(boolean updates) {
        this.lapor = Fixtures.laporBuilder(store, clock)
                .listener(events -> mdcSeen.add(String.valueOf(MDC.get(OfficerApiServlet.MDC_TRACKING_NUMBER))))
                .build();
        this.due = new ManualDueWork(lapor, store, clock);
        ApiKeyCallerResolver.Builder keys = ApiKeyCallerResolver.builder();
        for (UnitId unit : UNITS) {
            for (Role role : OFFICER_ROLES) {
                keys.officerWithKey(key(role, unit), role, role.name().toLowerCase(Locale.ROOT) + "@" + unit, unit);
            }
        }
        Open311Servlet open311 = Open311Servlet.builder()
                .lapor(lapor).search(store)
                .clientKey(CLIENT_KEY)
                .jurisdiction(JURISDICTION)
                .defaultRegion("62.71")
                .serviceRequestUpdates(updates)
                .changeset("2026-03-01 00:00")
                .build();
        OfficerApiServlet api = OfficerApiServlet.builder()
                .lapor(lapor).search(store).histories(store::history)
                .callers(keys.build())
                .build();
        this.server = LaporJettyServer.builder().host("127.0.0.1").port(0).open311(open311).officerApi(api)
                .stopTimeoutMillis(0).build();
        int port = server.start();
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** The API key of the officer with {@code role} in {@code unit}. */
    static String key(Role role, UnitId unit) {
        return "key-" + role.name().toLowerCase(Locale.ROOT) + "-" + unit.value();
    }

    /** A complaint submitted straight through lapor (not over HTTP). */
    Submission.Created submit(Command.Submit report) {
        return (Submission.Created) lapor.submit(Actor.newReporter(), report);
    }

    TrackingNumber submitNumber(Command.Submit report) {
        return submit(report).trackingNumber();
    }

    Actor officer(Role role, UnitId unit) {
        return Actor.officer(role, role.name().toLowerCase(Locale.ROOT) + "@" + unit, unit);
    }

    /** The log lines of this world's lifetime. */
    List<CapturedLog.Line> logs() {
        return CapturedLog.since(logMark);
    }

    // --- HTTP -----------------------------------------------------------------------------------------

    Exchange get(String path) {
        return send("public", "GET", path, null, null, Map.of());
    }

    Exchange getAs(String apiKey, String path) {
        return send(apiKey, "GET", path, null, null, Map.of("Authorization", "Bearer " + apiKey));
    }

    Exchange postForm(String path, Map<String, String> form, Map<String, String> headers) {
        return send("open311-client", "POST", path, "application/x-www-form-urlencoded; charset=utf-8", form(form), headers);
    }

    Exchange command(String apiKey, TrackingNumber n, String kind, String json, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Authorization", "Bearer " + apiKey);
        return send(apiKey, "POST", "/api/v1/complaints/" + n + "/commands/" + kind, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), h);
    }

    Exchange send(String audience, String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = sendRetryingOnce(b.build());
            Exchange e = new Exchange(audience, method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8));
            exchanges.add(e);
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends bytes as they are, for what java.net.http refuses to send (malformed escapes, raw non-ASCII in
     * the target or the headers): {@code head} is the request line and headers without the final blank
     * line; the connection is closed after the answer.
     */
    Exchange sendRaw(String audience, String method, String target, String head, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            StringBuilder h = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\n");
            if (!head.isEmpty()) {
                h.append(head).append("\r\n");
            }
            if (body != null) {
                h.append("Content-Length: ").append(body.length).append("\r\n");
            }
            h.append("\r\n");
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = "";
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).strip().replace(" ", "");
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if (chunked) {
                rest = dechunk(rest);
            }
            Exchange e = new Exchange(audience, method, target, status, type, new String(rest, StandardCharsets.UTF_8));
            exchanges.add(e);
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed", e);
        }
    }

    private static byte[] dechunk(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    static byte[] form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid Open311 form: a damaged road in Kota Palangka Raya. */
    static Map<String, String> validForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", CLIENT_KEY);
        f.put("jurisdiction_id", JURISDICTION);
        f.put("service_code", "jalan");
        f.put("lat", "-2.2096");
        f.put("long", "113.9135");
        f.put("address_id", "62.71.01.1001");
        f.put("address_string", "Jalan Tjilik Riwut km 2, Pahandut");
        f.put("email", "warga@example.org");
        f.put("first_name", "Sari");
        f.put("last_name", "Wulandari");
        f.put("phone", "+6281234500001");
        f.put("description", "Jalan berlubang besar di depan pasar sejak dua minggu.");
        f.put("attribute[kind]", "complaint");
        return f;
    }

    @Override
    public void close() {
        server.close();
    }
}
