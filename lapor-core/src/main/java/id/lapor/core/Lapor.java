package id.lapor.core;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.SecretHash;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.Directory;
import id.lapor.core.lifecycle.ActorRef;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.Lifecycle;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.notification.NotificationPolicy;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintListener;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import id.lapor.core.port.DuplicateSubmissionException;
import id.lapor.core.port.TrackingNumberSource;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.Views;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of an embedded lapor: submit reports, run lifecycle commands, read complaints as an
 * actor may see them. Thread-safe; build one per application with {@link #builder()}.
 *
 * <pre>{@code
 * Lapor lapor = Lapor.builder()
 *         .clock(Clock.systemUTC())
 *         .store(store)
 *         .trackingNumbers(new KeyedTrackingNumbers(key, store::nextSequence))
 *         .directory(directory)
 *         .categories(categories)
 *         .build();
 * }</pre>
 */
public final class Lapor {
    private static final Logger log = LoggerFactory.getLogger(Lapor.class);
    private static final Set<Role> SUBMITTERS = EnumSet.of(Role.REPORTER, Role.VERIFIER, Role.UNIT_OPERATOR, Role.SYSTEM);

    private final Clock clock;
    private final ComplaintStore store;
    private final TrackingNumberSource trackingNumbers;
    private final Directory directory;
    private final CategoryCatalogue categories;
    private final Lifecycle lifecycle;
    private final Views views;
    private final NotificationPolicy notifications;
    private final List<ComplaintListener> listeners;
    private final RandomGenerator random;
    private final Validator validator;

    private Lapor(Builder b) {
        this.clock = b.clock;
        this.store = b.store;
        this.trackingNumbers = b.trackingNumbers;
        this.directory = b.directory;
        this.categories = b.categories;
        this.lifecycle = new Lifecycle(b.directory, b.categories);
        this.views = new Views(b.directory);
        this.notifications = b.notifications != null ? b.notifications : NotificationPolicy.standard(b.directory);
        this.listeners = List.copyOf(b.listeners);
        this.random = b.random;
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> b.clock)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes a new report from {@code submitter}: the reporter themself, an officer entering a front-desk
     * report, or the system for a channel. Validates every field, stores the complaint in state
     * SUBMITTED and returns its tracking number with the reporter's secret.
     */
    public Submission submit(Actor submitter, Command.Submit report) {
        if (!SUBMITTERS.contains(submitter.role())) {
            throw new IllegalArgumentException(submitter.role() + " does not submit reports; one of " + SUBMITTERS + " does");
        }
        List<Violation> violations = validate(report);
        if (report != null && report.category() != null && !categories.contains(report.category())) {
            violations.add(new Violation("category", "category " + report.category() + " is not in the catalogue"));
        }
        if (report != null && report.targetInstitution() != null && !directory.contains(report.targetInstitution())) {
            violations.add(new Violation("targetInstitution", "unit " + report.targetInstitution() + " is not in the directory"));
        }
        if (!violations.isEmpty()) {
            return new Submission.Invalid(sorted(violations));
        }
        if (report.channelMessageId() != null) {
            Optional<TrackingNumber> existing = store.findByChannelMessage(report.channel(), report.channelMessageId());
            if (existing.isPresent()) {
                return new Submission.AlreadySubmitted(existing.get());
            }
        }
        String secret = report.channel() == Channel.SMS ? report.reporter().phone() : newPin();
        TrackingNumber number = trackingNumbers.next();
        Event.Submitted submitted = new Event.Submitted(report.kind(), report.channel(), report.title().strip(), report.body(),
                report.incidentDate(), report.location(), report.category(),
                report.tags() == null ? Set.of() : report.tags(),
                report.attachments() == null ? List.of() : report.attachments(), report.reporter(), report.anonymous(),
                report.confidential(), report.targetInstitution(),
                report.priority() == null ? Priority.NORMAL : report.priority(), SecretHash.of(secret, random),
                report.channelMessageId());
        RecordedEvent first = new RecordedEvent(number, 1, clock.instant(), ActorRef.of(submitter), State.SUBMITTED, submitted);
        Complaint complaint = Complaint.start(first);
        List<OutboxMessage> outbox = notifications.messagesFor(complaint, complaint, first);
        try {
            store.append(0, complaint, List.of(first), outbox);
        } catch (DuplicateSubmissionException e) {
            // Two deliveries of one message raced past the look-up above; the first one won.
            return new Submission.AlreadySubmitted(e.existing());
        }
        log.debug("complaint {} submitted through {}", number, report.channel());
        tell(List.of(first));
        return new Submission.Created(number, secret);
    }

    /** Runs {@code command} on the complaint as it is now. */
    public Outcome execute(Actor actor, TrackingNumber trackingNumber, Command command) {
        return execute(actor, trackingNumber, command, -1);
    }

    /**
     * Runs {@code command} if the complaint is still at {@code expectedVersion} (what the actor saw), else
     * answers {@link Outcome.Conflict}. A negative expected version means "as it is now".
     */
    public Outcome execute(Actor actor, TrackingNumber trackingNumber, Command command, long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        List<Violation> violations = validate(command);
        if (!violations.isEmpty()) {
            return new Outcome.Invalid(sorted(violations));
        }
        Optional<Complaint> found = store.find(trackingNumber);
        if (found.isEmpty() || !views.scope().canSee(actor, found.get()) && found.get().confidential()) {
            return new Outcome.NotFound(trackingNumber);
        }
        Complaint before = found.get();
        if (expectedVersion >= 0 && expectedVersion != before.version()) {
            return new Outcome.Conflict(trackingNumber, expectedVersion);
        }
        Lifecycle.Decision decision = lifecycle.decide(before, actor, command);
        if (decision instanceof Lifecycle.Decision.Refuse r) {
            return new Outcome.Refused(r.refusal());
        }
        if (!views.scope().covers(actor, before)) {
            return new Outcome.Refused(id.lapor.core.lifecycle.Refusal.of(id.lapor.core.lifecycle.Refusal.Reason.OUT_OF_SCOPE,
                    before.state(), command.type(), actor.role(), actor.role() == Role.REPORTER
                            ? "only the reporter, with the secret given at submission, may do this"
                            : "the complaint is outside the unit " + actor.unit().map(Object::toString).orElse("(none)")));
        }
        Lifecycle.Decision.Accept accept = (Lifecycle.Decision.Accept) decision;
        RecordedEvent recorded = new RecordedEvent(trackingNumber, before.version() + 1, clock.instant(), ActorRef.of(actor),
                accept.next(), accept.event());
        Complaint after = before.apply(recorded);
        try {
            store.append(before.version(), after, List.of(recorded), notifications.messagesFor(before, after, recorded));
        } catch (ConcurrentUpdateException e) {
            return new Outcome.Conflict(trackingNumber, before.version());
        }
        log.debug("complaint {} {} by {}: now {} v{}", trackingNumber, command.type(), actor.role(), after.state(), after.version());
        tell(List.of(recorded));
        return new Outcome.Accepted(trackingNumber, after.version(), after.state(), accept.event());
    }

    /** The complaint with its history as {@code actor} may read it; empty when they may not see it or it does not exist. */
    public Optional<ComplaintView> view(Actor actor, TrackingNumber trackingNumber) {
        return store.find(trackingNumber).flatMap(c -> views.of(actor, c, store.history(trackingNumber)));
    }

    public Clock clock() {
        return clock;
    }

    public Directory directory() {
        return directory;
    }

    public CategoryCatalogue categories() {
        return categories;
    }

    private List<Violation> validate(Object command) {
        List<Violation> out = new ArrayList<>();
        if (command == null) {
            out.add(new Violation("command", "is required"));
            return out;
        }
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            String path = v.getPropertyPath().toString();
            out.add(new Violation(path.isEmpty() ? "command" : path, v.getMessage()));
        }
        return out;
    }

    private static List<Violation> sorted(List<Violation> violations) {
        List<Violation> copy = new ArrayList<>(violations);
        copy.sort(null);
        return copy;
    }

    private String newPin() {
        return String.format("%08d", random.nextInt(100_000_000));
    }

    private void tell(List<RecordedEvent> events) {
        for (ComplaintListener l : listeners) {
            try {
                l.stored(events);
            } catch (RuntimeException e) {
                log.warn("complaint listener {} failed on {}; the command stays stored", l, events.get(0).id(), e);
            }
        }
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private Clock clock;
        private ComplaintStore store;
        private TrackingNumberSource trackingNumbers;
        private Directory directory;
        private CategoryCatalogue categories;
        private NotificationPolicy notifications;
        private final List<ComplaintListener> listeners = new ArrayList<>();
        private RandomGenerator random = new SecureRandom();

        private Builder() {
        }

        /** Required: every instant lapor records comes from it. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Required. */
        public Builder store(ComplaintStore store) {
            this.store = store;
            return this;
        }

        /** Required. */
        public Builder trackingNumbers(TrackingNumberSource trackingNumbers) {
            this.trackingNumbers = trackingNumbers;
            return this;
        }

        /** Required: the institutions and units. */
        public Builder directory(Directory directory) {
            this.directory = directory;
            return this;
        }

        /** Required: the category catalogue. */
        public Builder categories(CategoryCatalogue categories) {
            this.categories = categories;
            return this;
        }

        /** Who is told what; {@link NotificationPolicy#standard} by default. */
        public Builder notifications(NotificationPolicy notifications) {
            this.notifications = notifications;
            return this;
        }

        public Builder listener(ComplaintListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Where PINs and salts come from; a {@link SecureRandom} by default. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Lapor build() {
            List<String> missing = new ArrayList<>();
            if (clock == null) {
                missing.add("clock");
            }
            if (store == null) {
                missing.add("store");
            }
            if (trackingNumbers == null) {
                missing.add("trackingNumbers");
            }
            if (directory == null) {
                missing.add("directory");
            }
            if (categories == null) {
                missing.add("categories");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Lapor needs " + String.join(", ", missing) + " (see Lapor.Builder)");
            }
            return new Lapor(this);
        }
    }
}
