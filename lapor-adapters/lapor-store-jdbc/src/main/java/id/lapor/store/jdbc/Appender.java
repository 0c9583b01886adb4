package id.lapor.store.jdbc;

import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How one append reaches the database: the shared statements in a transaction ({@link StatementAppender}),
 * or one statement where the database allows it ({@link PostgresDialect}). Either way it is atomic.
 */
interface Appender {

    /**
     * Writes {@code rows}: creates the complaint when {@code expectedVersion} is 0, else updates it from
     * that version. False, with nothing written, when the complaint was not at {@code expectedVersion}.
     *
     * @throws KeyConflict when creating collided with an existing complaint number or channel message;
     *     nothing written
     */
    boolean append(Connection connection, long expectedVersion, Rows rows) throws SQLException;

    /** One append, its JSON already written, so that no transaction waits for serialisation. */
    record Rows(Complaint after, String complaintJson, List<RecordedEvent> events, List<String> eventJson,
                List<OutboxMessage> outbox, List<String> attributeJson) {
    }

    /** Creating a complaint hit the key of an existing complaint or channel message. */
    final class KeyConflict extends SQLException {
        private static final long serialVersionUID = 1L;

        KeyConflict(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }
}
