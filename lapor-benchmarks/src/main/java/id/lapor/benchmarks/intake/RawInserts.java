package id.lapor.benchmarks.intake;

import id.lapor.store.jdbc.SqliteStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The baseline of intake: the rows lapor wrote for one complaint (its complaint row, events, outbox messages, channel
 * message if any), copied with a new tracking number into another SQLite file of the same schema (made by lapor's own
 * migrations) with the same connection settings, one transaction per complaint, prepared statements, no HTTP and no
 * validation. Each thread keeps its own connection, as a pool would.
 */
final class RawInserts implements AutoCloseable {
    /** Tables in the order their foreign keys need. */
    private static final String[] TABLES = {"complaint", "complaint_event", "outbox", "channel_message"};

    private final DataSource dataSource;
    private final String template;
    /** Per table, the template's rows as column values. */
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private final Map<String, String> inserts = new LinkedHashMap<>();
    private final AtomicLong numbers = new AtomicLong(70_000_000_000L);
    private final ConcurrentLinkedQueue<Connection> connections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    private RawInserts(DataSource dataSource, String template) {
        this.dataSource = dataSource;
        this.template = template;
    }

    /** Reads {@code template}'s rows from {@code source}; makes {@code target} with lapor's schema. */
    static RawInserts copying(Path source, String template, Path target) throws SQLException {
        SqliteStores.open(target).close();
        RawInserts raw = new RawInserts(SqliteStores.dataSource(target), template);
        try (Connection c = SqliteStores.dataSource(source).getConnection()) {
            for (String table : TABLES) {
                List<Object[]> list = new ArrayList<>();
                List<String> columns = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE tracking_number = ?")) {
                    s.setString(1, template);
                    try (ResultSet r = s.executeQuery()) {
                        ResultSetMetaData meta = r.getMetaData();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            columns.add(meta.getColumnName(i));
                        }
                        while (r.next()) {
                            Object[] row = new Object[columns.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = r.getObject(i + 1);
                            }
                            list.add(row);
                        }
                    }
                }
                raw.rows.put(table, list);
                raw.inserts.put(table, "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")");
            }
        }
        if (raw.rows.get("complaint").size() != 1) {
            throw new IllegalStateException("complaint " + template + " not found in " + source);
        }
        return raw;
    }

    /** One complaint: every row of the template with a new tracking number, in one transaction. */
    void insertOne() throws SQLException {
        Connection c = connection.get();
        if (c == null) {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            connection.set(c);
            connections.add(c);
        }
        String number = String.valueOf(numbers.incrementAndGet());
        try {
            for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
                if (table.getValue().isEmpty()) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement(inserts.get(table.getKey()))) {
                    for (Object[] row : table.getValue()) {
                        for (int i = 0; i < row.length; i++) {
                            Object v = row[i];
                            s.setObject(i + 1, v instanceof String text ? text.replace(template, number) : v);
                        }
                        s.executeUpdate();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    Map<String, Integer> rowsPerTable() {
        Map<String, Integer> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        rows.forEach((k, v) -> {
            if (!v.isEmpty()) {
                parts.add(String.format(Locale.ROOT, "%d %s", v.size(), k));
            }
        });
        return String.join(" + ", parts) + " row(s)";
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
    }
}
