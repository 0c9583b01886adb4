package id.lapor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Lapor;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.sla.Timer;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two lapor nodes, each a JVM of its own, sweep one PostgreSQL at the same time. The store claims due
 * complaints with {@code FOR UPDATE SKIP LOCKED}, so the nodes take different complaints and neither
 * waits for the other; each timer still fires exactly once.
 */
class TwoNodeSweepTest {
    /** Tuesday 3 February 2026, 10:00 WIB: verification is due within 3 working days (4, 5 and 6 February). */
    static final Instant SUBMITTED_AT = Instant.parse("2026-02-03T03:00:00Z");
    /**
     * Monday 9 February 2026, 10:00 WIB: past the warning (end of Thursday 5), the breach and the first
     * escalation (end of Friday 6), and before anything else of the verification stage.
     */
    static final Instant SWEEP_AT = Instant.parse("2026-02-09T03:00:00Z");
    /** What a timer's firing stores. */
    static final String TIMER_EVENTS = "('SlaWarned', 'SlaBreached', 'Escalated', 'Completed')";

    @Test
    @DisplayName("two nodes sweep 10,000 due complaints at once, each doing a share, and every timer fires exactly once")
    void twoNodesShareOneSweep() throws Exception {
        int complaints = 10_000;
        try (TestPostgres.Schema schema = TestPostgres.newSchema()) {
            JdbcComplaintStore store = JdbcComplaintStore.builder(schema.dataSource()).migrate(true).build();
            long setup = System.nanoTime();
            List<TrackingNumber> numbers = submitDue(store, schema.dataSource(), complaints);
            System.out.printf("two nodes: %,d complaints made in %.1f s%n", complaints, (System.nanoTime() - setup) / 1e9);
            Set<String> ladder = dueTimers(store, numbers.get(0));
            assertThat(ladder).as("the verification stage's warning, breach and escalation").hasSize(3);
            int timers = complaints * ladder.size();

            Done a;
            Done b;
            try (NodeProcess nodeA = sweeper("a", schema); NodeProcess nodeB = sweeper("b", schema)) {
                nodeA.await("READY"::equals, Duration.ofSeconds(60));
                nodeB.await("READY"::equals, Duration.ofSeconds(60));
                nodeA.send("GO");
                nodeB.send("GO");
                a = Done.of(nodeA.await(l -> l.startsWith("DONE "), Duration.ofSeconds(120)));
                b = Done.of(nodeB.await(l -> l.startsWith("DONE "), Duration.ofSeconds(120)));
                nodeA.awaitExit(Duration.ofSeconds(30));
                nodeB.awaitExit(Duration.ofSeconds(30));
            }
            System.out.printf("two nodes: a fired %,d in %d ms, b fired %,d in %d ms, overlapping %d ms%n", a.fired,
                    a.end - a.start, b.fired, b.end - b.start, Math.min(a.end, b.end) - Math.max(a.start, b.start));

            assertThat(Math.max(a.start, b.start)).as("the sweeps overlap in time").isLessThan(Math.min(a.end, b.end));
            assertThat(a.fired + b.fired).as("timers fired by both nodes together").isEqualTo(timers);
            assertThat(a.fired).as("node a's share").isGreaterThanOrEqualTo(timers * 3 / 10);
            assertThat(b.fired).as("node b's share").isGreaterThanOrEqualTo(timers * 3 / 10);
            assertEachTimerFiredOnce(schema.dataSource(), complaints, ladder);
            assertThat(dueAt(schema.dataSource(), SWEEP_AT)).as("complaints still due").isZero();
        }
    }

    private static NodeProcess sweeper(String name, TestPostgres.Schema schema) {
        return NodeProcess.start(name, "sweep", schema.jdbcUrl(), String.valueOf(Duration.ofMinutes(2).toMillis()), "100",
                SWEEP_AT.toString());
    }

