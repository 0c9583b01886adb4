package id.lapor.http.jetty;

import id.lapor.http.OfficerApiServlet;
import id.lapor.http.Open311Servlet;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lapor's HTTP channels on an embedded Jetty 12: Open311 under {@code /open311/v2}, the officer API
 * under {@code /api/v1}, and any servlet a host adds (a portal), on one port. Errors Jetty answers
 * itself (a malformed URI, headers too large) get the error body of the API the path belongs to.
 *
 * <pre>{@code
 * try (LaporJettyServer server = LaporJettyServer.builder()
 *         .open311(open311Servlet)
 *         .officerApi(officerServlet)
 *         .port(0)                       // any free port
 *         .build()) {
 *     int port = server.start();
 *     ...
 * }
 * }</pre>
 */
public final class LaporJettyServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LaporJettyServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    private LaporJettyServer(Builder b) {
        QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, Math.min(4, b.maxThreads));
        threads.setName("lapor-http");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(b.requestHeaderSize);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(b.host);
        connector.setPort(b.port);
        connector.setIdleTimeout(b.idleTimeoutMillis);
        server.addConnector(connector);
        this.host = b.host;

        ServletContextHandler context = new ServletContextHandler("/");
        List<String> open311Paths = new ArrayList<>();
        for (Map.Entry<String, HttpServlet> e : b.servlets.entrySet()) {
            context.addServlet(new ServletHolder(e.getValue()), e.getKey());
            String prefix = e.getKey().endsWith("/*") ? e.getKey().substring(0, e.getKey().length() - 2) : e.getKey();
            if (e.getValue() instanceof Open311Servlet) {
                open311Paths.add(prefix);
            }
        }
        LaporErrorHandler errors = new LaporErrorHandler(open311Paths);
        context.setErrorHandler(errors.forContext());
        server.setErrorHandler(errors.forServer());
        server.setHandler(context);
        server.setStopTimeout(b.stopTimeoutMillis);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server.
     *
     * @return the port it listens on (the one chosen when the builder asked for port 0)
     * @throws IllegalStateException when it cannot start (port taken, ...)
     */
    public int start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("lapor HTTP server could not start on " + host + ":" + connector.getPort(), e);
        }
        log.info("lapor HTTP listening on {}:{}", host, connector.getLocalPort());
        return connector.getLocalPort();
    }

    /** The port it listens on; -1 before {@link #start()}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}; after {@link #start()}. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port());
    }

    /** Stops the server, letting requests under way finish within the stop timeout. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("lapor HTTP server did not stop cleanly", e);
        }
    }

    /** Explicit wiring with defaults: 127.0.0.1:8080, 50 threads, 8 KiB of headers. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private int maxThreads = 50;
        private int requestHeaderSize = 8 * 1024;
        private long idleTimeoutMillis = 30_000;
        private long stopTimeoutMillis = 5_000;
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

        private Builder() {
        }

        /** The address to listen on; 127.0.0.1 by default, {@code 0.0.0.0} for every interface. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one ({@link LaporJettyServer#start()} returns it). 8080 by default. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Open311 under {@code /open311/v2}. */
        public Builder open311(Open311Servlet servlet) {
            return servlet("/open311/v2/*", servlet);
        }

        /** The officer API under {@code /api/v1}. */
        public Builder officerApi(OfficerApiServlet servlet) {
            return servlet("/api/v1/*", servlet);
        }

        /** Any servlet under a servlet path mapping such as {@code /portal/*}. */
        public Builder servlet(String mapping, HttpServlet servlet) {
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(servlet, "servlet");
            if (servlets.putIfAbsent(mapping, servlet) != null) {
                throw new IllegalArgumentException("a servlet is already mapped to " + mapping);
            }
            return this;
        }

        public Builder maxThreads(int maxThreads) {
            if (maxThreads < 4) {
                throw new IllegalArgumentException("maxThreads must be at least 4, got " + maxThreads);
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /** The largest request line and headers; larger requests get 431. */
        public Builder requestHeaderSize(int bytes) {
            this.requestHeaderSize = bytes;
            return this;
        }

        public Builder idleTimeoutMillis(long millis) {
            this.idleTimeoutMillis = millis;
            return this;
        }

        public Builder stopTimeoutMillis(long millis) {
            this.stopTimeoutMillis = millis;
            return this;
        }

        /** @throws IllegalStateException when no servlet is registered */
        public LaporJettyServer build() {
            if (servlets.isEmpty()) {
                throw new IllegalStateException("LaporJettyServer needs at least one servlet (open311, officerApi or servlet)");
            }
            return new LaporJettyServer(this);
        }
    }
}
