package id.lapor.benchmarks.storage;

import id.lapor.core.Lapor;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.port.DueWork;
import id.lapor.core.sla.Timer;
import id.lapor.core.timing.DueWorkDriver;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.store.jdbc.JdbcComplaintStore;
import id.lapor.testkit.Fixtures;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The SLA sweep's query among many open complaints. The open ones are written straight into the complaint
 * table with {@code COPY} (their next timer due within the next 60 days, their record a stub that the
 * sweep never reads), so that setup takes seconds; the due ones are copies of one complaint submitted
 * through lapor, whose verification warning, breach and first escalation are all due, made in the
 * database like the tests' copies. They are swept by one sweeper, or by several at once.
 */
final class DueWorkAtScale {
    /** Tuesday 3 February 2026, 10:00 WIB: verification due within 4, 5 and 6 February. */
    static final Instant SUBMITTED_AT = Instant.parse("2026-02-03T03:00:00Z");
    /** Monday 9 February 2026, 10:00 WIB: the warning, the breach and the first escalation are due. */
    static final Instant NOW = Instant.parse("2026-02-09T03:00:00Z");
    private static final int BATCH = 200;
    /** The events that a timer's firing appends. */
    private static final String TIMER_EVENTS = "('SlaWarned', 'SlaBreached', 'Escalated', 'Completed')";
    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JdbcComplaintStore store;
    private final KeyedTrackingNumbers numbers;
    private final Lapor sweeper;
    private TrackingNumber template;
    private Instant templateDue;

    DueWorkAtScale(DataSource dataSource, JdbcComplaintStore store, byte[] key) {
        this.dataSource = dataSource;
        this.store = store;
        this.numbers = new KeyedTrackingNumbers(key, store::nextSequence);
        this.sweeper = Fixtures.laporBuilder(store, Clock.fixed(NOW, ZoneOffset.UTC)).trackingNumbers(numbers).build();
    }

