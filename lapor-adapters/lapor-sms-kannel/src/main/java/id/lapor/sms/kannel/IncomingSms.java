package id.lapor.sms.kannel;

import java.time.Instant;
import java.util.Objects;

/**
 * One SMS as the gateway delivered it: the sender as written by the network, the number it was sent to
 * (1708), the decoded text, the gateway's message id (Kannel's {@code %I}; null when there is none) and
 * when it arrived. {@link #toString()} leaves out the sender and the text.
 */
public record IncomingSms(String from, String to, String text, String messageId, Instant receivedAt) {
    public IncomingSms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        return "IncomingSms[id=" + messageId + ", to=" + to + ", " + text.length() + " chars]";
    }
}
