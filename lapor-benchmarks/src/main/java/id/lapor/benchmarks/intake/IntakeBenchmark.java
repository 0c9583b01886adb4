package id.lapor.benchmarks.intake;

import id.lapor.benchmarks.report.Cpu;
import id.lapor.benchmarks.report.Goal;
import id.lapor.benchmarks.report.Numbers;
import id.lapor.benchmarks.report.Options;
import id.lapor.benchmarks.report.Row;
import id.lapor.benchmarks.report.Section;
import id.lapor.benchmarks.report.Windows;
import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.http.Open311Servlet;
import id.lapor.http.jetty.LaporJettyServer;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;
import id.lapor.store.jdbc.JdbcComplaintStore;
import id.lapor.store.jdbc.SqliteStores;
import id.lapor.testkit.Fixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake over HTTP: Open311 GeoReport v2 POSTs ({@code /open311/v2/requests.json}) from a client on the loopback to
 * lapor in an embedded Jetty on SQLite, wired as the demo server is ({@link SqliteStores#open}, the default policy
 * routing, {@link Open311Servlet} in {@link LaporJettyServer}); against raw SQLite inserts of the same rows, in a
 * file of the same schema with the same settings (WAL, {@code synchronous=FULL}, {@link SqliteStores#dataSource}):
 * per complaint one transaction inserting copies of the complaint, event and outbox rows lapor wrote for one of the
 * POSTs, with prepared statements and no HTTP. After a warm-up, bounded counts in alternating rounds, with 1 and 4
 * client threads (one connection each on the raw side). Goal: lapor at least half as fast as the raw inserts.
 *
 * <pre>java -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.intake.IntakeBenchmark
 *   [--out FILE] [--warmup SECONDS] [--count 500] [--rounds 3] [--dir DIRECTORY]
 *   --warmup S    the longest warm-up of lapor; it stops once two 5 s windows agree within 10% (default 40)</pre>
 */
public final class IntakeBenchmark {
    private static final String CLIENT_KEY = "benchmark-open311-client-key";
    private static final double GOAL = 0.5;
    private static final Pattern ID = Pattern.compile("\"service_request_id\"\\s*:\\s*\"(\\d{11})\"");

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        Path out = Path.of(o.text("out", "lapor-benchmarks/target/report/intake.json"));
        Duration laporWarmup = o.seconds("warmup", 40);
        int count = o.integer("count", 500);
        int rounds = o.integer("rounds", 3);
        Path dir = o.text("dir", null) == null ? Files.createTempDirectory("lapor-intake-") : Path.of(o.text("dir", null));
        long started = System.nanoTime();

        Path laporDb = dir.resolve("lapor.db");
        PolicyReader reader = new PolicyReader(PolicyResources.defaultCalendars());
        Policy policy = reader.readDefault();
        List<Row> rows = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        String rawDescription;
        try (JdbcComplaintStore store = SqliteStores.open(laporDb)) {
            Lapor lapor = Lapor.builder()
                    .clock(Clock.systemUTC())
                    .store(store)
                    .trackingNumbers(new KeyedTrackingNumbers("lapor-benchmark-intake-key-0123456789".getBytes(StandardCharsets.UTF_8),
                            store::nextSequence))
                    .directory(policy.directory())
                    .categories(policy.categories())
                    .calendars(PolicyResources.defaultCalendars())
                    .policies(PolicyBook.of(policy))
                    .build();
            Open311Servlet open311 = Open311Servlet.builder()
                    .lapor(lapor).search(store)
                    .clientKey(CLIENT_KEY)
                    .defaultRegion("62.71")
                    .channel(Channel.API)
                    .build();
            try (LaporJettyServer server = LaporJettyServer.builder().host("127.0.0.1").port(0).open311(open311).build()) {
                Client client = new Client(uri(server.start()));
                // The baseline inserts copies of the rows lapor wrote for this first POST.
                try (RawInserts raw = RawInserts.copying(laporDb, client.post(), dir.resolve("raw.db"))) {
                    rawDescription = raw.describe();
                    progress("lapor on %s, SQLite file %s; raw inserts per complaint: %s", uri(server.port()), laporDb, rawDescription);
                    // Until two windows agree within 10%, bounded: lapor's path through Jetty, Jackson, the validator and
                    // the store is compiled by the JIT only after thousands of requests.
                    List<Double> w = Windows.warmUp(client::post, 1, Duration.ofSeconds(5), Duration.ofSeconds(25), laporWarmup, 0.1);
                    List<Double> rw = Windows.warmUp(raw::insertOne, 1, Duration.ofSeconds(2), Duration.ofSeconds(4),
                            laporWarmup.dividedBy(4), 0.1);
                    progress("warm-up, complaints/s per window: lapor %s; raw %s", Numbers.list(w), Numbers.list(rw));
                    details.put("warmUpWindows", Map.of("lapor", w, "raw", rw));
                    Direct direct = new Direct(lapor);
                    Windows.warmUp(direct::submit, 1, Duration.ofSeconds(2), Duration.ofSeconds(4), laporWarmup.dividedBy(4), 0.1);
                    for (int threads : new int[] {1, 4}) {
                        double[] l = new double[rounds];
                        double[] d = new double[rounds];
                        double[] r = new double[rounds];
                        double[] lc = new double[rounds];
                        double[] dc = new double[rounds];
                        double[] rc = new double[rounds];
                        for (int i = 0; i < rounds; i++) {
                            // Alternating, so that the disk's moods (the machine is shared) hit all alike. SQLite runs
                            // in this JVM, so its CPU is in the JVM's; on lapor's side so is the HTTP client's.
                            long cpu = Cpu.jvmNanos();
                            l[i] = Windows.perSecond(client::post, threads, count);
                            long next = Cpu.jvmNanos();
                            lc[i] = (next - cpu) / 1e6 / count;
                            d[i] = Windows.perSecond(direct::submit, threads, count);
                            cpu = next;
                            next = Cpu.jvmNanos();
                            dc[i] = (next - cpu) / 1e6 / count;
                            r[i] = Windows.perSecond(raw::insertOne, threads, count);
                            rc[i] = (Cpu.jvmNanos() - next) / 1e6 / count;
                            progress("%d thread(s), round %d, complaints/s (CPU ms each): lapor over HTTP %,.0f (%.2f),"
                                    + " lapor.submit %,.0f (%.2f), raw SQLite inserts %,.0f (%.2f)", threads, i + 1, l[i], lc[i],
                                    d[i], dc[i], r[i], rc[i]);
                        }
                        String name = threads + (threads == 1 ? " client" : " clients");
                        rows.add(Row.of("intake.http." + threads, "Intake: Open311 POST over HTTP on SQLite, " + name,
                                "complaints/s", Numbers.median(l), "raw SQLite inserts of the same rows", Numbers.median(r),
                                true, Goal.ratioAtLeast(GOAL), String.format(Locale.ROOT, "medians of %d rounds of %,d;"
                                                + " complaints/s lapor %s, raw %s; CPU per complaint (this JVM: server, client"
                                                + " and SQLite) lapor %.2f ms, raw %.2f ms; wall time per complaint lapor %.2f"
                                                + " ms, raw %.2f ms", rounds, count, Numbers.list(l), Numbers.list(r),
                                        Numbers.median(lc), Numbers.median(rc), 1000 / Numbers.median(l),
                                        1000 / Numbers.median(r))));
                        rows.add(Row.of("intake.direct." + threads, "Intake without HTTP: Lapor.submit on the same SQLite"
                                        + " store, " + threads + (threads == 1 ? " thread" : " threads"), "complaints/s", Numbers.median(d), "raw SQLite inserts of the same rows",
                                Numbers.median(r), true, Goal.none(), String.format(Locale.ROOT, "where the HTTP figure's time"
                                                + " goes; complaints/s %s; CPU per complaint %.2f ms", Numbers.list(d),
                                        Numbers.median(dc))));
                        details.put("threads" + threads, Map.of("lapor", l, "laporSubmit", d, "raw", r, "laporCpuMillis", lc,
                                "laporSubmitCpuMillis", dc, "rawCpuMillis", rc));
                    }
                    details.put("rowsPerComplaint", raw.rowsPerTable());
                }
            }
        }
        details.put("count", count);
        details.put("rounds", rounds);
        details.put("warmupSeconds", laporWarmup.toSeconds());
        List<String> notes = List.of(String.format(Locale.ROOT, "Intake: lapor as the demo server wires it (SqliteStores.open,"
                + " WAL, synchronous=FULL; the default policy routing each report; Open311Servlet in LaporJettyServer on"
                + " 127.0.0.1) answering form-encoded POSTs to /open311/v2/requests.json from java.net.http clients on the"
                + " same machine; the baseline inserts, in a file of the same schema and settings, copies of the rows lapor"
                + " wrote for one POST (%s), one transaction per complaint with prepared statements, no HTTP and no"
                + " validation; and, to show where the time goes, the same reports handed to Lapor.submit directly on the"
                + " same store, without HTTP. Each side warmed up until two windows in a row agreed within 10%% (lapor at least 25 s, at most %d s;"
                + " the raw side at most a quarter of that), then %d alternating rounds of %,d"
                + " complaints per side and thread count; the medians. SQLite commits one writer at a time, and with"
                + " synchronous=FULL each commit waits for the disk.", rawDescription, laporWarmup.toSeconds(), rounds, count));
        new Section("intake", "Intake over HTTP", (System.nanoTime() - started) / 1e9, rows, details, notes).write(out);
        progress("written %s", out.toAbsolutePath());
        deleteQuietly(dir);
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/open311/v2/requests.json");
    }

    /** The same reports handed to lapor directly, as an embedding host's own intake would, without HTTP. */
    private static final class Direct {
        private final Lapor lapor;

        Direct(Lapor lapor) {
            this.lapor = lapor;
        }

        void submit() {
            long n = Client.SERIAL.incrementAndGet();
            String digits = String.format(Locale.ROOT, "%09d", n);
            Command.Submit report = Fixtures.report()
                    .channel(Channel.API)
                    .title("Jalan berlubang besar di depan pasar nomor " + n)
                    .body("Jalan berlubang besar di depan pasar nomor " + n + " sejak dua minggu, membahayakan"
                            + " pengendara motor. Mohon segera diperbaiki oleh dinas terkait.")
                    .location(new Location(RegionCode.of("62.71.01.1001"), null, null, "Jalan Tjilik Riwut km " + (n % 40)))
                    .reporter(Reporter.of("Warga " + digits, "+62812" + digits, "warga" + digits + "@example.org", null))
                    .build();
            Submission result = lapor.submit(Actor.newReporter(), report);
            if (!(result instanceof Submission.Created)) {
                throw new IllegalStateException("lapor did not take the report: " + result);
            }
        }
    }

    /** A civic app posting reports, each different. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri;
        static final AtomicLong SERIAL = new AtomicLong();

        Client(URI uri) {
            this.uri = uri;
        }

        /** One POST; answers the tracking number lapor gave. */
        String post() throws Exception {
            long n = SERIAL.incrementAndGet();
            String digits = String.format(Locale.ROOT, "%09d", n);
            String form = form(Map.of(
                    "api_key", CLIENT_KEY,
                    "service_code", "jalan",
                    "description", "Jalan berlubang besar di depan pasar nomor " + n + " sejak dua minggu, membahayakan"
                            + " pengendara motor. Mohon segera diperbaiki oleh dinas terkait.",
                    "address_id", "62.71.01.1001",
                    "address_string", "Jalan Tjilik Riwut km " + (n % 40),
                    "first_name", "Warga",
                    "last_name", digits,
                    "phone", "+62812" + digits,
                    "email", "warga" + digits + "@example.org"));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = ID.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
            }
            return m.group(1);
        }

        private static String form(Map<String, String> fields) {
            StringBuilder b = new StringBuilder();
            fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return b.toString();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (java.io.IOException e) {
            progress("left %s behind: %s", dir, e.getMessage());
        }
    }

    static void progress(String format, Object... args) {
        Windows.progress("intake", format, args);
    }
}
