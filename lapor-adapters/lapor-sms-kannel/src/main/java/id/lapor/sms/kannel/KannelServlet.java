package id.lapor.sms.kannel;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URL smsbox calls for each incoming SMS, through a stock {@code sms-service} {@code get-url}:
 *
 * <pre>
 * get-url = "http://127.0.0.1:8080/sms/kannel?from=%p&amp;to=%P&amp;text=%b&amp;charset=%C&amp;coding=%c&amp;id=%I&amp;time=%T&amp;token=..."
 * </pre>
 *
 * The response body is the reply SMS: status 200, {@code text/plain; charset=UTF-8}, with
 * {@code X-Kannel-Coding: 2} when the reply needs UCS-2 (Kannel honours it with
 * {@code accept-x-kannel-headers = true}). 503 when the message cannot be handled now: smsbox delivers it
 * again ({@code http-request-retry}), and the same {@code %I} never creates a second complaint.
 * 400 when {@code from} or {@code text} is missing; 403 when a token is configured and does not match.
 */
public final class KannelServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(KannelServlet.class);

    private final transient SmsIntake intake;
    private final transient Clock clock;
    private final byte[] token;

    /**
     * @param token the shared secret smsbox passes as {@code token=}, so no one else can post SMS from any
     *     phone; null to accept every caller (then restrict the URL to smsbox's address)
     */
    public KannelServlet(SmsIntake intake, Clock clock, String token) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KannelQuery q = KannelQuery.parse(request.getQueryString());
        if (token != null && !MessageDigest.isEqual(token, q.get("token").orElse("").getBytes(StandardCharsets.UTF_8))) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "forbidden");
            return;
        }
        Optional<String> from = q.get("from");
        Optional<String> text;
        try {
            text = q.text("text", q.get("charset"), q.get("coding"));
        } catch (CharacterCodingException e) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "text is not valid in charset " + q.get("charset").orElse("(none)"));
            return;
        }
        if (from.isEmpty() || text.isEmpty()) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "from and text are required (get-url ...?from=%p&text=%b&charset=%C&id=%I)");
            return;
        }
        Instant at = q.get("time").flatMap(KannelServlet::epochSeconds).orElseGet(clock::instant);
        IncomingSms sms = new IncomingSms(from.get(), q.get("to").orElse(null), text.get(), q.get("id").orElse(null), at);
        String answer;
        try {
            answer = intake.handle(sms);
        } catch (RuntimeException e) {
            log.error("SMS {} could not be handled; smsbox will deliver it again", sms, e);
            plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "try again");
            return;
        }
        if (!Gsm7.canEncode(answer)) {
            response.setHeader("X-Kannel-Coding", Integer.toString(SmsParts.Encoding.UCS2.kannelCoding()));
        }
        plain(response, HttpServletResponse.SC_OK, answer);
    }

    private static Optional<Instant> epochSeconds(String s) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void plain(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
