package id.lapor.http.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads request bodies and query strings within limits, and checks their declared types. */
public final class Bodies {
    private Bodies() {
    }

    /** How much of a body over the limit is read and dropped, so the client can finish sending and read the 413. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    /**
     * The whole body, at most {@code maxBytes}.
     *
     * @throws HttpFailure 413 when it is longer (by Content-Length or by what arrives), 400 when it cannot be read
     */
    public static byte[] read(HttpServletRequest request, int maxBytes) {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared > maxBytes) {
                drain(in, declared);
                throw tooLarge(maxBytes);
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                drain(in, DRAIN_LIMIT);
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw HttpFailure.badRequest(null, "the request body could not be read completely");
        }
    }

    /**
     * Reads and drops what the client is still sending, up to a bound: closing on unread bytes makes TCP
     * reset the connection, and the client may never see the answer.
     */
    private static void drain(InputStream in, long expected) throws IOException {
        if (expected > DRAIN_LIMIT) {
            return;
        }
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= n;
        }
    }

    private static HttpFailure tooLarge(int maxBytes) {
        // The rest of the body is not read: the connection cannot serve another request after this answer.
        return new HttpFailure(413, "payload_too_large",
                java.util.List.of(new HttpFailure.Problem(null, "the request body is larger than " + maxBytes + " bytes")),
                java.util.Map.of("Connection", "close"));
    }

    /** The raw query string, at most {@code maxBytes} long; empty when there is none. */
    public static String query(HttpServletRequest request, int maxBytes) {
        String q = request.getQueryString();
        if (q == null) {
            return "";
        }
        if (q.length() > maxBytes) {
            throw HttpFailure.of(414, "uri_too_long", "the query string is longer than " + maxBytes + " characters");
        }
        return q;
    }

    /**
     * Checks that the body is declared as {@code expected} (e.g. {@code application/json}) with no charset
     * or UTF-8.
     *
     * @throws HttpFailure 415 naming what is accepted
     */
    public static void requireType(HttpServletRequest request, String expected) {
        String declared = request.getContentType();
        if (declared == null || declared.isBlank()) {
            throw HttpFailure.of(415, "unsupported_media_type", "Content-Type is missing; send " + expected + "; charset=utf-8");
        }
        String[] parts = declared.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(expected)) {
            throw HttpFailure.of(415, "unsupported_media_type", "Content-Type " + Texts.shown(type, 80) + " is not accepted; send "
                    + expected + "; charset=utf-8");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String charset = p.substring(eq + 1).strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw HttpFailure.of(415, "unsupported_media_type", "charset " + Texts.shown(charset, 40)
                            + " is not accepted: UTF-8 is required");
                }
            }
        }
    }

    /**
     * The body as text, decoded strictly as UTF-8 (form bodies are percent-encoded ASCII, but raw UTF-8
     * is tolerated).
     *
     * @throws HttpFailure 400 when the bytes are not UTF-8
     */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw HttpFailure.badRequest(null, "the request body is not valid UTF-8");
        }
    }
}
