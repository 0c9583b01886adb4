package id.lapor.benchmarks.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The baseline: the same lifecycle as hand-written JDBC would store it, each step one transaction of three
 * prepared statements (the versioned state update, or the insert of a new complaint; the event insert; the
 * outbox insert) and the commit. Its tables hold what such code would keep: the complaint's fields as
 * columns, each event and message as a small JSON document. It reads nothing back (the caller keeps the
 * version), computes deadlines as plain days and numbers complaints from a counter in memory: all in its
 * favour.
 */
final class HandWrittenLifecycle implements LifecycleRun {
    private static final String INSERT_COMPLAINT = "INSERT INTO jdbc_complaint (tracking_number, version, state, kind,"
            + " channel, title, body, region, category, reporter_name, reporter_phone, reporter_email, submitted_at,"
            + " updated_at, due_at) VALUES (?, 1, 'SUBMITTED', 'COMPLAINT', 'WEB', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE jdbc_complaint SET version = ?, state = ?, responsible_unit = ?,"
            + " updated_at = ?, due_at = ? WHERE tracking_number = ? AND version = ?";
    private static final String INSERT_EVENT = "INSERT INTO jdbc_event (tracking_number, version, at, actor, type, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?::jsonb)";
    private static final String INSERT_OUTBOX = "INSERT INTO jdbc_outbox (tracking_number, version, topic, recipient,"
            + " payload, created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong numbers = new AtomicLong(90_000_000_000L);

    HandWrittenLifecycle(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The baseline's tables, with the indexes such code would have: the queue, the due deadlines, the outbox queue. */
    static void createTables(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE jdbc_complaint (tracking_number text COLLATE \"C\" PRIMARY KEY, version bigint NOT NULL,"
                    + " state text NOT NULL, responsible_unit text, kind text NOT NULL, channel text NOT NULL, title text NOT NULL,"
                    + " body text NOT NULL, region text NOT NULL, category text, reporter_name text, reporter_phone text,"
                    + " reporter_email text, submitted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,"
                    + " due_at timestamptz)");
            s.execute("CREATE INDEX jdbc_complaint_queue ON jdbc_complaint (responsible_unit, state, due_at)");
            s.execute("CREATE INDEX jdbc_complaint_due ON jdbc_complaint (due_at) WHERE due_at IS NOT NULL");
            s.execute("CREATE TABLE jdbc_event (tracking_number text COLLATE \"C\" NOT NULL REFERENCES jdbc_complaint,"
                    + " version bigint NOT NULL, at timestamptz NOT NULL, actor text NOT NULL, type text NOT NULL,"
                    + " payload jsonb NOT NULL, PRIMARY KEY (tracking_number, version))");
            s.execute("CREATE TABLE jdbc_outbox (id bigserial PRIMARY KEY, tracking_number text COLLATE \"C\" NOT NULL"
                    + " REFERENCES jdbc_complaint, version bigint NOT NULL, topic text NOT NULL, recipient text NOT NULL,"
                    + " payload jsonb NOT NULL, created_at timestamptz NOT NULL, delivered_at timestamptz)");
            s.execute("CREATE INDEX jdbc_outbox_pending ON jdbc_outbox (created_at) WHERE delivered_at IS NULL");
        }
    }

    @Override
    public void lifecycle() throws SQLException {
        String n = String.valueOf(numbers.incrementAndGet());
        Instant now = clock.instant();
        // 1. submit: the insert of the complaint in place of the versioned update
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT_COMPLAINT)) {
                s.setString(1, n);
                s.setString(2, "Jalan rusak di Jalan Tjilik Riwut");
                s.setString(3, "Jalan berlubang besar di depan pasar sejak dua minggu, membahayakan pengendara motor.");
                s.setString(4, "62.71.01.1001");
                s.setString(5, "jalan");
                s.setString(6, "Budi Santoso");
                s.setString(7, "+6281234567890");
                s.setString(8, "budi@example.org");
                s.setTimestamp(9, Timestamp.from(now));
                s.setTimestamp(10, Timestamp.from(now));
                s.setTimestamp(11, Timestamp.from(now.plus(Duration.ofDays(3))));
                one(s.executeUpdate());
            }
            eventAndMessage(c, n, 1, now, "reporter", "Submitted", "{\"title\": \"Jalan rusak di Jalan Tjilik Riwut\","
                    + " \"region\": \"62.71.01.1001\", \"category\": \"jalan\", \"anonymous\": false}", "complaint.received",
                    "reporter");
            c.commit();
        }
        // 2. verify and dispatch, 3. forward, 4. follow-up, 5. complete
        step(n, 2, "DISPATCHED", "kec-pahandut", now.plus(Duration.ofDays(5)), "verifier@kota-palangkaraya", "Verified",
                "{\"unit\": \"kec-pahandut\", \"weight\": \"NORMAL\"}", "complaint.dispatched", "unit:kec-pahandut");
        step(n, 3, "DISPATCHED", "kel-langkai", now.plus(Duration.ofDays(5)), "unit_operator@kec-pahandut", "Forwarded",
                "{\"from\": \"kec-pahandut\", \"to\": \"kel-langkai\"}", "complaint.forwarded", "unit:kel-langkai");
        step(n, 4, "FOLLOWED_UP", "kel-langkai", now.plus(Duration.ofDays(10)), "unit_operator@kel-langkai", "FollowUpPosted",
                "{\"text\": \"Sudah ditindaklanjuti.\", \"final\": true}", "complaint.followed-up", "reporter");
        step(n, 5, "COMPLETED", "kel-langkai", null, "reporter", "Completed", "{\"by\": \"REPORTER\"}",
                "complaint.completed", "unit:kel-langkai");
    }

    /** One step as its own request would make it: a connection from the pool, three statements, the commit. */
    private void step(String n, long version, String state, String unit, Instant due, String actor, String type,
                      String payload, String topic, String recipient) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                s.setLong(1, version);
                s.setString(2, state);
                s.setString(3, unit);
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, due == null ? null : Timestamp.from(due));
                s.setString(6, n);
                s.setLong(7, version - 1);
                one(s.executeUpdate());
            }
            eventAndMessage(c, n, version, now, actor, type, payload, topic, recipient);
            c.commit();
        }
    }

    private static void eventAndMessage(Connection c, String n, long version, Instant now, String actor, String type,
                                        String payload, String topic, String recipient) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
            s.setString(1, n);
            s.setLong(2, version);
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, actor);
            s.setString(5, type);
            s.setString(6, payload);
            one(s.executeUpdate());
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_OUTBOX)) {
            s.setString(1, n);
            s.setLong(2, version);
            s.setString(3, topic);
            s.setString(4, recipient);
            s.setString(5, "{\"trackingNumber\": \"" + n + "\", \"event\": \"" + type + "\"}");
            s.setTimestamp(6, Timestamp.from(now));
            one(s.executeUpdate());
        }
    }

    private static void one(int rows) throws SQLException {
        if (rows != 1) {
            throw new SQLException("expected one row, changed " + rows);
        }
    }
}
