package id.lapor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The PostgreSQL the tests run on: the one {@code LAPOR_TEST_POSTGRES_URL} names (a JDBC URL with user
 * and password), else an embedded PostgreSQL 18 started once per JVM. Each test class works in a schema
 * of its own, dropped when it closes, so an external database keeps whatever else it holds.
 *
 * <p>PostgreSQL refuses to run as root. Under root the embedded server's library (2.2 on) starts
 * {@code initdb}, {@code pg_ctl} and so the server through {@code unshare -U}: in a new user namespace
 * with no uid mapped, the processes run as the overflow user {@code nobody} (65534), and files owned
 * by root look owned by {@code nobody} too, so the data folder passes PostgreSQL's owner check.
 */
final class TestPostgres {
    static final String URL_VARIABLE = "LAPOR_TEST_POSTGRES_URL";
    private static DataSource admin;

    private TestPostgres() {
    }

    /** A schema of its own on the test server, with a pool whose connections use it. */
    static Schema newSchema() {
        String name = "lapor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin(), "CREATE SCHEMA " + name);
        HikariConfig config = new HikariConfig();
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            config.setJdbcUrl(url);
        } else {
            config.setDataSource(server().getPostgresDatabase());
        }
        config.setSchema(name);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        return new Schema(name, new HikariDataSource(config));
    }

    /** A schema and a pool on it; closing drops the schema. */
    record Schema(String name, HikariDataSource dataSource) implements AutoCloseable {
        /** A JDBC URL with user and password whose connections use this schema: for processes of their own. */
        String jdbcUrl() {
            String url = System.getenv(URL_VARIABLE);
            if (url == null || url.isBlank()) {
                url = server().getJdbcUrl("postgres", "postgres");
            }
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        @Override
        public void close() {
            dataSource.close();
            execute(admin(), "DROP SCHEMA " + name + " CASCADE");
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static synchronized DataSource admin() {
        if (admin == null) {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setMaximumPoolSize(2);
                admin = new HikariDataSource(config);
            } else {
                admin = server().getPostgresDatabase();
            }
        }
        return admin;
    }

    private static EmbeddedPostgres server;

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start(); // the library stops it in a shutdown hook
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL (as root it needs `unshare -U`);"
                        + " point " + URL_VARIABLE + " at a PostgreSQL instead", e);
            }
        }
        return server;
    }
}
