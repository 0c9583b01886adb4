package id.lapor.notify.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agency's webhook endpoint for tests, on 127.0.0.1: verifies each signature, deduplicates on the
 * event id, can be stopped and started again on the same port, and answers a fixed status for chosen paths.
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(String eventId, String keyId, String topic, String body, boolean signatureValid) {
    }

    private final WebhookSignature signature;
    private final Clock clock;
    private final int port;
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    WebhookReceiver(byte[] secret, Clock clock) throws IOException {
        this.signature = new WebhookSignature(secret);
        this.clock = clock;
        start(0);
        this.port = server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void answer(String path, int status) {
        statusByPath.put(path, status);
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    void start() throws IOException {
        start(port);
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String eventId = exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER);
            String ts = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
            boolean valid = ts != null && signature.verify(exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    Long.parseLong(ts), eventId, body, clock.instant(), Duration.ofMinutes(5));
            int status = statusByPath.getOrDefault(exchange.getRequestURI().getPath(), valid ? 204 : 401);
            if (status / 100 == 2) {
                received.add(new Received(eventId, exchange.getRequestHeaders().getFirst(WebhookSignature.KEY_ID_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.TOPIC_HEADER), new String(body, StandardCharsets.UTF_8),
                        valid));
                eventIds.add(eventId);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void close() {
        stop();
    }
}
