package id.lapor.metrics.micrometer;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintListener;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.DueWork;
import id.lapor.core.port.Outbox;
import id.lapor.core.relay.DeliveryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * lapor's meters, for any Micrometer registry. Wire it as a listener of lapor and of the outbox relay,
 * and bind it to the registry:
 *
 * <pre>{@code
 * LaporMetrics metrics = LaporMetrics.builder().clock(clock).store(store).outbox(store).dueWork(store).build();
 * metrics.bindTo(registry);
 * Lapor lapor = Lapor.builder()...listener(metrics).build();
 * OutboxRelay relay = OutboxRelay.builder()...listener(metrics).build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code lapor.complaints.received}</td><td>counter</td><td>channel</td><td>complaints created</td></tr>
 *   <tr><td>{@code lapor.commands}</td><td>counter</td><td>kind, role</td><td>accepted commands, the system's included</td></tr>
 *   <tr><td>{@code lapor.sla.warnings}</td><td>counter</td><td>unit, stage</td><td>SLA warnings fired</td></tr>
 *   <tr><td>{@code lapor.sla.breaches}</td><td>counter</td><td>unit, stage</td><td>deadlines missed</td></tr>
 *   <tr><td>{@code lapor.due.lag}</td><td>gauge, seconds</td><td></td><td>now minus the oldest timer still due (0 when none)</td></tr>
 *   <tr><td>{@code lapor.outbox.backlog}</td><td>gauge</td><td></td><td>messages waiting, due or not (up to the scan limit)</td></tr>
 *   <tr><td>{@code lapor.outbox.parked}</td><td>gauge</td><td></td><td>messages parked after failing (up to the scan limit)</td></tr>
 *   <tr><td>{@code lapor.outbox.attempts}</td><td>counter</td><td>outcome (delivered, failed, parked), topic</td><td>delivery attempts</td></tr>
 *   <tr><td>{@code lapor.outbox.delivery.age}</td><td>timer</td><td>topic</td><td>from the event to its delivery</td></tr>
 * </table>
 *
 * The unit of an SLA event is the unit responsible when it fired, else the institution the reporter chose,
 * else {@code unrouted}. Gauges read the store when scraped.
 */
public final class LaporMetrics implements ComplaintListener, DeliveryListener, MeterBinder {
    public static final String RECEIVED = "lapor.complaints.received";
    public static final String COMMANDS = "lapor.commands";
    public static final String SLA_WARNINGS = "lapor.sla.warnings";
    public static final String SLA_BREACHES = "lapor.sla.breaches";
    public static final String DUE_LAG = "lapor.due.lag";
    public static final String OUTBOX_BACKLOG = "lapor.outbox.backlog";
    public static final String OUTBOX_PARKED = "lapor.outbox.parked";
    public static final String OUTBOX_ATTEMPTS = "lapor.outbox.attempts";
    public static final String OUTBOX_AGE = "lapor.outbox.delivery.age";
    private static final String UNROUTED = "unrouted";

    private final Clock clock;
    private final ComplaintStore store;
    private final Optional<Outbox> outbox;
    private final Optional<DueWork> dueWork;
    private volatile MeterRegistry registry;

    private LaporMetrics(Builder b) {
        this.clock = b.clock;
        this.store = b.store;
        this.outbox = Optional.ofNullable(b.outbox);
        this.dueWork = Optional.ofNullable(b.dueWork);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers the gauges; counters appear in {@code registry} as events happen. */
    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        dueWork.ifPresent(d -> Gauge.builder(DUE_LAG, this, LaporMetrics::dueLagSeconds).baseUnit("seconds")
                .description("now minus the oldest SLA timer still due").register(registry));
        outbox.ifPresent(o -> {
            Gauge.builder(OUTBOX_BACKLOG, this, LaporMetrics::backlog).description("outbox messages waiting for delivery")
                    .register(registry);
            Gauge.builder(OUTBOX_PARKED, this, LaporMetrics::parked).description("outbox messages parked after failing")
                    .register(registry);
        });
    }

    @Override
    public void stored(List<RecordedEvent> events) {
        // Without the complaint before them: the unit of an SLA event is read from the store, as it is now.
        count(events, i -> unitOf(events.get(i).complaint()));
    }

    @Override
    public void stored(Complaint before, List<RecordedEvent> events) {
        // The unit of an SLA event is the complaint's when it fired, folded from the complaint before them.
        List<String> units = new ArrayList<>(events.size());
        Complaint c = before;
        for (RecordedEvent e : events) {
            c = c == null ? Complaint.start(e) : c.apply(e);
            units.add(unitOf(c));
        }
        count(events, units::get);
    }

