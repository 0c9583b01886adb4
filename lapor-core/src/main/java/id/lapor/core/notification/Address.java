package id.lapor.core.notification;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one message goes: a phone, an e-mail address or an agency's webhook. Addresses are resolved by
 * the {@link id.lapor.core.relay.OutboxRelay} when it delivers and never stored in the outbox. A reporter's phone and e-mail
 * are personal data: {@link #toString()} masks them, and couriers keep them out of error messages.
 */
public sealed interface Address {

    Medium medium();

    /** A stable key for this address within one message's deliveries; never logged. */
    String key();

    /** A phone number as given (the SMS adapter writes E.164, e.g. {@code +6281234567890}). */
    record Phone(String number) implements Address {
        public Phone {
            if (number == null || number.isBlank()) {
                throw new IllegalArgumentException("a phone address needs a number");
            }
        }

        @Override
        public Medium medium() {
            return Medium.SMS;
        }

        @Override
        public String key() {
            return "sms:" + number;
        }

        @Override
        public String toString() {
            return "Phone[" + mask(number) + "]";
        }
    }

    record Email(String address) implements Address {
        public Email {
            if (address == null || address.indexOf('@') < 1) {
                throw new IllegalArgumentException("an e-mail address needs a local part and a domain");
            }
        }

        @Override
        public Medium medium() {
            return Medium.EMAIL;
        }

        @Override
        public String key() {
            return "email:" + address.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "Email[" + mask(address.substring(0, address.indexOf('@'))) + address.substring(address.indexOf('@')) + "]";
        }
    }

    /** An institution's own system, told by an HTTP POST; not personal data. */
    record Webhook(URI url) implements Address {
        public Webhook {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("a webhook is an http or https URL, not " + url);
            }
        }

        public static Webhook of(String url) {
            return new Webhook(URI.create(url));
        }

        @Override
        public Medium medium() {
            return Medium.WEBHOOK;
        }

        @Override
        public String key() {
            return "webhook:" + url;
        }
    }

    private static String mask(String s) {
        if (s.length() <= 4) {
            return "****";
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 5) + s.substring(s.length() - 2);
    }
}
