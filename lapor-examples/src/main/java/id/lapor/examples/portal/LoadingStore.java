package id.lapor.examples.portal;

import id.lapor.store.jdbc.Dialect;
import id.lapor.store.jdbc.JdbcComplaintStore;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A store on the portal's SQLite file for one bulk load (the demo history), on one connection and without waiting
 * for the disk at each commit ({@code synchronous=OFF}): thousands of appends take seconds instead of minutes. A
 * load cut short by a crash is not marked done, so the next start loads again; the portal itself always runs on
 * {@link id.lapor.store.jdbc.SqliteStores#open}, every commit durable.
 */
final class LoadingStore implements AutoCloseable {
    private final Connection connection;
    private final JdbcComplaintStore store;

    LoadingStore(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        this.connection = source.getConnection();
        this.store = JdbcComplaintStore.builder(new OneConnection(connection)).dialect(Dialect.sqlite()).migrate(true).build();
    }

    JdbcComplaintStore store() {
        return store;
    }

    @Override
    public void close() throws SQLException {
        store.close();
        connection.close();
    }

    /** Hands out the one connection, which the store's "close" leaves open. */
    private static final class OneConnection implements DataSource {
        private final Connection shared;

        OneConnection(Connection real) {
            this.shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            if (!real.getAutoCommit()) {
                                real.rollback();
                                real.setAutoCommit(true);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() {
            return shared;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return shared;
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // one open connection: nothing to wait for
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
