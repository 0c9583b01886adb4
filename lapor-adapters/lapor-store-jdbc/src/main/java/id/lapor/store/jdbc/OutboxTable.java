package id.lapor.store.jdbc;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.port.Outbox;
import id.lapor.store.jdbc.internal.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Outbox} on the {@code outbox} table, whose rows appends write. A row is pending while it is
 * neither delivered nor parked; a failed attempt either sets the next one or parks the row.
 */
final class OutboxTable implements Outbox {
    private static final String COLUMNS = "id, event_id, tracking_number, recipient, topic, attributes, created_at, attempts,"
            + " last_error, next_attempt_at";
    private static final String PENDING = "SELECT " + COLUMNS + " FROM outbox"
            + " WHERE delivered_at IS NULL AND parked_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?";
    private static final String COUNT_WAITING = "SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND parked_at IS NULL";
    private static final String COUNT_PARKED = "SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND delivered_at IS NULL";
    private static final String PARKED = "SELECT " + COLUMNS + " FROM outbox"
            + " WHERE parked_at IS NOT NULL AND delivered_at IS NULL ORDER BY created_at, id LIMIT ?";
    private static final String DELIVERED = "UPDATE outbox SET delivered_at = COALESCE(delivered_at, ?) WHERE id = ?";
    private static final String RETRY_LATER = "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            + " WHERE id = ?";
    private static final String PARK = "UPDATE outbox SET attempts = attempts + 1, last_error = ?,"
            + " parked_at = COALESCE(parked_at, ?) WHERE id = ?";
    private static final String RETRY = "UPDATE outbox SET parked_at = NULL, next_attempt_at = ? WHERE id = ?";
    /** Errors are kept to this length: enough to diagnose, not a stack dump per attempt. */
    static final int MAX_ERROR_LENGTH = 2000;

    private final Sql sql;
    private final Dialect dialect;
    private final JsonCodec json;

    OutboxTable(Sql sql, Dialect dialect, JsonCodec json) {
        this.sql = sql;
        this.dialect = dialect;
        this.json = json;
    }

    @Override
    public List<Pending> pending(Instant now, int limit) {
        JdbcComplaintStore.requirePositive(limit);
        return sql.list("read the pending outbox", PENDING, s -> {
            dialect.setInstant(s, 1, now);
            s.setInt(2, limit);
        }, this::pending);
    }

    @Override
    public List<Pending> parked(int limit) {
        JdbcComplaintStore.requirePositive(limit);
        return sql.list("read the parked outbox", PARKED, s -> s.setInt(1, limit), this::pending);
    }

    /** Counted on the partial index {@code outbox_pending}. */
    @Override
    public long waitingCount() {
        return sql.first("count the waiting outbox", COUNT_WAITING, s -> { }, rows -> rows.getLong(1)).orElse(0L);
    }

    /** Counted on the partial index {@code outbox_parked}. */
    @Override
    public long parkedCount() {
        return sql.first("count the parked outbox", COUNT_PARKED, s -> { }, rows -> rows.getLong(1)).orElse(0L);
    }

    @Override
    public void delivered(String messageId, Instant at) {
        Objects.requireNonNull(at, "at");
        change("mark outbox message " + messageId + " delivered", messageId, DELIVERED, s -> {
            dialect.setInstant(s, 1, at);
            s.setString(2, messageId);
        });
    }

    @Override
    public void failed(String messageId, Instant at, String error, Optional<Instant> retryAt) {
        Objects.requireNonNull(at, "at");
        String kept = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        change("record a failed delivery of outbox message " + messageId, messageId, retryAt.isPresent() ? RETRY_LATER : PARK,
                s -> {
                    s.setString(1, kept);
                    dialect.setInstant(s, 2, retryAt.orElse(at));
                    s.setString(3, messageId);
                });
    }

    @Override
    public void retry(String messageId, Instant at) {
        Objects.requireNonNull(at, "at");
        change("put outbox message " + messageId + " back in line", messageId, RETRY, s -> {
            dialect.setInstant(s, 1, at);
            s.setString(2, messageId);
        });
    }

    private void change(String what, String messageId, String statement, Sql.Binder binder) {
        if (sql.update(what, statement, binder) == 0) {
            throw new IllegalArgumentException("no outbox message " + messageId);
        }
    }

    private Pending pending(ResultSet rows) throws SQLException {
        OutboxMessage m = new OutboxMessage(rows.getString(2), new TrackingNumber(rows.getString(3)), recipient(rows.getString(4)),
                rows.getString(5), json.attributes(rows.getString(6)), dialect.getInstant(rows, 7));
        return new Pending(m, rows.getInt(8), Optional.ofNullable(rows.getString(9)), dialect.getInstant(rows, 10));
    }

    /** Parses {@link Recipient#key()}: {@code reporter}, {@code unit:dinas-pu}. */
    private static Recipient recipient(String key) {
        int colon = key.indexOf(':');
        Recipient.Kind kind = Recipient.Kind.valueOf((colon < 0 ? key : key.substring(0, colon)).toUpperCase(Locale.ROOT));
        return new Recipient(kind, colon < 0 ? Optional.empty() : Optional.of(new UnitId(key.substring(colon + 1))));
    }
}
