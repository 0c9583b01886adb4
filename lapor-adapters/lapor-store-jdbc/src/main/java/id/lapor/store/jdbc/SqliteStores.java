package id.lapor.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A complaint store in one SQLite file, for one process: a city's or a test's. Write-ahead logging lets
 * readers go on while one writer commits; {@code synchronous=FULL} makes every commit durable; writers
 * wait for each other up to {@link #BUSY_TIMEOUT_MILLIS} instead of failing; foreign keys are enforced.
 *
 * <pre>{@code
 * try (JdbcComplaintStore store = SqliteStores.open(Path.of("lapor.db"))) {
 *     Lapor lapor = Lapor.builder().store(store)...build();
 * }
 * }</pre>
 */
public final class SqliteStores {
    /** How long a writer waits for another one's lock, or for a free connection, before the call fails. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** How many connections {@link #open} keeps: one writes at a time, the others read meanwhile. */
    public static final int CONNECTIONS = 4;

    private SqliteStores() {
    }

    /**
     * A migrated store in {@code file}, created when it does not exist, with {@value #CONNECTIONS}
     * connections kept open until {@link JdbcComplaintStore#close()}.
     */
    public static JdbcComplaintStore open(Path file) {
        return open(file, JdbcComplaintStore.DEFAULT_DUE_LEASE);
    }

    /** {@link #open(Path)} with another {@linkplain JdbcComplaintStore.Builder#dueLease due-work lease}, for tests. */
    static JdbcComplaintStore open(Path file, Duration dueLease) {
        SqlitePool pool = new SqlitePool(dataSource(file), CONNECTIONS, BUSY_TIMEOUT_MILLIS);
        try {
            return JdbcComplaintStore.builder(pool).dialect(Dialect.sqlite()).migrate(true).dueLease(dueLease).owning(pool)
                    .build();
        } catch (RuntimeException e) {
            try {
                pool.close();
            } catch (java.sql.SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * New connections to {@code file}, each set up as described above, one per call: a host that gives
     * the store its own pool wraps this data source. (Unpooled, every append would also pay for SQLite
     * checkpointing the log when the last connection closes.)
     */
    public static DataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }
}
