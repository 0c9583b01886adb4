package id.lapor.http.jetty;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of this module's tests (chosen with {@code -Dslf4j.provider}, see the pom): every
 * log line of the test run, formatted, with its MDC, kept in memory for the privacy checks and the MDC
 * checks, and echoed to stderr at WARN and above. Jetty's own lines are kept from INFO up.
 */
public final class CapturedLog implements SLF4JServiceProvider {
    /** One formatted line: logger, level, message with its arguments and the stack of a throwable, the MDC. */
    public record Line(String logger, Level level, String text, Map<String, String> mdc) {
    }

    private static final List<Line> LINES = Collections.synchronizedList(new ArrayList<>());
    private final BasicMDCAdapter mdc = new BasicMDCAdapter();
    private final BasicMarkerFactory markers = new BasicMarkerFactory();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);

    /** Every line logged so far in this JVM. */
    public static List<Line> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    /** The lines logged since {@link #lines()} had {@code mark} lines. */
    public static List<Line> since(int mark) {
        synchronized (LINES) {
            return List.copyOf(LINES.subList(Math.min(mark, LINES.size()), LINES.size()));
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class CapturingLogger extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        private final Level threshold;

        CapturingLogger(String name) {
            this.name = name;
            this.threshold = name.startsWith("org.eclipse.jetty") ? Level.INFO : Level.DEBUG;
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            if (!enabled(level)) {
                return;
            }
            StringBuilder text = new StringBuilder(MessageFormatter.basicArrayFormat(pattern, arguments));
            if (throwable != null) {
                StringWriter stack = new StringWriter();
                throwable.printStackTrace(new PrintWriter(stack));
                text.append('\n').append(stack);
            }
            Map<String, String> context = MDC.getCopyOfContextMap();
            LINES.add(new Line(name, level, text.toString(), context == null ? Map.of() : Map.copyOf(context)));
            if (level.toInt() >= Level.WARN.toInt()) {
                System.err.println(level + " " + name + " " + (context == null || context.isEmpty() ? "" : context + " ") + text);
            }
        }
    }
}
