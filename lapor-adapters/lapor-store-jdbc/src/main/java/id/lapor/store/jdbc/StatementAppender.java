package id.lapor.store.jdbc;

import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.sla.StageClock;
import id.lapor.store.jdbc.internal.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * The portable append: one transaction of three statements. The versioned update (or the insert of a
 * new complaint and its channel message), the events as one batch, the outbox messages as one batch.
 * A stale version updates no row and the transaction is rolled back.
 */
final class StatementAppender implements Appender {
    /** The complaint's columns but its key, in the order {@link #bindComplaint} binds them. */
    static final String COLUMNS = "version, state, responsible_unit, target_institution, region, category, kind,"
            + " channel, confidential, submitted_at, updated_at, next_due_at, clock_calendar, clock_calendar_version,"
            + " complaint_json";
    static final String COLUMN_PARAMETERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    static final String SET_COLUMNS = "version = ?, state = ?, responsible_unit = ?, target_institution = ?, region = ?,"
            + " category = ?, kind = ?, channel = ?, confidential = ?, submitted_at = ?, updated_at = ?, next_due_at = ?,"
            + " clock_calendar = ?, clock_calendar_version = ?, complaint_json = ?";

    private static final String INSERT_COMPLAINT = "INSERT INTO complaint (tracking_number, " + COLUMNS + ")"
            + " VALUES (?, " + COLUMN_PARAMETERS + ")";
    private static final String UPDATE_COMPLAINT = "UPDATE complaint SET " + SET_COLUMNS
            + " WHERE tracking_number = ? AND version = ?";
    private static final String INSERT_MESSAGE = "INSERT INTO channel_message (channel, message_id, tracking_number)"
            + " VALUES (?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO complaint_event (tracking_number, version, at, actor_role,"
            + " actor_id, actor_unit, state, event_type, event_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // A message id is its event and recipient, new with the event (ComplaintStore.checkAppend); the store drops
    // repeats within an append, so no conflict clause is needed.
    private static final String INSERT_OUTBOX = "INSERT INTO outbox (id, event_id, tracking_number, recipient, topic,"
            + " attributes, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)";

    private final Dialect dialect;

    StatementAppender(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public boolean append(Connection c, long expectedVersion, Rows rows) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            boolean written = expectedVersion == 0 ? insert(c, rows) : update(c, expectedVersion, rows);
            if (written) {
                insertEvents(c, rows);
                insertOutbox(c, rows);
                c.commit();
            } else {
                c.rollback();
            }
            return written;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private boolean insert(Connection c, Rows rows) throws SQLException {
        Complaint after = rows.after();
        try {
            try (PreparedStatement s = c.prepareStatement(INSERT_COMPLAINT)) {
                s.setString(1, after.trackingNumber().value());
                bindComplaint(dialect, s, 2, after, rows.complaintJson());
                s.executeUpdate();
            }
            if (after.channelMessageId().isPresent()) {
                try (PreparedStatement s = c.prepareStatement(INSERT_MESSAGE)) {
                    s.setString(1, after.channel().name());
                    s.setString(2, after.channelMessageId().get());
                    s.setString(3, after.trackingNumber().value());
                    s.executeUpdate();
                }
            }
            return true;
        } catch (SQLException e) {
            // The keys another writer may hold: the complaint's number and its channel message.
            throw dialect.isUniqueViolation(e) ? new KeyConflict(e) : e;
        }
    }

    private boolean update(Connection c, long expectedVersion, Rows rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE_COMPLAINT)) {
            int next = bindComplaint(dialect, s, 1, rows.after(), rows.complaintJson());
            s.setString(next, rows.after().trackingNumber().value());
            s.setLong(next + 1, expectedVersion);
            return s.executeUpdate() == 1;
        }
    }

    private void insertEvents(Connection c, Rows rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
            for (int n = 0; n < rows.events().size(); n++) {
                RecordedEvent e = rows.events().get(n);
                s.setString(1, e.complaint().value());
                bindEvent(dialect, s, 2, e, rows.eventJson().get(n));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertOutbox(Connection c, Rows rows) throws SQLException {
        if (rows.outbox().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_OUTBOX)) {
            for (int n = 0; n < rows.outbox().size(); n++) {
                OutboxMessage m = rows.outbox().get(n);
                int next = bindMessage(dialect, s, 1, m, rows.attributeJson().get(n));
                dialect.setInstant(s, next, m.createdAt());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Binds an event's row after its tracking number (version, at, actor role, id and unit, state, event
     * type, event JSON) from {@code index} on; returns the next free index.
     */
    static int bindEvent(Dialect dialect, PreparedStatement s, int index, RecordedEvent e, String eventJson)
            throws SQLException {
        int i = index;
        s.setLong(i++, e.version());
        dialect.setInstant(s, i++, e.at());
        s.setString(i++, e.actor().role().name());
        s.setString(i++, e.actor().id());
        s.setString(i++, e.actor().unit().map(UnitId::value).orElse(null));
        s.setString(i++, e.state().name());
        s.setString(i++, JsonCodec.typeOf(e.event()));
        dialect.setJson(s, i++, eventJson);
        return i;
    }

    /**
     * Binds a message's row (id, event id, tracking number, recipient, topic, attributes JSON, created at) from
     * {@code index} on; returns the next free index.
     */
    static int bindMessage(Dialect dialect, PreparedStatement s, int index, OutboxMessage m, String attributeJson)
            throws SQLException {
        int i = index;
        s.setString(i++, m.id());
        s.setString(i++, m.eventId());
        s.setString(i++, m.complaint().value());
        s.setString(i++, m.recipient().key());
        s.setString(i++, m.topic());
        dialect.setJson(s, i++, attributeJson);
        dialect.setInstant(s, i++, m.createdAt());
        return i;
    }

    /** Binds the values of {@link #COLUMNS} from {@code index} on; returns the next free index. */
    static int bindComplaint(Dialect dialect, PreparedStatement s, int index, Complaint c, String complaintJson)
            throws SQLException {
        int i = index;
        s.setLong(i++, c.version());
        s.setString(i++, c.state().name());
        s.setString(i++, c.responsibleUnit().map(UnitId::value).orElse(null));
        s.setString(i++, c.targetInstitution().map(UnitId::value).orElse(null));
        s.setString(i++, c.location().region().value());
        s.setString(i++, c.category().map(id -> id.value()).orElse(null));
        s.setString(i++, c.kind().name());
        s.setString(i++, c.channel().name());
        s.setBoolean(i++, c.confidential());
        dialect.setInstant(s, i++, c.submittedAt());
        dialect.setInstant(s, i++, c.updatedAt());
        dialect.setInstant(s, i++, c.nextDueAt().orElse(null));
        Optional<StageClock> clock = c.clock();
        s.setString(i++, clock.map(StageClock::calendar).orElse(null));
        if (clock.isPresent()) {
            s.setInt(i++, clock.get().calendarVersion());
        } else {
            s.setNull(i++, Types.INTEGER);
        }
        dialect.setJson(s, i++, complaintJson);
        return i;
    }
}
