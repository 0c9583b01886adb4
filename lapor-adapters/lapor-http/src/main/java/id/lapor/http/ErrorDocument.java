package id.lapor.http;

import id.lapor.http.internal.Documents;
import id.lapor.http.internal.HttpFailure;
import id.lapor.http.internal.Json;
import id.lapor.http.internal.OfficerDocuments;
import id.lapor.http.internal.Open311Documents;
import java.util.List;
import java.util.Locale;

/**
 * An error body in the format of lapor's APIs, for the errors a container answers before a servlet
 * runs (a malformed URI, a header too large): so that every 4xx a client sees has the body its API
 * documents. Used by the Jetty runner's error handler; other hosts can call it from theirs.
 */
public record ErrorDocument(String contentType, byte[] body) {

    /**
     * The GeoReport v2 error list, in JSON when {@code path} ends in {@code .json}, else in XML.
     * {@code description} must not carry personal data.
     */
    public static ErrorDocument open311(int status, String description, String path) {
        var list = Open311Documents.errors(status, List.of(new HttpFailure.Problem(null, description)));
        boolean json = path != null && path.toLowerCase(Locale.ROOT).endsWith(".json");
        return json ? new ErrorDocument("application/json; charset=utf-8", Documents.json(list))
                : new ErrorDocument("text/xml; charset=utf-8", Documents.xml("errors", list));
    }

    /** The officer API's problem document. */
    public static ErrorDocument officer(int status, String detail) {
        String code = status == 404 ? "not_found" : status == 413 ? "payload_too_large" : status == 414 ? "uri_too_long"
                : status >= 500 ? "internal_error" : "bad_request";
        return new ErrorDocument(OfficerDocuments.PROBLEM, Json.write(OfficerDocuments.problem(HttpFailure.of(status, code, detail))));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
