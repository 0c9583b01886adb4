package id.lapor.core.relay;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.notification.Address;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.Backoff;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import id.lapor.core.notification.MessageTexts;
import id.lapor.core.notification.NotificationText;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: takes the messages due ({@link Outbox#pending}), resolves each recipient to
 * addresses (the reporter's phone or e-mail from the stored complaint, officers through the host's
 * {@link AddressBook}), renders the text ({@link MessageTexts}) and hands it to the {@link Courier} of
 * each address's medium. A message every address accepted is marked delivered; otherwise it is tried
 * again after the {@link Backoff}, and parked after {@code maxAttempts} attempts or a permanent failure,
 * visible through {@link Outbox#parked} until an operator retries it. Nothing is dropped.
 *
 * <p>Delivery is at least once, keyed by the message id: a crash between a courier's success and
 * {@link Outbox#delivered}, or two relays reading the same outbox, can hand a message over twice, and
 * receivers recognise it by its id. Within one relay, a message that reached some of its addresses and
 * not others is retried only at the ones it missed.
 *
 * <p>Run {@link #relay()} on a schedule; calls that overlap on one relay do not run twice at once.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder()
 *         .clock(clock).outbox(store).complaints(store).addressBook(book)
 *         .courier(sms).courier(mail).courier(webhook)
 *         .build();
 * scheduler.scheduleWithFixedDelay(relay::relay, 0, 10, TimeUnit.SECONDS);
 * }</pre>
 */
public final class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR = 1_000;
    private static final String RECEIVED = "complaint.received";

    private final Clock clock;
    private final Outbox outbox;
    private final ComplaintStore complaints;
    private final AddressBook addressBook;
    private final Map<Medium, Courier> couriers;
    private final MessageTexts texts;
    private final String language;
    private final Backoff backoff;
    private final int maxAttempts;
    private final int batchSize;
    private final ReporterContact reporterContact;
    private final List<DeliveryListener> listeners;
    private final ReentrantLock running = new ReentrantLock();
    /** Addresses that accepted a message whose other addresses failed; cleared when it is delivered or parked. */
    private final Map<String, Set<String>> reached = new ConcurrentHashMap<>();

    private OutboxRelay(Builder b) {
        this.clock = b.clock;
        this.outbox = b.outbox;
        this.complaints = b.complaints;
        this.addressBook = b.addressBook;
        this.couriers = Map.copyOf(b.couriers);
        this.texts = b.texts;
        this.language = b.language;
        this.backoff = b.backoff;
        this.maxAttempts = b.maxAttempts;
        this.batchSize = b.batchSize;
        this.reporterContact = b.reporterContact;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What one {@link #relay()} did. */
    public record Result(int delivered, int failed, int parked) {
        public static final Result NONE = new Result(0, 0, 0);

        public int attempted() {
            return delivered + failed + parked;
        }
    }

    /**
     * Attempts every message due now, batch after batch, each at most once per call; returns at once with
     * {@link Result#NONE} when another call on this relay is running.
     */
    public Result relay() {
        if (!running.tryLock()) {
            return Result.NONE;
        }
        try {
            int delivered = 0;
            int failed = 0;
            int parked = 0;
            Set<String> seen = new HashSet<>();
            while (true) {
                List<Outbox.Pending> batch = outbox.pending(clock.instant(), batchSize);
                int fresh = 0;
                for (Outbox.Pending p : batch) {
                    if (!seen.add(p.message().id())) {
                        continue;
                    }
                    fresh++;
                    switch (attempt(p)) {
                        case DELIVERED -> delivered++;
                        case FAILED -> failed++;
                        case PARKED -> parked++;
                    }
                }
                if (batch.size() < batchSize || fresh == 0) {
                    return new Result(delivered, failed, parked);
                }
            }
        } finally {
            running.unlock();
        }
    }

    private enum Verdict { DELIVERED, FAILED, PARKED }

    private Verdict attempt(Outbox.Pending pending) {
        OutboxMessage message = pending.message();
        int attempt = pending.attempts() + 1;
        List<Address> addresses;
        try {
            addresses = addressesOf(message);
        } catch (RuntimeException e) {
            return fail(message, attempt, "resolving addresses: " + describe(e), false);
        }
        if (addresses.isEmpty() && message.recipient().kind() == Recipient.Kind.REPORTER) {
            // The reporter always has a contact; an empty list is the ReporterContact's choice not to tell.
            return delivered(message, attempt);
        }
        if (addresses.isEmpty()) {
            return fail(message, attempt, "no address for " + message.recipient().key(), true);
        }
        NotificationText text = texts.render(message, language);
        Set<String> done = reached.computeIfAbsent(message.id(), id -> ConcurrentHashMap.newKeySet());
        List<String> errors = new ArrayList<>();
        boolean permanent = false;
        int usable = 0;
        for (Address address : addresses) {
            Courier courier = couriers.get(address.medium());
            if (courier == null) {
                log.warn("no {} courier for message {}; that address is skipped", address.medium(), message.id());
                continue;
            }
            usable++;
            if (done.contains(address.key())) {
                continue;
            }
            try {
                courier.deliver(new Delivery(message, address, text, attempt));
                done.add(address.key());
            } catch (DeliveryException e) {
                errors.add(address.medium() + ": " + e.getMessage());
                permanent |= e.isPermanent();
            } catch (RuntimeException e) {
                errors.add(address.medium() + ": " + describe(e));
            }
        }
        if (usable == 0) {
            return fail(message, attempt, "no courier for the media of " + message.recipient().key() + " ("
                    + addresses.stream().map(Address::medium).distinct().toList() + ")", true);
        }
        if (!errors.isEmpty()) {
            return fail(message, attempt, String.join("; ", errors), permanent);
        }
        return delivered(message, attempt);
    }

    private Verdict delivered(OutboxMessage message, int attempt) {
        Instant now = clock.instant();
        outbox.delivered(message.id(), now);
        reached.remove(message.id());
        Duration age = Duration.between(message.createdAt(), now);
        log.debug("message {} delivered at attempt {}", message.id(), attempt);
        tell(l -> l.delivered(message, attempt, age.isNegative() ? Duration.ZERO : age));
        return Verdict.DELIVERED;
    }

    private Verdict fail(OutboxMessage message, int attempt, String error, boolean permanent) {
        Instant now = clock.instant();
        String stored = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (permanent || attempt >= maxAttempts) {
            outbox.failed(message.id(), now, stored, Optional.empty());
            reached.remove(message.id());
            log.warn("message {} parked after attempt {}: {}", message.id(), attempt, stored);
            tell(l -> l.parked(message, attempt, stored));
            return Verdict.PARKED;
        }
        Instant retryAt = now.plus(backoff.delayAfter(attempt));
        outbox.failed(message.id(), now, stored, Optional.of(retryAt));
        log.info("message {} failed at attempt {}, next at {}: {}", message.id(), attempt, retryAt, stored);
        tell(l -> l.failed(message, attempt, stored, retryAt));
        return Verdict.FAILED;
    }

    private List<Address> addressesOf(OutboxMessage message) {
        if (message.recipient().kind() == Recipient.Kind.REPORTER) {
            Complaint c = complaints.find(message.complaint())
                    .orElseThrow(() -> new IllegalStateException("complaint " + message.complaint() + " not found"));
            return List.copyOf(reporterContact.addressesOf(c, message));
        }
        return List.copyOf(addressBook.addressesOf(message.recipient()));
    }

    /**
     * How a reporter is reached for one message, read from the whole complaint (the relay is trusted with
     * the reporter's contact). An empty list means "do not tell the reporter this": the message counts as
     * delivered.
     */
    @FunctionalInterface
    public interface ReporterContact {
        List<Address> addressesOf(Complaint complaint, OutboxMessage message);

        /**
         * By SMS when the report came by SMS, otherwise by e-mail when the reporter gave one, else by SMS; and
         * no receipt for an SMS report, whose tracking number the SMS channel already answered at once.
         */
        static ReporterContact preferred() {
            return (complaint, message) -> {
                if (complaint.channel() == Channel.SMS && RECEIVED.equals(message.topic())) {
                    return List.of();
                }
                Reporter r = complaint.reporter();
                boolean phone = r.phone() != null && !r.phone().isBlank();
                boolean email = r.email() != null && !r.email().isBlank();
                if (phone && (complaint.channel() == Channel.SMS || !email)) {
                    return List.of(new Address.Phone(r.phone()));
                }
                return email ? List.of(new Address.Email(r.email())) : List.of();
            };
        }

        /** Every contact the reporter gave, SMS and e-mail, for every message. */
        static ReporterContact every() {
            return (complaint, message) -> {
                Reporter r = complaint.reporter();
                List<Address> out = new ArrayList<>(2);
                if (r.phone() != null && !r.phone().isBlank()) {
                    out.add(new Address.Phone(r.phone()));
                }
                if (r.email() != null && !r.email().isBlank()) {
                    out.add(new Address.Email(r.email()));
                }
                return out;
            };
        }
    }

    private void tell(java.util.function.Consumer<DeliveryListener> call) {
        for (DeliveryListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.warn("delivery listener {} failed", l, e);
            }
        }
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private Clock clock;
        private Outbox outbox;
        private ComplaintStore complaints;
        private AddressBook addressBook;
        private final Map<Medium, Courier> couriers = new EnumMap<>(Medium.class);
        private MessageTexts texts = MessageTexts.standard();
        private String language = MessageTexts.INDONESIAN;
        private Backoff backoff = Backoff.exponential(Duration.ofSeconds(30), 2.0, Duration.ofHours(2))
                .withJitter(0.2, RandomGenerator.getDefault());
        private int maxAttempts = 12;
        private int batchSize = 100;
        private ReporterContact reporterContact = ReporterContact.preferred();
        private final List<DeliveryListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Required: when attempts happen and when the next is due. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Required: the outbox to deliver (the store, usually). */
        public Builder outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /** Required: where the reporter's contact is read. */
        public Builder complaints(ComplaintStore complaints) {
            this.complaints = complaints;
            return this;
        }

        /** Required: the officers' side's addresses ({@link AddressBook#none()} when only reporters are told). */
        public Builder addressBook(AddressBook addressBook) {
            this.addressBook = addressBook;
            return this;
        }

        /** The courier of one medium; at least one is required, and a second for the same medium replaces the first. */
        public Builder courier(Courier courier) {
            Objects.requireNonNull(courier, "courier");
            couriers.put(Objects.requireNonNull(courier.medium(), "courier medium"), courier);
            return this;
        }

        /** The texts; {@link MessageTexts#standard()} by default. */
        public Builder texts(MessageTexts texts) {
            this.texts = Objects.requireNonNull(texts, "texts");
            return this;
        }

        /** The language texts are written in; Indonesian ({@code id}) by default, English where a text is missing. */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * The wait after each failed attempt; by default 30 s doubling up to 2 h, with 20% jitter, which
         * spans about a day over the default 12 attempts.
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Attempts before a message is parked; 12 by default. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Messages read from the outbox at a time; 100 by default. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** How a reporter is reached; {@link ReporterContact#preferred()} by default. */
        public Builder reporterContact(ReporterContact reporterContact) {
            this.reporterContact = Objects.requireNonNull(reporterContact, "reporterContact");
            return this;
        }

        public Builder listener(DeliveryListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public OutboxRelay build() {
            List<String> missing = new ArrayList<>();
            if (clock == null) {
                missing.add("clock");
            }
            if (outbox == null) {
                missing.add("outbox");
            }
            if (complaints == null) {
                missing.add("complaints");
            }
            if (addressBook == null) {
                missing.add("addressBook");
            }
            if (couriers.isEmpty()) {
                missing.add("a courier");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("OutboxRelay needs " + String.join(", ", missing) + " (see OutboxRelay.Builder)");
            }
            return new OutboxRelay(this);
        }
    }
}
