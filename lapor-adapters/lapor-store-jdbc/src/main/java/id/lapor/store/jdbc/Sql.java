package id.lapor.store.jdbc;

import id.lapor.core.LaporException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The few JDBC moves the store makes outside an append, each on a connection of its own; faults name what failed. */
final class Sql {
    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    Sql(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    <T> List<T> list(String what, String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(row.read(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    <T> Optional<T> first(String what, String sql, Binder binder, Row<T> row) {
        List<T> found = list(what, sql, binder, row);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    int update(String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    LaporException failed(String what, SQLException e) {
        return new LaporException("could not " + what + " in " + dialect.name() + ": " + e.getMessage(), e);
    }
}
