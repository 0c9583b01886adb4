package id.lapor.sms.kannel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kannel's sendsms interface as a test double on 127.0.0.1: checks the credentials like smsbox (403),
 * records each accepted SMS decoded by its charset, answers 202, can be stopped and started again on
 * the same port, and answers 503 for chosen recipients.
 */
final class FakeSendsms implements AutoCloseable {
    record Sms(String from, String to, String text, int coding, String udh) {
    }

    private final int port;
    private HttpServer server;
    final List<Sms> accepted = new CopyOnWriteArrayList<>();
    final Map<String, Integer> failingRecipients = new ConcurrentHashMap<>();

    FakeSendsms() throws IOException {
        start(0);
        port = server.getAddress().getPort();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/cgi-bin/sendsms");
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
        server.createContext("/cgi-bin/sendsms", exchange -> {
            KannelQuery q = KannelQuery.parse(exchange.getRequestURI().getRawQuery());
            int status;
            String body;
            if (!q.get("username").orElse("").equals("lapor") || !q.get("password").orElse("").equals("rahasia")) {
                status = 403;
                body = "Authorization failed for sendsms";
            } else if (q.get("to").isEmpty()) {
                status = 400;
                body = "Missing receiver number for sendsms";
            } else if (failingRecipients.containsKey(q.get("to").get())) {
                status = failingRecipients.get(q.get("to").get());
                body = "Internal error";
            } else {
                String charset = q.get("charset").orElse("UTF-8");
                String text = q.text("text", q.get("charset"), q.get("coding")).orElseThrow();
                String udh = q.get("udh").isPresent() ? HexFormat.of().formatHex(rawBytes(exchange.getRequestURI().getRawQuery(), "udh")) : null;
                accepted.add(new Sms(q.get("from").orElse(null), q.get("to").get(), text, Integer.parseInt(q.get("coding").orElse("0")), udh));
                status = 202;
                body = "0: Accepted for delivery";
                Charset.forName(charset);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private static byte[] rawBytes(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                String v = pair.substring(name.length() + 1);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < v.length(); i++) {
                    if (v.charAt(i) == '%') {
                        out.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        out.write(v.charAt(i));
                    }
                }
                return out.toByteArray();
            }
        }
        return new byte[0];
    }

    @Override
    public void close() {
        stop();
    }
}
