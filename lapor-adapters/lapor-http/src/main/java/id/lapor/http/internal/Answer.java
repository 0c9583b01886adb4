package id.lapor.http.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response ready to write: status, content type, body and extra headers. {@code replayable} marks
 * an answer that a retry with the same Idempotency-Key must get again (the request reached lapor).
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers, boolean replayable) {
    public Answer {
        headers = Map.copyOf(headers);
    }

    public static Answer of(int status, String contentType, byte[] body) {
        return new Answer(status, contentType, body, Map.of(), false);
    }

    public Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, body, more, replayable);
    }

    public Answer asReplayable() {
        return new Answer(status, contentType, body, headers, true);
    }

    /** Writes the answer; for HEAD, headers only. */
    public void writeTo(HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (body != null) {
            response.setContentLength(body.length);
            if (!head) {
                response.getOutputStream().write(body);
            }
        }
    }
}
