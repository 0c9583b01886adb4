package id.lapor.benchmarks.storage;

import id.lapor.core.Lapor;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.TrackingNumber;
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
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The SLA sweep's query among many open complaints. The open ones are written straight into the complaint
 * table with {@code COPY} (their next timer due within the next 60 days, their record a stub that the
 * sweep never reads), so that setup takes seconds; the due ones are copies of one complaint submitted
 * through lapor, whose verification warning, breach and first escalation are all due, made in the
 * database like the tests' copies.
 */
final class DueWorkAtScale {
    /** Tuesday 3 February 2026, 10:00 WIB: verification due within 4, 5 and 6 February. */
    static final Instant SUBMITTED_AT = Instant.parse("2026-02-03T03:00:00Z");
    /** Monday 9 February 2026, 10:00 WIB: the warning, the breach and the first escalation are due. */
    static final Instant NOW = Instant.parse("2026-02-09T03:00:00Z");
    private static final int BATCH = 200;
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

    /**
     * Makes {@code count} complaints due, then times the query alone (claiming them all, batch after batch,
     * as sweeps do), then, the claims cleared, a whole sweep that fires their timers (warning, breach,
     * escalation: three appends each) with a {@link DueWorkDriver} on one thread.
     */
    Round round(int count) throws SQLException {
        makeDue(count);
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

        DueWorkDriver driver = new DueWorkDriver(sweeper, store, BATCH);
        t = System.nanoTime();
        int fired = 0;
        for (int n = driver.sweep(); n > 0; n = driver.sweep()) {
            fired += n;
        }
        double sweepMillis = (System.nanoTime() - t) / 1e6;
        if (!store.due(NOW, 1).isEmpty()) {
            throw new IllegalStateException("complaints still due after the sweep");
        }
        return new Round(count, claimMillis, sweepMillis, fired);
    }

    /** Copies of one complaint submitted at {@link #SUBMITTED_AT}, each with its own number; the original is kept aside. */
    private void makeDue(int count) throws SQLException {
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
