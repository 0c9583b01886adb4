package id.lapor.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: instants as fixed-width ISO-8601 text in UTC with microseconds (so they sort as text and read
 * well), JSON as text, lists as a JSON array read with {@code json_each}, the tracking-number sequence
 * as a one-row table.
 */
public final class SqliteDialect implements Dialect {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public String migrationLocation() {
        return "id/lapor/store/jdbc/migration/sqlite";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, INSTANT.format(value));
        }
    }

    @Override
    public Instant getInstant(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : Instant.parse(text);
    }

    @Override
    public void setJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setString(index, json);
    }

    @Override
    public String inList(String column) {
        return column + " IN (SELECT value FROM json_each(?))";
    }

    @Override
    public void setList(PreparedStatement statement, int index, List<String> values) throws SQLException {
        StringBuilder json = new StringBuilder("[");
        for (String v : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            JsonRows.quote(json, v);
        }
        statement.setString(index, json.append(']').toString());
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        }
        return false;
    }

    @Override
    public long[] reserveSequence(Connection connection, int count) throws SQLException {
        // One statement in auto-commit: its own transaction, serialised by SQLite's write lock.
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE tracking_number_sequence SET next_value = next_value + ? RETURNING next_value - ?")) {
            s.setInt(1, count);
            s.setInt(2, count);
            long first;
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                first = rows.getLong(1);
            }
            return LongStream.range(first, first + count).toArray();
        }
    }


    @Override
    public String toString() {
        return name();
    }
}
