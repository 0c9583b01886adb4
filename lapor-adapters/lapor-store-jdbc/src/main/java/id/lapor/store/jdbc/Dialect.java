package id.lapor.store.jdbc;

import id.lapor.core.LaporException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between the databases the JDBC store runs on, in one place per database (as
 * db-scheduler's {@code JdbcCustomization}): how instants, JSON and lists are bound, which error is a
 * unique violation, where the migrations are and how the tracking-number sequence advances. The SQL
 * itself is shared, but for PostgreSQL's one-statement append ({@link PostgresDialect}).
 */
public interface Dialect {

    /** The database's name, for messages: {@code PostgreSQL}, {@code SQLite}. */
    String name();

    /** The classpath folder of this database's Flyway migrations. */
    String migrationLocation();

    /** Binds {@code value} to a timestamp column, or SQL NULL when it is null. */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** Reads a timestamp column; null for SQL NULL. Stored instants keep microseconds. */
    Instant getInstant(ResultSet rows, int index) throws SQLException;

    /** Binds JSON text to a JSON column. */
    void setJson(PreparedStatement statement, int index, String json) throws SQLException;

    /**
     * The condition "{@code column} is one of a list" with a single parameter, so that a long list (every
     * unit under a province) needs neither a statement per length nor thousands of parameters.
     */
    String inList(String column);

    /** Binds the list of {@link #inList(String)}. */
    void setList(PreparedStatement statement, int index, List<String> values) throws SQLException;

    /**
     * What ends a {@code SELECT} so that it locks the rows it returns and passes over rows that other
     * transactions hold, so that sweepers on several nodes take different due complaints at once:
     * {@code " FOR UPDATE SKIP LOCKED"} on PostgreSQL. Empty (the default) where writers are serialised
     * anyway, as on SQLite; a database with neither needs a dialect that says how.
     */
    default String skipLocked() {
        return "";
    }

    /** True when {@code e} reports a duplicate primary or unique key. */
    boolean isUniqueViolation(SQLException e);

    /**
     * Reserves the next {@code count} values of the tracking-number sequence (which starts at 0) in one
     * short transaction of its own: a value is never reserved twice, even by other processes. Values
     * reserved and never used (a node stopped, a submission failed) are gaps, which numbers may have.
     */
    long[] reserveSequence(Connection connection, int count) throws SQLException;

    static Dialect postgres() {
        return new PostgresDialect();
    }

    static Dialect sqlite() {
        return new SqliteDialect();
    }

    /**
     * The dialect of the database {@code connection} talks to.
     *
     * @throws LaporException when lapor has no dialect for it
     */
    static Dialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return postgres();
        }
        if ("SQLite".equalsIgnoreCase(product)) {
            return sqlite();
        }
        throw new LaporException("the JDBC complaint store has no dialect for " + product
                + "; it runs on PostgreSQL and SQLite, or pass a Dialect of your own to the builder");
    }
}
