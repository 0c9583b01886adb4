package id.lapor.core.notification;

import java.util.Objects;

/**
 * A message as a person reads it: a short subject (for e-mail) and the text (the SMS, the e-mail body),
 * in {@code language} (an ISO 639 code such as {@code id} or {@code en}). Never carries personal data.
 */
public record NotificationText(String language, String subject, String body) {
    public NotificationText {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
