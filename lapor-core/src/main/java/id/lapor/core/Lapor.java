package id.lapor.core;

import id.lapor.core.access.Actor;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.CalendarChanged;
import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
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
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.notification.NotificationPolicy;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintListener;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import id.lapor.core.port.DuplicateSubmissionException;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.port.DueWork;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.core.routing.RoutingRule;
import id.lapor.core.port.TrackingNumberSource;
import id.lapor.core.sla.EscalationLadder;
import id.lapor.core.sla.SlaPolicy;
import id.lapor.core.sla.StageClock;
import id.lapor.core.sla.Timer;
import id.lapor.core.timing.SlaClocks;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.Views;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** How many recent complaints a Lapor keeps unless its builder says otherwise. */
    public static final int DEFAULT_RECENT_COMPLAINTS = 1_000;
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
    private final SlaClocks clocks;
    private final PolicyBook policies;
    private final RecentComplaints recent;

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
        this.clocks = new SlaClocks(b.sla, b.escalations, b.calendars, b.directory, b.policies);
        this.policies = b.policies;
        this.recent = new RecentComplaints(b.recentComplaints);
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
        RecordedEvent first = withEffects(null,
                new RecordedEvent(number, 1, clock.instant(), ActorRef.of(submitter), State.SUBMITTED, submitted));
        Change change = new Change(Complaint.start(first), first);
        try {
            store.append(0, change.after, change.events, change.outbox);
        } catch (DuplicateSubmissionException e) {
            // Two deliveries of one message raced past the look-up above; the first one won.
            return new Submission.AlreadySubmitted(e.existing());
        }
        recent.put(change.after);
        log.debug("complaint {} submitted through {}", number, report.channel());
        tell(change.before, change.events);
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
        Complaint recentCopy = recent.get(trackingNumber);
        if (recentCopy != null) {
            Outcome outcome = decideAndStore(actor, trackingNumber, command, expectedVersion, Optional.of(recentCopy));
            if (outcome instanceof Outcome.Accepted) {
                return outcome;
            }
            // Refused, conflicting or out of sight on a copy that may be stale: decided again on the store's.
            recent.forget(trackingNumber);
        }
        return decideAndStore(actor, trackingNumber, command, expectedVersion, read(trackingNumber));
    }

    private Outcome decideAndStore(Actor actor, TrackingNumber trackingNumber, Command command, long expectedVersion,
                                   Optional<Complaint> found) {
        if (found.isEmpty() || !views.scope().canSee(actor, found.get()) && found.get().confidential()) {
            return new Outcome.NotFound(trackingNumber);
        }
        Complaint before = found.get();
        if (expectedVersion >= 0 && expectedVersion != before.version()) {
            return new Outcome.Conflict(trackingNumber, expectedVersion);
        }
        // Only to the reporter: the earlier reply is what the answer holds.
        if (command instanceof Command.Reply reply && reply.channelMessageId() != null && views.scope().covers(actor, before)) {
            Optional<Event> taken = replyTaken(trackingNumber, reply);
            if (taken.isPresent()) {
                log.info("reply {} {} to complaint {} was taken before; not again", reply.channel(), reply.channelMessageId(),
                        trackingNumber);
                return new Outcome.Accepted(trackingNumber, before.version(), before.state(), taken.get());
            }
        }
        Lifecycle.Decision decision = lifecycle.decide(before, actor, command);
        if (decision instanceof Lifecycle.Decision.Refuse r) {
            return new Outcome.Refused(r.refusal());
        }
        if (!views.scope().covers(actor, before)) {
            return new Outcome.Refused(Refusal.of(Refusal.Reason.OUT_OF_SCOPE,
                    before.state(), command.type(), actor.role(), actor.role() == Role.REPORTER
                            ? "only the reporter, with the secret given at submission, may do this"
                            : "the complaint is outside the unit " + actor.unit().map(Object::toString).orElse("(none)")));
        }
        Lifecycle.Decision.Accept accept = (Lifecycle.Decision.Accept) decision;
        Change change = new Change(before).then(actor, accept.next(), accept.event(), clock.instant());
        Optional<Outcome> conflict = store(change);
        if (conflict.isPresent()) {
            return conflict.get();
        }
        log.debug("complaint {} {} by {}: now {} v{}", trackingNumber, command.type(), actor.role(), change.after.state(),
                change.after.version());
        return new Outcome.Accepted(trackingNumber, change.after.version(), change.after.state(), accept.event());
    }

    /**
     * The reply already stored from the same channel message, looked up in the history, which the store
     * keeps current: asked again on every decision, so that of two deliveries racing, the one whose append
     * fails finds the other's reply when it decides again.
     */
    private Optional<Event> replyTaken(TrackingNumber trackingNumber, Command.Reply reply) {
        List<RecordedEvent> history = store.history(trackingNumber);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).event() instanceof Event.ReporterReplied r && r.cameIn(reply.channel(), reply.channelMessageId())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Fires every timer of the complaint that is due now, one event each, in due order: warnings,
     * breaches, escalation levels, the automatic completion. Each event records when the timer was due;
     * its time is when it was processed. All of them are stored in one append at the version they were
     * decided on, so a timer fires once: what another sweeper fired first, this call does not fire again.
     * When that append meets another writer twice (on the recent copy, then on a fresh read), this call
     * fires nothing, and the timers wait for the next sweep that claims the complaint.
     *
     * @return how many timers this call fired
     */
    public int runDue(TrackingNumber trackingNumber) {
        return runDue(trackingNumber, recent.get(trackingNumber));
    }

    /**
     * {@link #runDue(TrackingNumber)} for each complaint, as a sweep does with a batch of due work: all of
     * them read from the store at once ({@link ComplaintStore#findAll}), where a read each would cost a
     * round trip each. A copy that another writer changed since is found out by its append and read again,
     * as a recent copy is. A complaint whose due work fails is logged and stays due; the others go on.
     *
     * @return how many timers this call fired
     */
    public int runDue(Collection<TrackingNumber> trackingNumbers) {
        Map<TrackingNumber, Complaint> read = new HashMap<>();
        for (Complaint c : store.findAll(trackingNumbers)) {
            read.put(c.trackingNumber(), c);
        }
        int fired = 0;
        for (TrackingNumber n : trackingNumbers) {
            try {
                Complaint copy = read.get(n);
                fired += runDue(n, copy != null ? copy : recent.get(n));
            } catch (RuntimeException e) {
                // One broken complaint must not stop the others' escalations.
                log.error("due work of complaint {} failed; it stays due", n, e);
            }
        }
        return fired;
    }

    /** Fires what is due on {@code copy} (null: none), else on a fresh read: the copy may be stale. */
    private int runDue(TrackingNumber trackingNumber, Complaint copy) {
        if (copy != null) {
            int fired = fireDue(Optional.of(copy));
            if (fired > 0) {
                return fired;
            }
            // Nothing due on a copy that may be stale, or another writer came first: asked again of the store.
            recent.forget(trackingNumber);
        }
        return fireDue(read(trackingNumber));
    }

    private int fireDue(Optional<Complaint> found) {
        if (found.isEmpty()) {
            return 0;
        }
        Actor system = Actor.system("sla");
        Instant now = clock.instant();
        Change change = new Change(found.get());
        int fired = 0;
        while (true) {
            Complaint before = change.after;
            Optional<StageClock> running = before.clock();
            Optional<Timer> due = running.flatMap(k -> k.dueAt(now));
            if (due.isEmpty()) {
                break;
            }
            Timer timer = due.get();
            Event event;
            State next = before.state();
            if (timer.kind() == Timer.Kind.WARNING || timer.kind() == Timer.Kind.BREACH) {
                event = clocks.timerEvent(running.get(), timer);
            } else {
                Command command = timer.kind() == Timer.Kind.AUTO_COMPLETE
                        ? new Command.Complete("reply window closed")
                        : new Command.Escalate(timer.level(), "stage " + running.get().stage() + " late: "
                                + timer.rule() + " level " + timer.level(), timer.rule(), timer.actions());
                Lifecycle.Decision decision = lifecycle.decide(before, system, command);
                if (decision instanceof Lifecycle.Decision.Refuse r) {
                    // Cannot happen while the table lets the system escalate and complete in every timed state.
                    throw new LaporException("timer " + timer.id() + " of " + before.trackingNumber() + " was refused: "
                            + r.refusal().message());
                }
                Lifecycle.Decision.Accept accept = (Lifecycle.Decision.Accept) decision;
                next = accept.next();
                event = withTimer(accept.event(), timer);
            }
            change.then(system, next, event, now);
            fired++;
        }
        return fired > 0 && store(change).isEmpty() ? fired : 0;
    }

    /**
     * Recomputes the complaint's deadline on its calendar's current version, recording why it moved.
     *
     * @return true when the deadline or a timer moved
     */
    public boolean recomputeDeadline(TrackingNumber trackingNumber, String reason) {
        Optional<Complaint> found = read(trackingNumber);
        Optional<Event.DeadlineMoved> moved = found.flatMap(c -> clocks.recompute(c, reason));
        if (moved.isEmpty()) {
            return false;
        }
        Complaint before = found.get();
        return store(new Change(before).then(Actor.system("sla"), before.state(), moved.get(), clock.instant())).isEmpty();
    }

    /**
     * Recomputes every open deadline computed with an older version of the changed calendar; wire it as a
     * {@link id.lapor.core.calendar.CalendarListener} of the {@link CalendarBook}:
     * {@code calendars.addListener(e -> lapor.calendarChanged(e, dueWork))}.
     *
     * @return how many complaints' deadlines moved
     */
    public int calendarChanged(CalendarChanged change, DueWork dueWork) {
        String reason = "calendar " + change.id() + " v" + change.newVersion() + ": " + change.reason();
        int moved = 0;
        TrackingNumber after = null;
        while (true) {
            List<TrackingNumber> page = dueWork.clocksOnCalendar(change.id().value(), change.newVersion(), after, 500);
            for (TrackingNumber n : page) {
                if (recomputeDeadline(n, reason)) {
                    moved++;
                }
            }
            if (page.size() < 500) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        return moved;
    }

    /** The complaint with its history as {@code actor} may read it; empty when they may not see it or it does not exist. */
    public Optional<ComplaintView> view(Actor actor, TrackingNumber trackingNumber) {
        // Not kept as a recent copy: a listing views many complaints, and would push out the ones being worked on.
        return store.find(trackingNumber).flatMap(c -> views.of(actor, c, store.history(trackingNumber)));
    }

    /** The complaint as the store has it now, kept as the recent copy for the commands that may follow. */
    private Optional<Complaint> read(TrackingNumber trackingNumber) {
        Optional<Complaint> found = store.find(trackingNumber);
        found.ifPresent(recent::put);
        return found;
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

    private static Event withTimer(Event event, Timer timer) {
        if (event instanceof Event.Escalated e) {
            return new Event.Escalated(e.level(), e.reason(), e.rule(), e.actions(), e.reassignedTo(), e.priority(), timer.id(),
                    timer.due().due());
        }
        Event.Completed c = (Event.Completed) event;
        return new Event.Completed(c.by(), c.note(), timer.id(), timer.due().due());
    }

    private static Event.Routed route(Policy policy, Complaint c) {
        RoutingDecision decision = policy.route(RoutingInput.of(c));
        return new Event.Routed(policy.id() + "@" + policy.version(), decision.responsibleUnit().orElse(null),
                decision.matchedRule().map(RoutingRule::name).orElse(null), decision.explanation().text());
    }

    /** Appends the change; on a concurrent writer, the conflict outcome. */
    private Optional<Outcome> store(Change change) {
        try {
            store.append(change.expectedVersion, change.after, change.events, change.outbox);
        } catch (ConcurrentUpdateException e) {
            recent.forget(change.after.trackingNumber());
            return Optional.of(new Outcome.Conflict(change.after.trackingNumber(), change.expectedVersion));
        }
        recent.put(change.after);
        tell(change.before, change.events);
        return Optional.empty();
    }

    /** The events one call appends (a command's, or the timers fired by a sweep), the complaint after them and the outbox messages owed. */
    private final class Change {
        final long expectedVersion;
        /** The complaint before the change; null when the change creates it. */
        final Complaint before;
        Complaint after;
        final List<RecordedEvent> events = new ArrayList<>(2);
        final List<OutboxMessage> outbox = new ArrayList<>(4);

        Change(Complaint before) {
            this.expectedVersion = before.version();
            this.before = before;
            this.after = before;
        }

        Change(Complaint created, RecordedEvent first) {
            this.expectedVersion = 0;
            this.before = null;
            this.after = created;
            events.add(first);
            outbox.addAll(notifications.messagesFor(created, created, first));
        }

        /** Adds {@code event} by {@code actor}, with its effects. */
        Change then(Actor actor, State next, Event event, Instant at) {
            Complaint before = after;
            RecordedEvent recorded = withEffects(before,
                    new RecordedEvent(before.trackingNumber(), before.version() + 1, at, ActorRef.of(actor), next, event));
            after = before.apply(recorded);
            events.add(recorded);
            outbox.addAll(notifications.messagesFor(before, after, recorded));
            return this;
        }
    }

    /**
     * {@code recorded} with what follows from it by lapor's rules at its instant: the routing decision after
     * a submission or a return, then the SLA clock's start, pause or resume. {@code before} is null for a
     * submission.
     */
    private RecordedEvent withEffects(Complaint before, RecordedEvent recorded) {
        Event event = recorded.event();
        Instant at = recorded.at();
        List<Event> effects = new ArrayList<>(2);
        if (policies != null && (event instanceof Event.Submitted || event instanceof Event.ReturnedForRouting)) {
            Complaint unrouted = fold(before, recorded);
            policies.inForceAt(at).ifPresent(policy -> effects.add(route(policy, unrouted)));
        }
        Complaint applied = fold(before, recorded.withEffects(effects));
        clocks.after(before, applied, event, at, recorded.version()).ifPresent(effects::add);
        return effects.isEmpty() ? recorded : recorded.withEffects(effects);
    }

    private static Complaint fold(Complaint before, RecordedEvent recorded) {
        return before == null ? Complaint.start(recorded) : before.apply(recorded);
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
        findNulCharacters(command, null, out);
        return out;
    }

    /**
     * NUL characters and unpaired surrogates are refused in every text: PostgreSQL cannot store the one,
     * the databases' encodings turn the other into '?', and no person types either. Walks the command's
     * record components, nested records and collections; a path is spelt out only for a text refused.
     */
    private static void findNulCharacters(Object value, TextPath path, List<Violation> out) {
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0) {
                out.add(new Violation(TextPath.of(path), "must not contain NUL characters"));
            } else if (hasUnpairedSurrogate(text)) {
                out.add(new Violation(TextPath.of(path),
                        "must not contain unpaired surrogates (half of a character outside the Basic Multilingual Plane)"));
            }
        } else if (value instanceof java.util.Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                findNulCharacters(item, new TextPath(path, null, i++), out);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (java.lang.reflect.Method accessor : ACCESSORS.get(value.getClass())) {
                try {
                    findNulCharacters(accessor.invoke(value), new TextPath(path, accessor.getName(), -1), out);
                } catch (ReflectiveOperationException e) {
                    throw new LaporException("cannot read " + accessor.getName() + " of " + value.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** Each record type's component accessors, looked up once: reflection builds them anew at every call. */
    private static final ClassValue<List<java.lang.reflect.Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<java.lang.reflect.Method> computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getAccessor)
                    .toList();
        }
    };

    /** Where a text lies in a command, e.g. {@code reporter.name} or {@code tags[2]}; null for the command itself. */
    private record TextPath(TextPath parent, String name, int index) {
        static String of(TextPath path) {
            return path == null ? "command" : path.toString();
        }

        @Override
        public String toString() {
            String head = parent == null ? "" : parent.toString();
            return name != null ? (head.isEmpty() ? name : head + "." + name) : head + "[" + index + "]";
        }
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<Violation> sorted(List<Violation> violations) {
        List<Violation> copy = new ArrayList<>(violations);
        copy.sort(null);
        return copy;
    }

    private String newPin() {
        String digits = Integer.toString(random.nextInt(100_000_000));
        return "0".repeat(8 - digits.length()) + digits;
    }

    private void tell(Complaint before, List<RecordedEvent> events) {
        for (ComplaintListener l : listeners) {
            try {
                l.stored(before, events);
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
        private SlaPolicy sla = SlaPolicy.standard();
        private EscalationLadder escalations = EscalationLadder.standard();
        private CalendarBook calendars;
        private PolicyBook policies;
        private int recentComplaints = DEFAULT_RECENT_COMPLAINTS;

        private Builder() {
        }

        /**
         * How many complaints this Lapor keeps the latest copy of, as it wrote or read them, so that a
         * command on one is decided without a read of the store (the append's version check proves the
         * copy current; a refusal or conflict on it is decided again on a fresh read);
         * {@value #DEFAULT_RECENT_COMPLAINTS} unless set, 0 for none. A copy takes a few kilobytes.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder recentComplaints(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("recentComplaints must not be negative, got " + capacity);
            }
            this.recentComplaints = capacity;
            return this;
        }

        /** SLA targets per stage; {@link SlaPolicy#standard()} (SP4N-LAPOR's) by default. */
        public Builder sla(SlaPolicy sla) {
            this.sla = Objects.requireNonNull(sla, "sla");
            return this;
        }

        /** The escalation ladder; {@link EscalationLadder#standard()} by default. */
        public Builder escalations(EscalationLadder escalations) {
            this.escalations = Objects.requireNonNull(escalations, "escalations");
            return this;
        }

        /**
         * The working-day calendars deadlines are computed on. By default a book with the shipped national
         * calendars in WIB, WITA and WIT ({@code id-national-wib}, {@code -wita}, {@code -wit}).
         */
        public Builder calendars(CalendarBook calendars) {
            this.calendars = Objects.requireNonNull(calendars, "calendars");
            return this;
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

        /**
         * The policy versions: the one in force routes each new or returned complaint (recording the
         * decision, its explanation and the policy version in the history) and times its SLA stages. Without
         * one, verifiers choose every unit and the SLA policy and ladder given here apply.
         */
        public Builder policies(PolicyBook policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
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
            if (calendars == null) {
                calendars = nationalCalendars();
            }
            return new Lapor(this);
        }

        /** A book with the shipped national calendars in the three zones. */
        public static CalendarBook nationalCalendars() {
            CalendarBook book = new CalendarBook();
            for (IndonesianTimeZone zone : IndonesianTimeZone.values()) {
                book.publish(IndonesianCalendars.national(zone).build(), "shipped national calendar");
            }
            return book;
        }
    }
}
