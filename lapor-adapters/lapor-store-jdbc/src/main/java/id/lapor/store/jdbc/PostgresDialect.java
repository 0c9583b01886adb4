package id.lapor.store.jdbc;

import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.store.jdbc.internal.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL: {@code timestamptz} and {@code json} columns, lists as {@code text[]} arrays, a database
 * sequence for tracking numbers, and each append as one statement: data-modifying common table
 * expressions write the complaint, its events and its outbox messages in one round trip and one
 * implicit transaction, where the portable path needs four (three statements and the commit).
 */
public final class PostgresDialect implements Dialect {
    /** SQLSTATE unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Appends of up to this many events and this many messages bind each value as a parameter, in rows of
     * VALUES: PostgreSQL then parses each record's JSON once, to check it. Each such shape is a statement of
     * its own, prepared and planned on every connection that meets it, so their number is kept small (about
     * 160, within pgjdbc's cache of 256 statements per connection). Larger appends (a long catch-up of due
     * timers) send their rows as one JSON array each, read by json_to_recordset; each record's JSON is then
     * parsed three times (the array checked, taken apart, and the record checked).
     */
    static final int VALUES_ROWS = 8;
    private static final String EVENT_COLUMNS = "version, at, actor_role, actor_id, actor_unit, state, event_type, event_json";
    private static final String EVENT_ROW = "(?::bigint, ?::timestamptz, ?::text, ?::text, ?::text, ?::text, ?::text, ?::json)";
    private static final String MESSAGE_COLUMNS = "id, event_id, tracking_number, recipient, topic, attributes, created_at";
    private static final String MESSAGE_ROW = "(?::text, ?::text, ?::text, ?::text, ?::text, ?::json, ?::timestamptz)";
    private static final String EVENTS_FROM_JSON = "json_to_recordset(?::json) AS e (version bigint, at timestamptz,"
            + " actor_role text, actor_id text, actor_unit text, state text, event_type text, event_json json)";
    private static final String MESSAGES_FROM_JSON = "json_to_recordset(?::json) AS m (id text, event_id text,"
            + " tracking_number text, recipient text, topic text, attributes json, created_at timestamptz)";
    private static final String CREATE = "WITH keyed AS (INSERT INTO complaint (tracking_number, " + StatementAppender.COLUMNS
            + ") VALUES (?, " + StatementAppender.COLUMN_PARAMETERS + ") RETURNING tracking_number),"
            + " channel AS (INSERT INTO channel_message (channel, message_id, tracking_number)"
            + " SELECT ?, ?::text, tracking_number FROM keyed WHERE ?::text IS NOT NULL)";
    private static final String UPDATE = "WITH keyed AS (UPDATE complaint SET " + StatementAppender.SET_COLUMNS
            + " WHERE tracking_number = ? AND version = ? RETURNING tracking_number)";
    /** Statements by shape, made when first needed. */
    private static final Map<Shape, String> STATEMENTS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ISO_INSTANT;

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String migrationLocation() {
        return "id/lapor/store/jdbc/migration/postgresql";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(micros(value), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    @Override
    public Instant getInstant(ResultSet rows, int index) throws SQLException {
        OffsetDateTime t = rows.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public void setJson(PreparedStatement statement, int index, String json) throws SQLException {
        // Types.OTHER sends the text untyped, so the server reads it as the column's json.
        statement.setObject(index, json, Types.OTHER);
    }

    @Override
    public String inList(String column) {
        return column + " = ANY (?)";
    }

    @Override
    public void setList(PreparedStatement statement, int index, List<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray()));
    }

    @Override
    public String skipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public long[] reserveSequence(Connection connection, int count) throws SQLException {
        // A sequence is outside transactions: each value is taken for good, whatever happens next.
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT nextval('tracking_number_sequence') FROM generate_series(1, ?)")) {
            s.setInt(1, count);
            long[] values = new long[count];
            try (ResultSet rows = s.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    rows.next();
                    values[i] = rows.getLong(1);
                }
            }
            return values;
        }
    }

    /**
     * What an append's statement depends on: creating or updating, and how many events and messages it binds
     * as VALUES rows; none of either for an append whose rows go as JSON.
     */
    private record Shape(boolean create, int events, int messages) {
        static Shape of(boolean create, int events, int messages) {
            boolean asValues = events <= VALUES_ROWS && messages <= VALUES_ROWS;
            return asValues ? new Shape(create, events, messages) : new Shape(create, 0, 0);
        }

        boolean asValues() {
            return events > 0;
        }

        String sql() {
            return (create ? CREATE : UPDATE) + statement(events, messages);
        }
    }

    /** The rest of an append's statement after {@code keyed}: 0 events for rows as JSON, then 0 messages too. */
    private static String statement(int events, int messages) {
        StringBuilder sql = new StringBuilder(", events AS (INSERT INTO complaint_event (tracking_number, ")
                .append(EVENT_COLUMNS).append(") SELECT k.tracking_number, e.").append(EVENT_COLUMNS.replace(", ", ", e."))
                .append(" FROM keyed k, ");
        if (events == 0) {
            sql.append(EVENTS_FROM_JSON);
        } else {
            sql.append("(VALUES ").append(String.join(", ", Collections.nCopies(events, EVENT_ROW))).append(") AS e (")
                    .append(EVENT_COLUMNS).append(')');
        }
        sql.append(')');
        if (events == 0 || messages > 0) {
            sql.append(", messages AS (INSERT INTO outbox (").append(MESSAGE_COLUMNS).append(", attempts, next_attempt_at)")
                    .append(" SELECT m.").append(MESSAGE_COLUMNS.replace(", ", ", m.")).append(", 0, m.created_at FROM keyed k, ");
            if (events == 0) {
                sql.append(MESSAGES_FROM_JSON);
            } else {
                sql.append("(VALUES ").append(String.join(", ", Collections.nCopies(messages, MESSAGE_ROW)))
                        .append(") AS m (").append(MESSAGE_COLUMNS).append(')');
            }
            sql.append(')');
        }
        return sql.append(" SELECT count(*) FROM keyed").toString();
    }

    /** Appends in one statement. */
    Appender appender() {
        return this::appendInOneStatement;
    }

    private boolean appendInOneStatement(Connection c, long expectedVersion, Appender.Rows rows) throws SQLException {
        Complaint after = rows.after();
        boolean autoCommit = c.getAutoCommit();
        // One statement is atomic by itself: in auto-commit it is its own transaction, without a round trip to commit.
        c.setAutoCommit(true);
        Shape shape = Shape.of(expectedVersion == 0, rows.events().size(), rows.outbox().size());
        try (PreparedStatement s = c.prepareStatement(STATEMENTS.computeIfAbsent(shape, Shape::sql))) {
            int i;
            if (expectedVersion == 0) {
                s.setString(1, after.trackingNumber().value());
                i = StatementAppender.bindComplaint(this, s, 2, after, rows.complaintJson());
                String messageId = after.channelMessageId().orElse(null);
                s.setString(i++, after.channel().name());
                s.setString(i++, messageId);
                s.setString(i++, messageId);
            } else {
                i = StatementAppender.bindComplaint(this, s, 1, after, rows.complaintJson());
                s.setString(i++, after.trackingNumber().value());
                s.setLong(i++, expectedVersion);
            }
            if (shape.asValues()) {
                i = bindEventValues(s, i, rows);
                bindOutboxValues(s, i, rows);
            } else {
                i = bindEvents(s, i, rows);
                bindOutbox(s, i, rows);
            }
            try (ResultSet keyed = s.executeQuery()) {
                keyed.next();
                return keyed.getLong(1) == 1;
            }
        } catch (SQLException e) {
            // Creating, only the complaint's number and its channel message can collide: event versions and
            // message ids (event and recipient, each once: JdbcComplaintStore) are new with the complaint.
            throw expectedVersion == 0 && isUniqueViolation(e) ? new Appender.KeyConflict(e) : e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private int bindEventValues(PreparedStatement s, int index, Appender.Rows rows) throws SQLException {
        int i = index;
        for (int k = 0; k < rows.events().size(); k++) {
            i = StatementAppender.bindEvent(this, s, i, rows.events().get(k), rows.eventJson().get(k));
        }
        return i;
    }

    private void bindOutboxValues(PreparedStatement s, int index, Appender.Rows rows) throws SQLException {
        int i = index;
        for (int k = 0; k < rows.outbox().size(); k++) {
            i = StatementAppender.bindMessage(this, s, i, rows.outbox().get(k), rows.attributeJson().get(k));
        }
    }

    private static int bindEvents(PreparedStatement s, int index, Appender.Rows rows) throws SQLException {
        JsonRows json = new JsonRows();
        List<RecordedEvent> events = rows.events();
        for (int k = 0; k < events.size(); k++) {
            RecordedEvent e = events.get(k);
            json.row().number("version", e.version()).text("at", TEXT.format(micros(e.at())))
                    .text("actor_role", e.actor().role().name()).text("actor_id", e.actor().id())
                    .text("actor_unit", e.actor().unit().map(UnitId::value).orElse(null)).text("state", e.state().name())
                    .text("event_type", JsonCodec.typeOf(e.event())).json("event_json", rows.eventJson().get(k));
        }
        s.setString(index, json.end());
        return index + 1;
    }

    private static void bindOutbox(PreparedStatement s, int index, Appender.Rows rows) throws SQLException {
        JsonRows json = new JsonRows();
        List<OutboxMessage> outbox = rows.outbox();
        for (int k = 0; k < outbox.size(); k++) {
            OutboxMessage m = outbox.get(k);
            json.row().text("id", m.id()).text("event_id", m.eventId()).text("tracking_number", m.complaint().value())
                    .text("recipient", m.recipient().key())
                    .text("topic", m.topic()).json("attributes", rows.attributeJson().get(k))
                    .text("created_at", TEXT.format(micros(m.createdAt())));
        }
        s.setString(index, json.end());
    }

    /** The column keeps microseconds: truncated, so a stored deadline is never later than the real one. */
    private static Instant micros(Instant value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return name();
    }
}
