package id.lapor.http.internal;

import java.util.List;
import java.util.Map;

/**
 * A request the adapter will not serve, with the status to answer and every problem found. Thrown by
 * the parsers, caught by the servlets, and written in the format of the API that was asked (the
 * Open311 error list or the officer API's problem document). Messages never carry a reporter's data.
 */
public final class HttpFailure extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Problem> problems;
    private final Map<String, String> headers;

    /** One thing wrong: the field or header at fault (null when the whole request is) and what is wrong. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field == null ? message : field + ": " + message;
        }
    }

    public HttpFailure(int status, String code, List<Problem> problems, Map<String, String> headers) {
        super(status + " " + problems);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    public static HttpFailure badRequest(String field, String message) {
        return new HttpFailure(400, "bad_request", List.of(new Problem(field, message)), Map.of());
    }

    public static HttpFailure badRequest(List<Problem> problems) {
        return new HttpFailure(400, "bad_request", problems, Map.of());
    }

    public static HttpFailure notFound(String message) {
        return new HttpFailure(404, "not_found", List.of(new Problem(null, message)), Map.of());
    }

    public static HttpFailure forbidden(String message) {
        return new HttpFailure(403, "forbidden", List.of(new Problem(null, message)), Map.of());
    }

    public static HttpFailure of(int status, String code, String message) {
        return new HttpFailure(status, code, List.of(new Problem(null, message)), Map.of());
    }

    public static HttpFailure methodNotAllowed(String method, String allow) {
        return new HttpFailure(405, "method_not_allowed",
                List.of(new Problem(null, "method " + Texts.shown(method, 20) + " is not allowed here; allowed: " + allow)),
                Map.of("Allow", allow));
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // An expected answer to a bad request, not a fault: no stack to collect.
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
