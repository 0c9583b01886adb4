package id.lapor.lab.replay;

import id.lapor.core.LaporException;
import id.lapor.core.calendar.Deadline;
import id.lapor.core.calendar.Pause;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.CalendarRef;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.sla.EscalationRule;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.Trigger;
import id.lapor.lab.history.BadLineException;
import id.lapor.lab.history.HistoryEvent;
import id.lapor.lab.history.HistoryLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays one complaint of a history through a policy: the policy routes it, and its recorded event times are
 * measured against the deadlines the policy gives, stage by stage, in each stage owner's calendar.
 *
 * <ul>
 *   <li>Verification starts at the submission (and again at a RETURNED), owned by the verifying institution of
 *       the report's region ({@link Policy#verifierFor}); it ends at VERIFIED or ARCHIVED.</li>
 *   <li>Follow-up starts at VERIFIED (and again at a REPLIED that reopens), owned by the unit the policy routes
 *       to; when no rule routes it, by the unit the history records at VERIFIED, else the verifier. Its target is
 *       {@code SlaPolicy.targetDays(FOLLOW_UP, weight)}. It ends at FOLLOWED_UP or RETURNED.</li>
 *   <li>The reply window starts at FOLLOWED_UP and ends at REPLIED or COMPLETED; when it runs out before the
 *       as-of instant with nothing recorded, the policy completes the complaint automatically at its end.</li>
 *   <li>HELD stops the running clock until RESUMED (or a reply): the deadline moves by the working days of the
 *       pause ({@link WorkingCalendar#pause}, {@link WorkingCalendar#extend(Deadline, Pause)}), unless the
 *       stage was already late when the hold began. A complaint still on hold at the as-of instant is not due.</li>
 *   <li>A stage ended before its deadline is MET, else MISSED; an open one is OPEN_OVERDUE once its deadline is
 *       at or before the as-of instant, else OPEN.</li>
 *   <li>Escalations: the ladder's level 1 is due at the stage's deadline (or at its warning, extended by the
 *       stage's pauses), level n + 1 the rule's working days after level n; each is implied when due at or before
 *       the stage's end (or the as-of instant, or the start of a hold it is still in). They are reported, not
 *       applied: the recorded events stay the truth.</li>
 * </ul>
 * Events after the as-of instant are not replayed. An event the lifecycle does not allow at that point (a
 * follow-up before verification, anything after completion) makes the line bad, as does a date no calendar of
 * the policy covers.
 */
public final class Replayer {
    private final PolicyBook book;
    private final Policy single;
    private final Instant asOf;

    /** Every complaint replayed through {@code policy}, whatever its effective dates: a what-if. */
    public Replayer(Policy policy, Instant asOf) {
        this.single = Objects.requireNonNull(policy, "policy");
        this.book = null;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Each complaint routed by the version in force at its submission, and each stage timed by the version in force
     * when the stage starts (a new version applies to new events from its effective date), falling back to the
     * routing version when the stage's unit is not in the newer one.
     */
    public Replayer(PolicyBook book, Instant asOf) {
        this.book = Objects.requireNonNull(book, "book");
        this.single = null;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    public Instant asOf() {
        return asOf;
    }

    /** @throws BadLineException when the events break the lifecycle or fall outside the policy's calendars */
    public ComplaintResult replay(HistoryLine h) {
        Policy policy = single != null ? single : book.inForceAt(h.submittedAt()).orElseThrow(() ->
                new BadLineException("no version of policy " + book.id() + " is in force at " + h.submittedAt()));
        try {
            return new Run(policy, h).run();
        } catch (LaporException e) {
            throw new BadLineException("cannot time it under " + policy.label() + ": " + e.getMessage());
        }
    }

    private enum State { SUBMITTED, DISPATCHED, FOLLOWED_UP, COMPLETED, ARCHIVED }

    /** A stage instance while it runs. */
    private static final class Open {
        final Policy policy;
        final Stage stage;
        final UnitId unit;
        final CalendarRef ref;
        final WorkingCalendar calendar;
        final Instant start;
        final int days;
        int paused;
        Deadline deadline;

        Open(Policy policy, Stage stage, UnitId unit, CalendarRef ref, WorkingCalendar calendar, Instant start,
             int days) {
            this.policy = policy;
            this.stage = stage;
            this.unit = unit;
            this.ref = ref;
            this.calendar = calendar;
            this.start = start;
            this.days = days;
            this.deadline = calendar.deadline(start, days);
        }
    }

    private final class Run {
        private final Policy policy;
        private final HistoryLine h;
        private final RoutingDecision decision;
        private final UnitId verifier;
        private final List<StageResult> stages = new ArrayList<>();
        private final List<EscalationResult> escalations = new ArrayList<>();
        private State state = State.SUBMITTED;
        private boolean returned;
        private UnitId followUpUnit;
        private Open open;
        private Instant holdStart;
        private Instant closedAt;
        private boolean automatic;

        Run(Policy policy, HistoryLine h) {
            this.policy = policy;
            this.h = h;
            this.decision = policy.route(h.routingInput());
            this.verifier = policy.verifierFor(h.region());
        }

        ComplaintResult run() {
            open = start(Stage.VERIFICATION, verifier, h.submittedAt());
            for (int i = 0; i < h.events().size(); i++) {
                HistoryEvent e = h.events().get(i);
                if (e.at().isAfter(asOf)) {
                    break;
                }
                apply(e, "events[" + i + "] " + e.type());
            }
            if (state == State.COMPLETED || state == State.ARCHIVED) {
                // closed by an event
            } else if (holdStart != null) {
                Instant heldSince = holdStart;
                resume(asOf);
                boolean lateBeforeHold = !open.deadline.due().isAfter(heldSince);
                finish(open, null, lateBeforeHold ? StageOutcome.OPEN_OVERDUE : StageOutcome.OPEN, heldSince);
            } else if (open.stage == Stage.REPLY_WINDOW && !open.deadline.due().isAfter(asOf)) {
                closedAt = open.deadline.due();
                automatic = true;
                finish(open, closedAt, StageOutcome.CLOSED_AUTOMATICALLY, closedAt);
                state = State.COMPLETED;
            } else {
                boolean overdue = !open.deadline.due().isAfter(asOf);
                finish(open, null, overdue ? StageOutcome.OPEN_OVERDUE : StageOutcome.OPEN, asOf);
            }
            UnitId owner = decision.responsibleUnit().orElse(verifier);
            Status status = switch (state) {
                case COMPLETED -> Status.COMPLETED;
                case ARCHIVED -> Status.ARCHIVED;
                default -> Status.IN_PROGRESS;
            };
            return new ComplaintResult(h.line(), h.id(), policy.label(), decision, owner,
                    policy.directory().get(owner).zone(), !decision.isRouted(), h.submittedAt(), status,
                    Optional.ofNullable(closedAt), automatic, stages, escalations);
        }

        private void apply(HistoryEvent e, String what) {
            Instant at = e.at();
            if (state == State.COMPLETED || state == State.ARCHIVED) {
                throw new BadLineException(what + " after the complaint was " + state.name().toLowerCase());
            }
            switch (e.type()) {
                case VERIFIED -> {
                    need(state == State.SUBMITTED && holdStart == null, what, "needs a submitted complaint not on hold");
                    close(at);
                    // The policy's unit, unless no rule routes it or it came back: then where the history sent it.
                    followUpUnit = decision.isRouted() && !returned
                            ? decision.responsibleUnit().get()
                            : e.unit().filter(u -> policy.directory().contains(u)).orElse(verifier);
                    open = start(Stage.FOLLOW_UP, followUpUnit, at);
                    state = State.DISPATCHED;
                }
                case HELD -> {
                    need((state == State.SUBMITTED || state == State.DISPATCHED) && holdStart == null, what,
                            "needs a submitted or dispatched complaint not already on hold");
                    holdStart = at;
                }
                case RESUMED -> {
                    need(holdStart != null, what, "needs a complaint on hold");
                    resume(at);
                }
                case REPLIED -> {
                    if (holdStart != null) {
                        resume(at);
                    } else if (state == State.FOLLOWED_UP) {
                        close(at);
                        open = start(Stage.FOLLOW_UP, followUpUnit, at);
                        state = State.DISPATCHED;
                    }
                }
                case RETURNED -> {
                    need(state == State.DISPATCHED && holdStart == null, what, "needs a dispatched complaint not on hold");
                    close(at);
                    returned = true;
                    open = start(Stage.VERIFICATION, verifier, at);
                    state = State.SUBMITTED;
                }
                case FOLLOWED_UP -> {
                    need(state == State.DISPATCHED && holdStart == null, what, "needs a dispatched complaint not on hold");
                    close(at);
                    open = start(Stage.REPLY_WINDOW, followUpUnit, at);
                    state = State.FOLLOWED_UP;
                }
                case COMPLETED -> {
                    need(state == State.FOLLOWED_UP, what, "needs a followed-up complaint");
                    close(at);
                    closedAt = at;
                    state = State.COMPLETED;
                }
                case ARCHIVED -> {
                    need(state == State.SUBMITTED, what, "needs a complaint not yet dispatched");
                    if (holdStart != null) {
                        resume(at);
                    }
                    close(at);
                    closedAt = at;
                    state = State.ARCHIVED;
                }
            }
        }

        private void need(boolean ok, String what, String rule) {
            if (!ok) {
                throw new BadLineException(what + " " + rule + " (it is " + state.name().toLowerCase()
                        + (holdStart != null ? ", on hold" : "") + ")");
            }
        }

        private Open start(Stage stage, UnitId unit, Instant at) {
            Policy timing = book == null ? policy : book.inForceAt(at)
                    .filter(p -> p.directory().contains(unit)).orElse(policy);
            CalendarRef ref = timing.calendarRefOf(unit);
            int days = timing.sla().targetDays(stage, h.weight());
            return new Open(timing, stage, unit, ref, timing.calendarOf(unit), at, days);
        }

        private void resume(Instant at) {
            Pause pause = open.calendar.pause(holdStart, at);
            if (holdStart.isBefore(open.deadline.due())) {
                open.deadline = open.calendar.extend(open.deadline, pause);
                open.paused += pause.workingDays();
            }
            holdStart = null;
        }

        private void close(Instant at) {
            finish(open, at, at.isBefore(open.deadline.due()) ? StageOutcome.MET : StageOutcome.MISSED, at);
        }

        /** Records the stage and the escalations due up to {@code limit}. */
        private void finish(Open s, Instant end, StageOutcome outcome, Instant limit) {
            stages.add(new StageResult(s.stage, s.policy.label(), s.unit, s.ref, s.start, s.days, s.paused,
                    s.deadline, Optional.ofNullable(end), outcome));
            List<EscalationRule> ladder = s.policy.escalation().of(s.stage);
            if (ladder.isEmpty() || outcome == StageOutcome.CLOSED_AUTOMATICALLY) {
                return;
            }
            Deadline due = null;
            for (EscalationRule rule : ladder) {
                if (due == null) {
                    if (rule.on() == Trigger.BREACH) {
                        due = s.deadline;
                    } else {
                        Optional<Deadline> warning = s.calendar.warning(s.start, s.days,
                                s.policy.sla().warningShare());
                        if (warning.isEmpty()) {
                            return;
                        }
                        due = s.paused == 0 ? warning.get() : s.calendar.extend(warning.get(), s.paused);
                    }
                } else {
                    due = s.calendar.extend(due, rule.workingDaysAfterPrevious());
                }
                if (due.due().isAfter(limit)) {
                    return;
                }
                escalations.add(new EscalationResult(s.stage, s.unit, rule.name(), rule.level(), due.due(), rule.actions()));
            }
        }
    }
}