    /** Counts what {@code events} tell; {@code unitAt} names the unit at the event of that index. */
    private void count(List<RecordedEvent> events, IntFunction<String> unitAt) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            Event event = e.event();
            if (event instanceof Event.Submitted s) {
                Counter.builder(RECEIVED).tag("channel", lower(s.channel().name())).description("complaints received").register(r)
                        .increment();
            }
            commandOf(event).ifPresent(kind -> Counter.builder(COMMANDS).tag("kind", lower(kind.name()))
                    .tag("role", lower(e.actor().role().name())).description("accepted commands").register(r).increment());
            if (event instanceof Event.SlaWarned w) {
                Counter.builder(SLA_WARNINGS).tag("unit", unitAt.apply(i)).tag("stage", lower(w.stage().name()))
                        .description("SLA warnings").register(r).increment();
            } else if (event instanceof Event.SlaBreached b) {
                Counter.builder(SLA_BREACHES).tag("unit", unitAt.apply(i)).tag("stage", lower(b.stage().name()))
                        .description("SLA deadlines missed").register(r).increment();
            }
        }
    }

    @Override
    public void delivered(OutboxMessage message, int attempt, Duration age) {
        attempt(message, "delivered");
        MeterRegistry r = registry;
        if (r != null) {
            Timer.builder(OUTBOX_AGE).tag("topic", message.topic()).description("from the event to its delivery").register(r)
                    .record(age.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void failed(OutboxMessage message, int attempt, String error, Instant retryAt) {
        attempt(message, "failed");
    }

    @Override
    public void parked(OutboxMessage message, int attempt, String error) {
        attempt(message, "parked");
    }

    private void attempt(OutboxMessage message, String outcome) {
        MeterRegistry r = registry;
        if (r != null) {
            Counter.builder(OUTBOX_ATTEMPTS).tag("outcome", outcome).tag("topic", message.topic()).description("delivery attempts")
                    .register(r).increment();
        }
    }

    /** The command an event records; empty for the clock's own events (start, pause, warning, breach...). */
    static Optional<CommandKind> commandOf(Event e) {
        CommandKind kind = null;
        if (e instanceof Event.Submitted) {
            kind = CommandKind.SUBMIT;
        } else if (e instanceof Event.Verified) {
            kind = CommandKind.VERIFY;
        } else if (e instanceof Event.PutOnHold) {
            kind = CommandKind.HOLD;
        } else if (e instanceof Event.Resumed) {
            kind = CommandKind.RESUME;
        } else if (e instanceof Event.ReturnedForRouting) {
            kind = CommandKind.NOT_OUR_AUTHORITY;
        } else if (e instanceof Event.Archived) {
            kind = CommandKind.ARCHIVE;
        } else if (e instanceof Event.Forwarded) {
            kind = CommandKind.FORWARD;
        } else if (e instanceof Event.Reassigned) {
            kind = CommandKind.REASSIGN;
        } else if (e instanceof Event.FollowUpPosted) {
            kind = CommandKind.POST_FOLLOW_UP;
        } else if (e instanceof Event.FollowUpApproved) {
            kind = CommandKind.APPROVE_FOLLOW_UP;
        } else if (e instanceof Event.FollowUpReturned) {
            kind = CommandKind.RETURN_FOLLOW_UP;
        } else if (e instanceof Event.ReporterReplied) {
            kind = CommandKind.REPLY;
        } else if (e instanceof Event.Rated) {
            kind = CommandKind.RATE;
        } else if (e instanceof Event.Completed) {
            kind = CommandKind.COMPLETE;
        } else if (e instanceof Event.Escalated) {
            kind = CommandKind.ESCALATE;
        }
        return Optional.ofNullable(kind);
    }

    private String unitOf(TrackingNumber n) {
        return store.find(n).map(this::unitOf).orElse(UNROUTED);
    }

    private String unitOf(Complaint c) {
        return c.responsibleUnit().or(c::targetInstitution).map(UnitId::value).orElse(UNROUTED);
    }

    private double dueLagSeconds() {
        Instant now = clock.instant();
        List<TrackingNumber> due = dueWork.orElseThrow().due(now, 1);
        if (due.isEmpty()) {
            return 0;
        }
        return store.find(due.get(0)).flatMap(Complaint::nextDueAt)
                .map(at -> Math.max(0, Duration.between(at, now).toMillis() / 1000.0)).orElse(0.0);
    }

    private double backlog() {
        // Due or not: a message waiting for its retry is backlog too.
        return outbox.orElseThrow().waitingCount();
    }

    private double parked() {
        return outbox.orElseThrow().parkedCount();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private Clock clock;
        private ComplaintStore store;
        private Outbox outbox;
        private DueWork dueWork;

        private Builder() {
        }

        /** Required: "now" for the lag and the backlog. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Required: where the unit of an SLA event is looked up. */
        public Builder store(ComplaintStore store) {
            this.store = store;
            return this;
        }

        /** Enables the outbox gauges. */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /** Enables the due-work lag gauge. */
        public Builder dueWork(DueWork dueWork) {
            this.dueWork = Objects.requireNonNull(dueWork, "dueWork");
            return this;
        }

        public LaporMetrics build() {
            if (clock == null || store == null) {
                throw new IllegalStateException("LaporMetrics needs " + (clock == null ? "clock" + (store == null ? ", store" : "") : "store")
                        + " (see LaporMetrics.Builder)");
            }
            return new LaporMetrics(this);
        }
    }
}
