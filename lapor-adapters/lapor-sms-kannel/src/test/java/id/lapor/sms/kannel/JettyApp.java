package id.lapor.sms.kannel;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The intake servlet in a plain embedded Jetty 12 (ee10) on 127.0.0.1 and a free port, as a host would run it. */
final class JettyApp implements AutoCloseable {
    private final Server server = new Server();
    private final int port;

    JettyApp(HttpServlet servlet, Filter... filters) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        for (Filter f : filters) {
            context.addFilter(new FilterHolder(f), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(servlet), "/sms/kannel");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/sms/kannel";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
