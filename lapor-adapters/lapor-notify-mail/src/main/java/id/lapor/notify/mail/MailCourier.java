package id.lapor.notify.mail;

import id.lapor.core.notification.Address;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends notifications by e-mail over SMTP through Angus Mail: a plain-text UTF-8 message with the
 * rendered subject and text. The outbox message id travels as the {@code X-Lapor-Event-Id} header and
 * shapes a stable {@code Message-ID} ({@link #messageIdOf}), so a repeated delivery is recognisable.
 *
 * <p>A connection that fails or times out, and a 4xx answer, are transient; a refused recipient address
 * (5xx) and failed authentication are permanent: the relay parks the message.
 */
public final class MailCourier implements Courier {
    public static final String EVENT_ID_HEADER = "X-Lapor-Event-Id";

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final String subjectPrefix;
    private final Clock clock;

    private MailCourier(Builder b) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", b.host);
        p.put("mail.smtp.port", Integer.toString(b.port));
        p.put("mail.smtp.connectiontimeout", Long.toString(b.timeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(b.timeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(b.timeout.toMillis()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(b.startTls));
        p.put("mail.smtp.starttls.required", Boolean.toString(b.startTls));
        p.put("mail.smtp.from", b.from.getAddress());
        Authenticator auth = null;
        if (b.username != null) {
            p.put("mail.smtp.auth", "true");
            String user = b.username;
            String password = b.password;
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
        this.from = b.from;
        this.messageIdDomain = b.messageIdDomain;
        this.subjectPrefix = b.subjectPrefix;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Medium medium() {
        return Medium.EMAIL;
    }

    @Override
    public void deliver(Delivery delivery) {
        if (!(delivery.address() instanceof Address.Email email)) {
            throw DeliveryException.permanentFailure("a mail courier was handed a " + delivery.address().medium() + " address");
        }
        InternetAddress to;
        try {
            to = new InternetAddress(email.address(), true);
        } catch (AddressException e) {
            throw DeliveryException.permanentFailure("the recipient's e-mail address is malformed");
        }
        try {
            MimeMessage message = new StableIdMessage(session, messageIdOf(delivery.messageId(), messageIdDomain));
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(subjectPrefix + delivery.text().subject(), StandardCharsets.UTF_8.name());
            message.setText(delivery.text().body(), StandardCharsets.UTF_8.name());
            message.setHeader(EVENT_ID_HEADER, delivery.messageId());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setSentDate(Date.from(clock.instant()));
            Transport.send(message);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP authentication failed", true, e);
        } catch (SendFailedException e) {
            // Invalid addresses: the server refused the recipient (5xx); anything else there is worth a retry.
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    && (e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0);
            throw new DeliveryException("SMTP refused the message: " + firstLine(e), refused, e);
        } catch (MessagingException e) {
            throw DeliveryException.transientFailure("SMTP failed: " + firstLine(e), e);
        }
    }

    /**
     * The {@code Message-ID} of a delivery: the outbox message id with every character outside RFC 5322's
     * dot-atom as {@code =XX} (hex), at {@code domain}; e.g. {@code <70674622482/3#unit=3Adinas-pupr@lapor.example.go.id>}.
     */
    public static String messageIdOf(String outboxMessageId, String domain) {
        StringBuilder left = new StringBuilder();
        for (byte b : outboxMessageId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-/?^_`{|}~.".indexOf(c) >= 0)) {
                left.append(c);
            } else {
                left.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return "<" + left + "@" + domain + ">";
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // SMTP answers may quote the recipient: keep the status, not the address.
        String line = m.strip().lines().findFirst().orElse("");
        return line.replaceAll("<[^>]*>", "<...>").replaceAll("\\S+@\\S+", "...");
    }

    /** A message whose Message-ID is ours, not the random one {@code saveChanges} would make. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private String host;
        private int port = 25;
        private InternetAddress from;
        private String username;
        private String password;
        private boolean startTls;
        private Duration timeout = Duration.ofSeconds(10);
        private String messageIdDomain = "lapor.invalid";
        private String subjectPrefix = "";
        private Clock clock;

        private Builder() {
        }

        /** Required: the SMTP server. */
        public Builder server(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Required: the sender, e.g. {@code LAPOR Kota Palangka Raya <lapor@palangkaraya.go.id>}. */
        public Builder from(String address) {
            try {
                this.from = new InternetAddress(address, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("sender address '" + address + "' is malformed", e);
            }
            return this;
        }

        /** SMTP AUTH credentials; none by default. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Require STARTTLS; off by default (a relay on the host's own network). */
        public Builder startTls(boolean startTls) {
            this.startTls = startTls;
            return this;
        }

        /** Connect, read and write timeout; 10 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The right-hand side of each Message-ID; the sender's domain is a good choice. */
        public Builder messageIdDomain(String domain) {
            this.messageIdDomain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** Put before every subject, e.g. {@code "[LAPOR] "}; empty by default. */
        public Builder subjectPrefix(String prefix) {
            this.subjectPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Required: the Date header comes from it. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public MailCourier build() {
            List<String> missing = new ArrayList<>();
            if (host == null) {
                missing.add("server");
            }
            if (from == null) {
                missing.add("from");
            }
            if (clock == null) {
                missing.add("clock");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("MailCourier needs " + String.join(", ", missing) + " (see MailCourier.Builder)");
            }
            return new MailCourier(this);
        }
    }
}
