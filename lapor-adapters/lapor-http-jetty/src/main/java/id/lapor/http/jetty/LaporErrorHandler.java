package id.lapor.http.jetty;

import id.lapor.http.ErrorDocument;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the errors Jetty answers itself in the format of the API the path belongs to: the Open311
 * error list under an Open311 servlet's path, the officer API's problem document elsewhere. Never an
 * HTML page, never a stack trace. Two flavours, one body: {@link #forServer} for requests Jetty refuses
 * before any context (a malformed URI), {@link #forContext} for those a servlet context refuses (no
 * servlet at the path).
 */
final class LaporErrorHandler {
    private final List<String> open311;

    LaporErrorHandler(List<String> open311) {
        this.open311 = List.copyOf(open311);
    }

    ErrorHandler forServer() {
        return new ErrorHandler() {
            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                         List<Charset> charsets, int code, String message, Throwable cause) {
                return writeBody(request, response, callback, code, message);
            }
        };
    }

    org.eclipse.jetty.ee10.servlet.ErrorHandler forContext() {
        return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                         List<Charset> charsets, int code, String message, Throwable cause) {
                return writeBody(request, response, callback, code, message);
            }
        };
    }

    private boolean writeBody(Request request, Response response, Callback callback, int code, String message) {
        String path = path(request);
        String text = code == 404 ? "no resource at this path" : "the request could not be handled: " + reason(code, message);
        ErrorDocument doc = path != null && open311.stream().anyMatch(p -> path.startsWith(p + "/") || path.equals(p))
                ? ErrorDocument.open311(code, text, path)
                : path == null ? ErrorDocument.open311(code, text, null) : ErrorDocument.officer(code, text);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, doc.contentType());
        response.write(true, ByteBuffer.wrap(doc.body()), callback);
        return true;
    }

    /** The raw path; null when Jetty could not parse the URI (such a request gets the Open311 XML error list). */
    private static String path(Request request) {
        try {
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            // Jetty names a request it could not parse at all "/badMessage".
            return path == null || path.isEmpty() || path.equals("/badMessage") ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String reason(int code, String message) {
        if (message == null || message.isBlank()) {
            return "HTTP " + code;
        }
        // Jetty's reasons are fixed phrases ("Ambiguous URI path separator"); keep them short and printable.
        String clean = message.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) : clean;
    }

    @Override
    public String toString() {
        return "LaporErrorHandler[open311=" + open311 + "]";
    }
}