    /**
     * {@code count} complaints submitted at {@link #SUBMITTED_AT}: one through lapor, the others copies of
     * it made in the database (its rows with another tracking number), which takes a second where
     * submitting them all would take half a minute. The copies have no outbox rows and no channel message.
     */
    static List<TrackingNumber> submitDue(JdbcComplaintStore store, DataSource db, int count) throws SQLException {
        Lapor lapor = StoreNode.lapor(store, new SettableClock(SUBMITTED_AT));
        TrackingNumber template = lapor.submit(Actor.newReporter(), Fixtures.report().build()).trackingNumberOrThrow();
        List<TrackingNumber> numbers = new ArrayList<>(List.of(template));
        for (long i = 1; numbers.size() < count; i++) {
            TrackingNumber copy = TrackingNumber.withCheckDigit(String.valueOf(7_000_000_000L + i));
            if (!copy.equals(template)) {
                numbers.add(copy);
            }
        }
        String[] copies = numbers.subList(1, numbers.size()).stream().map(TrackingNumber::value).toArray(String[]::new);
        // The number appears in the JSON as a string value: replaced with its quotes, nothing else can match.
        String renumbered = "replace(%s::text, '\"' || t.tracking_number || '\"', '\"' || n.number || '\"')::json";
        try (Connection c = db.getConnection()) {
            copy(c, "INSERT INTO complaint (tracking_number, version, state, responsible_unit, target_institution, region,"
                    + " category, kind, channel, confidential, submitted_at, updated_at, next_due_at, clock_calendar,"
                    + " clock_calendar_version, complaint_json) SELECT n.number, version, state, responsible_unit,"
                    + " target_institution, region, category, kind, channel, confidential, submitted_at, updated_at, next_due_at,"
                    + " clock_calendar, clock_calendar_version, " + String.format(renumbered, "complaint_json")
                    + " FROM complaint t, unnest(?::text[]) AS n (number) WHERE t.tracking_number = ?", copies, template);
            copy(c, "INSERT INTO complaint_event (tracking_number, version, at, actor_role, actor_id, actor_unit, state,"
                    + " event_type, event_json) SELECT n.number, version, at, actor_role, actor_id, actor_unit, state, event_type, "
                    + String.format(renumbered, "event_json")
                    + " FROM complaint_event t, unnest(?::text[]) AS n (number) WHERE t.tracking_number = ?", copies, template);
        }
        TrackingNumber last = numbers.get(numbers.size() - 1);
        Complaint copied = store.find(last).orElseThrow();
        assertThat(copied.trackingNumber()).isEqualTo(last);
        assertThat(Complaint.replay(store.history(last))).as("a copy replays to itself").isEqualTo(copied);
        return numbers;
    }

    private static void copy(Connection c, String sql, String[] copies, TrackingNumber template) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", copies));
            s.setString(2, template.value());
            assertThat(s.executeUpdate()).isPositive();
        }
    }

    /** The ids of the timers of {@code n} due at {@link #SWEEP_AT}: the same for every complaint submitted with it. */
    static Set<String> dueTimers(JdbcComplaintStore store, TrackingNumber n) {
        return store.find(n).orElseThrow().clock().orElseThrow().timers().stream()
                .filter(t -> !t.due().due().isAfter(SWEEP_AT))
                .map(Timer::id)
                .collect(Collectors.toSet());
    }

    /** Each of {@code complaints} complaints has one event for each timer in {@code ladder}, and no other timer's. */
    static void assertEachTimerFiredOnce(DataSource db, int complaints, Set<String> ladder) throws SQLException {
        Map<String, long[]> byTimer = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_json -> 'event' ->> 'timer', count(*), count(DISTINCT tracking_number) FROM complaint_event"
                        + " WHERE event_type IN " + TIMER_EVENTS + " GROUP BY 1");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                byTimer.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        }
        assertThat(byTimer.keySet()).as("timers that fired").isEqualTo(ladder);
        byTimer.forEach((timer, counts) -> {
            assertThat(counts[0]).as("events of timer %s", timer).isEqualTo(complaints);
            assertThat(counts[1]).as("complaints with timer %s fired", timer).isEqualTo(complaints);
        });
        assertThat(count(db, "SELECT count(*) FROM complaint_event WHERE event_type = 'Escalated'"))
                .as("escalations").isEqualTo(complaints);
    }

    /** How many complaints have a timer due at {@code at}, claimed or not. */
    static long dueAt(DataSource db, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM complaint WHERE next_due_at <= ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A node's closing line: {@code DONE <fired> <start-millis> <end-millis>}. */
    record Done(int fired, long start, long end) {
        static Done of(String line) {
            String[] f = line.split(" ");
            return new Done(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
    }
}
