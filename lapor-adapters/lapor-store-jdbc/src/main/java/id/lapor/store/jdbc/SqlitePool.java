package id.lapor.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A few SQLite connections kept open, so that {@link SqliteStores#open} needs no pool library. Keeping
 * them open matters more than with a server: when the last connection to a file closes, SQLite
 * checkpoints and removes the write-ahead log, which made every append take milliseconds. A borrower
 * waits up to the busy timeout for a free connection; closing a borrowed connection rolls back what it
 * left open and hands it back.
 */
final class SqlitePool implements DataSource, AutoCloseable {
    private final DataSource source;
    private final int size;
    private final long waitMillis;
    private final Semaphore free;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    SqlitePool(DataSource source, int size, long waitMillis) {
        this.source = source;
        this.size = size;
        this.waitMillis = waitMillis;
        this.free = new Semaphore(size, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the SQLite complaint store was closed");
        }
        try {
            if (!free.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("all " + size + " SQLite connections stayed busy for " + waitMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a SQLite connection", e);
        }
        try {
            Connection real = idle.poll();
            if (real == null || real.isClosed()) {
                real = source.getConnection();
            }
            return borrowed(real);
        } catch (SQLException | RuntimeException e) {
            free.release();
            throw e;
        }
    }

    private Connection borrowed(Connection real) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(real);
                            }
                            return null;
                        case "isClosed":
                            return returned[0] || real.isClosed();
                        case "toString":
                            return "pooled " + real;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            if (returned[0]) {
                                throw new SQLException("this SQLite connection was closed (handed back to the pool)");
                            }
                            return invoke(real, method, args);
                    }
                });
    }

    private void giveBack(Connection real) throws SQLException {
        try {
            if (!real.isClosed() && !real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
            if (closed || real.isClosed()) {
                real.close();
            } else {
                idle.offer(real);
            }
        } catch (SQLException e) {
            real.close();
            throw e;
        } finally {
            free.release();
        }
    }

    private static Object invoke(Connection real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Closes the idle connections now and the borrowed ones when they are handed back. */
    @Override
    public void close() throws SQLException {
        closed = true;
        SQLException first = null;
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a SQLite file has no users");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through JDBC's writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // there is no login
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("lapor logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