    /**
     * Writes {@code count} open complaints whose next timer falls due after {@link #NOW}, within 60 days,
     * with tracking numbers the store's own sequence reserves for them. Returns the seconds it took.
     */
    double insertOpen(int count) throws SQLException {
        long started = System.nanoTime();
        long first = reserve(count);
        String now = COPY_TIME.format(NOW.minus(Duration.ofDays(1)));
        long spread = Duration.ofDays(60).toSeconds();
        String[] units = {"dinas-kesehatan-palangkaraya", "dinas-pupr-palangkaraya", "kec-pahandut", "kel-langkai"};
        int chunk = 50_000;
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < count; from += chunk) {
                int to = Math.min(count, from + chunk);
                // Tracking numbers cost a keyed permutation each: computed in parallel, one chunk at a time.
                String[] chunkNumbers = LongStream.range(first + from, first + to).parallel()
                        .mapToObj(n -> numbers.forSequence(n).value()).toArray(String[]::new);
                StringBuilder rows = new StringBuilder(chunk * 200);
                for (int i = from; i < to; i++) {
                    Instant due = NOW.plusSeconds(3600 + (spread * i) / count);
                    rows.append(chunkNumbers[i - from]).append("\t2\tDISPATCHED\t").append(units[i % units.length])
                            .append("\tkota-palangkaraya\t62.71.01.1001\tjalan\tCOMPLAINT\tWEB\tf\t").append(now).append('\t')
                            .append(now).append('\t').append(COPY_TIME.format(due)).append("\tid-national-wib\t1\t{}\n");
                }
                copy.copyIn("COPY complaint (tracking_number, version, state, responsible_unit, target_institution, region,"
                        + " category, kind, channel, confidential, submitted_at, updated_at, next_due_at, clock_calendar,"
                        + " clock_calendar_version, complaint_json) FROM STDIN", new StringReader(rows.toString()));
            }
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
        execute("VACUUM ANALYZE complaint");
        return (System.nanoTime() - started) / 1e9;
    }

    /** Sequence values [first, first + count) for this benchmark alone: the sequence goes on after them. */
    private long reserve(int count) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT nextval('tracking_number_sequence')")) {
            rows.next();
            long first = rows.getLong(1);
            s.execute("SELECT setval('tracking_number_sequence', " + (first + count) + ")");
            return first;
        }
    }

    /** Latencies in milliseconds of {@code times} sweeps' queries when nothing is due, sorted. */
    double[] emptySweeps(int times) {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            List<TrackingNumber> due = store.due(NOW, BATCH);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (!due.isEmpty()) {
                throw new IllegalStateException("expected nothing due at " + NOW + ", got " + due.size());
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    /** The plan of the sweep's query, taken in a transaction that is rolled back (it claims nothing). */
    String plan() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY OFF)"
                    + " SELECT tracking_number FROM complaint WHERE next_due_at IS NOT NULL AND next_due_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_due_at, tracking_number LIMIT 200"
                    + " FOR UPDATE SKIP LOCKED")) {
                s.setTimestamp(1, Timestamp.from(NOW));
                s.setTimestamp(2, Timestamp.from(NOW));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        out.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return out.toString();
    }

    /** What one round with {@code due} due complaints cost. */
    record Round(int due, double claimMillis, double sweepMillis, int fired) {
    }

    /** One sweeper's part of a round it shared: the complaints it claimed and the timers it fired. */
    record Share(int complaints, int fired) {
    }

    /**
     * A round swept by several sweepers at once: its wall time from their start until the last is done, each
     * one's share, and the CPU spent per due complaint.
     */
    record SharedRound(int due, double sweepMillis, int timersPerComplaint, List<Share> shares, Spent spent) {
        int fired() {
            return shares.stream().mapToInt(Share::fired).sum();
        }
    }

    /**
     * Makes {@code count} complaints due, then times the query alone (claiming them all, batch after batch,
     * as sweeps do), then, the claims cleared, a whole sweep that fires their timers (warning, breach,
     * escalation, in one append per complaint) with a {@link DueWorkDriver} on one thread.
     */
    Round round(int count) throws SQLException {
        String[] due = makeDue(count);
        long t = System.nanoTime();
        int claimed = 0;
        for (List<TrackingNumber> batch = store.due(NOW, BATCH); !batch.isEmpty(); batch = store.due(NOW, BATCH)) {
            claimed += batch.size();
        }
        double claimMillis = (System.nanoTime() - t) / 1e6;
        if (claimed != count) {
            throw new IllegalStateException("claimed " + claimed + " of " + count + " due complaints");
        }
        execute("UPDATE complaint SET claimed_until = NULL WHERE claimed_until IS NOT NULL");

        t = System.nanoTime();
        int fired = sweepAll(new DueWorkDriver(sweeper, store, BATCH));
        double sweepMillis = (System.nanoTime() - t) / 1e6;
        checkEachTimerFiredOnce(due, fired);
        return new Round(count, claimMillis, sweepMillis, fired);
    }

    /**
     * Makes {@code count} complaints due as {@link #round} does, then sweeps them with {@code sweepers}
     * {@link DueWorkDriver}s at once, each with a {@link Lapor} of its own on a thread of its own, sharing only
     * the store and its pool: as nodes share one database. The claims (FOR UPDATE SKIP LOCKED, and the lease)
     * hand each sweeper different complaints.
     */
    SharedRound sharedRound(int count, int sweepers, OptionalLong postmaster) throws Exception {
        String[] due = makeDue(count);
        ExecutorService threads = Executors.newFixedThreadPool(sweepers);
        try {
            CyclicBarrier start = new CyclicBarrier(sweepers + 1);
            List<Future<Share>> shares = new ArrayList<>();
            for (int i = 0; i < sweepers; i++) {
                Lapor node = Fixtures.laporBuilder(store, Clock.fixed(NOW, ZoneOffset.UTC)).trackingNumbers(numbers).build();
                CountingDueWork claims = new CountingDueWork(store);
                DueWorkDriver driver = new DueWorkDriver(node, claims, BATCH);
                shares.add(threads.submit(() -> {
                    start.await();
                    int fired = sweepAll(driver);
                    return new Share(claims.claimed, fired);
                }));
            }
            Spent cpu = Spent.start(postmaster);
            long t = System.nanoTime();
            start.await();
            List<Share> done = new ArrayList<>();
            for (Future<Share> share : shares) {
                done.add(share.get());
            }
            double sweepMillis = (System.nanoTime() - t) / 1e6;
            Spent spent = Spent.since(cpu, count, postmaster);
            SharedRound round = new SharedRound(count, sweepMillis, timersDue().size(), done, spent);
            checkEachTimerFiredOnce(due, round.fired());
            return round;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sweeps until a sweep finds nothing due; answers the timers fired. */
    private static int sweepAll(DueWorkDriver driver) {
        int fired = 0;
        for (int n = driver.sweep(); n > 0; n = driver.sweep()) {
            fired += n;
        }
        return fired;
    }

    /**
     * Checks that nothing is due any more and that each of the {@code due} complaints has exactly one event for
     * each timer due at {@link #NOW}, and none for another timer: every timer fired once, by whichever sweeper.
     */
    private void checkEachTimerFiredOnce(String[] due, int fired) throws SQLException {
        if (!store.due(NOW, 1).isEmpty()) {
            throw new IllegalStateException("complaints still due after the sweep");
        }
        Set<String> timers = timersDue();
        Set<String> firedTimers = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT e.event_json -> 'event' ->> 'timer', count(*), count(DISTINCT e.tracking_number)"
                        + " FROM complaint_event e JOIN unnest(?::text[]) AS n (number) ON e.tracking_number = n.number"
                        + " WHERE e.event_type IN " + TIMER_EVENTS + " GROUP BY 1")) {
            s.setArray(1, c.createArrayOf("text", due));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(2) != due.length || rows.getLong(3) != due.length) {
                        throw new IllegalStateException(String.format(Locale.ROOT, "timer %s fired %d times on %d of %d"
                                + " complaints", rows.getString(1), rows.getLong(2), rows.getLong(3), due.length));
                    }
                    firedTimers.add(rows.getString(1));
                }
            }
        }
        if (!firedTimers.equals(timers) || fired != timers.size() * due.length) {
            throw new IllegalStateException("expected timers " + timers + " to fire once on each of " + due.length
                    + " complaints; the sweep fired " + fired + ", events found of timers " + firedTimers);
        }
    }

    /** The ids of the timers due at {@link #NOW} of the complaint copied: the same for every copy. */
    private Set<String> timersDue() {
        return store.find(template).orElseThrow().clock().orElseThrow().timers().stream()
                .filter(timer -> !timer.due().due().isAfter(NOW))
                .map(Timer::id)
                .collect(Collectors.toSet());
    }

    /** The store's due work, counting the complaints it hands one sweeper. */
    private static final class CountingDueWork implements DueWork {
        private final DueWork store;
        private int claimed;

        CountingDueWork(DueWork store) {
            this.store = store;
        }

        @Override
        public List<TrackingNumber> due(Instant now, int limit) {
            List<TrackingNumber> due = store.due(now, limit);
            claimed += due.size();
            return due;
        }

        @Override
        public List<TrackingNumber> clocksOnCalendar(String calendarId, int version, TrackingNumber after, int limit) {
            return store.clocksOnCalendar(calendarId, version, after, limit);
        }
    }

    /**
     * Copies of one complaint submitted at {@link #SUBMITTED_AT}, each with its own number; the original is kept
     * aside. Answers the copies' numbers.
     */
    private String[] makeDue(int count) throws SQLException {
        if (template == null) {
            Lapor submitter = Fixtures.laporBuilder(store, Clock.fixed(SUBMITTED_AT, ZoneOffset.UTC)).trackingNumbers(numbers).build();
            template = submitter.submit(Actor.newReporter(), Fixtures.report().build()).trackingNumberOrThrow();
            templateDue = store.find(template).orElseThrow().nextDueAt().orElseThrow();
            // The original is never swept, so that it stays as submitted for the next copies.
            execute("UPDATE complaint SET next_due_at = NULL WHERE tracking_number = '" + template.value() + "'");
        }
        long first = reserve(count);
        String[] copies = LongStream.range(first, first + count).parallel()
                .mapToObj(n -> numbers.forSequence(n).value()).toArray(String[]::new);
        // The number appears in the JSON as a string value: replaced with its quotes, nothing else can match.
        String renumbered = "replace(%s::text, '\"' || t.tracking_number || '\"', '\"' || n.number || '\"')::json";
        try (Connection c = dataSource.getConnection()) {
            copy(c, "INSERT INTO complaint (tracking_number, version, state, responsible_unit, target_institution, region,"
                    + " category, kind, channel, confidential, submitted_at, updated_at, next_due_at, clock_calendar,"
                    + " clock_calendar_version, complaint_json) SELECT n.number, version, state, responsible_unit,"
                    + " target_institution, region, category, kind, channel, confidential, submitted_at, updated_at, ?,"
                    + " clock_calendar, clock_calendar_version, " + String.format(renumbered, "complaint_json")
                    + " FROM complaint t, unnest(?::text[]) AS n (number) WHERE t.tracking_number = ?", copies, true);
            copy(c, "INSERT INTO complaint_event (tracking_number, version, at, actor_role, actor_id, actor_unit, state,"
                    + " event_type, event_json) SELECT n.number, version, at, actor_role, actor_id, actor_unit, state, event_type, "
                    + String.format(renumbered, "event_json")
                    + " FROM complaint_event t, unnest(?::text[]) AS n (number) WHERE t.tracking_number = ?", copies, false);
        }
        execute("ANALYZE complaint");
        return copies;
    }

    private void copy(Connection c, String sql, String[] copies, boolean withDue) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (withDue) {
                s.setTimestamp(i++, Timestamp.from(templateDue));
            }
            s.setArray(i++, c.createArrayOf("text", copies));
            s.setString(i, template.value());
            s.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<Integer> rounds() {
        return new ArrayList<>(List.of(10, 100, 1_000, 10_000));
    }
}
