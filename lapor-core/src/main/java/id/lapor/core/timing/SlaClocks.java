package id.lapor.core.timing;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.CalendarId;
import id.lapor.core.calendar.Deadline;
import id.lapor.core.calendar.Pause;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.directory.UnitLevel;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.State;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.sla.EscalationLadder;
import id.lapor.core.sla.EscalationRule;
import id.lapor.core.sla.SlaPolicy;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import id.lapor.core.sla.Timer;
import id.lapor.core.sla.Trigger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each complaint's SLA clock: which stage instance starts after an event, when it pauses and
 * resumes, its deadline and timers on the responsible unit's working-day calendar, and how it moves
 * when a calendar changes. Pure: it only computes the clock events; the facade stores them.
 *
 * <p>Calendars: a unit uses the calendar it or its nearest ancestor names, else the national calendar
 * of its zone ({@code id-national-wib}, {@code -wita}, {@code -wit}). Before dispatch the clock runs in
 * the verifying institution's calendar: the institution the reporter chose, else the government whose
 * region holds the complaint's location, else the root of the directory.
 */
public final class SlaClocks {
    private static final Map<String, String> ZONE_SUFFIX = Map.of(
            "Asia/Jakarta", "wib", "Asia/Pontianak", "wib", "Asia/Makassar", "wita", "Asia/Jayapura", "wit");
    private static final Set<UnitLevel> VERIFYING_LEVELS =
            Set.of(UnitLevel.NATIONAL, UnitLevel.MINISTRY, UnitLevel.PROVINCE, UnitLevel.CITY_OR_REGENCY);

    private final SlaPolicy defaultSla;
    private final EscalationLadder defaultLadder;
    private final CalendarBook calendars;
    private final Directory directory;
    private final PolicyBook policies;

    /**
     * @param policies the policy versions; when one is in force at a stage's start, its SLA targets and
     *     ladder time the stage and its version is recorded; null to always use the defaults given
     */
    public SlaClocks(SlaPolicy sla, EscalationLadder ladder, CalendarBook calendars, Directory directory, PolicyBook policies) {
        this.defaultSla = sla;
        this.defaultLadder = ladder;
        this.calendars = calendars;
        this.directory = directory;
        this.policies = policies;
    }

    private Optional<Policy> policyAt(Instant at) {
        return policies == null ? Optional.empty() : policies.inForceAt(at);
    }

    /**
     * The clock event that follows {@code event}, which took the complaint from {@code before} (null for a
     * submission) to {@code after} at {@code at}; {@code nextVersion} is the version the clock event will have.
     */
    public Optional<Event> after(Complaint before, Complaint after, Event event, Instant at, long nextVersion) {
        if (after.state().isTerminal()) {
            return Optional.empty();
        }
        if (event instanceof Event.Submitted || event instanceof Event.ReturnedForRouting) {
            return Optional.of(start(Stage.VERIFICATION, after, at, nextVersion));
        }
        if (event instanceof Event.Verified || event instanceof Event.Forwarded || event instanceof Event.Reassigned) {
            return Optional.of(start(Stage.FOLLOW_UP, after, at, nextVersion));
        }
        if (event instanceof Event.FollowUpPosted p && !p.awaitingApproval() || event instanceof Event.FollowUpApproved) {
            return Optional.of(start(Stage.REPLY_WINDOW, after, at, nextVersion));
        }
        if (event instanceof Event.PutOnHold) {
            return after.clock().filter(k -> k.pausedAt().isEmpty()).map(k -> new Event.ClockPaused(k.stage()));
        }
        boolean resumes = event instanceof Event.Resumed
                || event instanceof Event.ReporterReplied r && r.reopened() && before.state() == State.ON_HOLD;
        if (resumes) {
            return after.clock().filter(k -> k.pausedAt().isPresent()).map(k -> resume(k, at));
        }
        if (event instanceof Event.ReporterReplied r && r.reopened() && before.state() == State.FOLLOWED_UP) {
            return Optional.of(start(Stage.FOLLOW_UP, after, at, nextVersion));
        }
        return Optional.empty();
    }

    /** The calendar the complaint's clock runs on now. */
    public WorkingCalendar calendarFor(Complaint c) {
        return calendars.require(calendarIdFor(c));
    }

    /** The calendar id for the complaint: the responsible unit's, or before dispatch the verifying institution's. */
    public CalendarId calendarIdFor(Complaint c) {
        UnitId unit = c.responsibleUnit().or(c::targetInstitution).orElseGet(() -> verifyingUnit(c));
        return calendarIdOf(unit);
    }

    /** The calendar a unit uses. */
    public CalendarId calendarIdOf(UnitId unit) {
        Optional<String> named = directory.calendarOf(unit);
        if (named.isPresent()) {
            return CalendarId.of(named.get());
        }
        ZoneId zone = directory.find(unit).map(Unit::zone).orElse(Unit.WIB);
        String suffix = ZONE_SUFFIX.get(zone.getId());
        if (suffix == null) {
            throw new IllegalStateException("unit " + unit + " is in zone " + zone
                    + ", which has no national calendar; name a calendar for the unit");
        }
        return CalendarId.of("id-national-" + suffix);
    }

    /**
     * The clock recomputed on the calendar's current version, or empty when neither the deadline nor a timer
     * moves (then nothing needs recording). Fired timers stay fired; the pauses already counted still count.
     */
    public Optional<Event.DeadlineMoved> recompute(Complaint c, String reason) {
        if (c.clock().isEmpty()) {
            return Optional.empty();
        }
        StageClock k = c.clock().get();
        WorkingCalendar cal = calendars.require(CalendarId.of(k.calendar()));
        Deadline base = cal.deadline(k.startedAt(), k.targetDays());
        Deadline deadline = k.pausedWorkingDays() > 0 ? cal.extend(base, k.pausedWorkingDays()) : base;
        List<Timer> timers = new ArrayList<>();
        Optional<Policy> policy = policyAt(k.startedAt());
        for (Timer t : timers(k.stage(), k.instance(), cal, k.startedAt(), k.targetDays(),
                policy.map(Policy::sla).orElse(defaultSla), policy.map(Policy::escalation).orElse(defaultLadder))) {
            timers.add(k.pausedWorkingDays() > 0 ? t.movedTo(cal.extend(t.due(), k.pausedWorkingDays())) : t);
        }
        if (deadline.equals(k.deadline()) && timers.equals(k.timers())) {
            return Optional.empty();
        }
        return Optional.of(new Event.DeadlineMoved(k.stage(), reason, cal.version(), k.deadline(), deadline, timers));
    }

    /** The SLA event for a due warning or breach timer (escalations and completion go through the lifecycle). */
    public Event timerEvent(StageClock clock, Timer t) {
        switch (t.kind()) {
            case WARNING:
                return new Event.SlaWarned(clock.stage(), t.id(), t.due().due());
            case BREACH:
                return new Event.SlaBreached(clock.stage(), t.id(), t.due().due());
            default:
                throw new IllegalArgumentException(t.kind() + " timers go through the lifecycle");
        }
    }

    private Event.ClockStarted start(Stage stage, Complaint c, Instant at, long version) {
        CalendarId id = calendarIdFor(c);
        WorkingCalendar cal = calendars.require(id);
        Optional<Policy> policy = policyAt(at);
        SlaPolicy sla = policy.map(Policy::sla).orElse(defaultSla);
        EscalationLadder ladder = policy.map(Policy::escalation).orElse(defaultLadder);
        int target = sla.targetDays(stage, c.weight());
        int instance = Math.toIntExact(version);
        Deadline deadline = cal.deadline(at, target);
        return new Event.ClockStarted(new StageClock(stage, instance, id.value(), cal.version(), at, target, deadline,
                timers(stage, instance, cal, at, target, sla, ladder), Set.of(), Optional.empty(), 0,
                policy.map(p -> p.id() + "@" + p.version())));
    }

    private List<Timer> timers(Stage stage, int instance, WorkingCalendar cal, Instant start, int target, SlaPolicy sla,
                               EscalationLadder ladder) {
        String key = StageClock.key(stage, instance);
        Deadline deadline = cal.deadline(start, target);
        Optional<Deadline> warning = stage == Stage.REPLY_WINDOW ? Optional.empty()
                : cal.warning(start, target, sla.warningShare());
        List<Timer> timers = new ArrayList<>();
        if (stage == Stage.REPLY_WINDOW) {
            timers.add(new Timer(key + "/auto-complete", Timer.Kind.AUTO_COMPLETE, deadline, null, 0, Set.of()));
        } else {
            warning.ifPresent(w -> timers.add(new Timer(key + "/warning", Timer.Kind.WARNING, w, null, 0, Set.of())));
            timers.add(new Timer(key + "/breach", Timer.Kind.BREACH, deadline, null, 0, Set.of()));
        }
        Deadline previous = null;
        for (EscalationRule rule : ladder.of(stage)) {
            Deadline due = rule.level() == 1
                    ? (rule.on() == Trigger.WARNING ? warning.orElse(deadline) : deadline)
                    : cal.extend(previous, rule.workingDaysAfterPrevious());
            timers.add(new Timer(key + "/" + rule.name() + "/" + rule.level(), Timer.Kind.ESCALATION, due, rule.name(),
                    rule.level(), rule.actions()));
            previous = due;
        }
        timers.sort(StageClock.ORDER);
        return timers;
    }

    private Event.ClockResumed resume(StageClock k, Instant at) {
        WorkingCalendar cal = calendars.require(CalendarId.of(k.calendar()));
        Pause pause = cal.pause(k.pausedAt().orElseThrow(), at);
        List<Timer> timers = new ArrayList<>();
        for (Timer t : k.timers()) {
            timers.add(k.fired().contains(t.id()) || pause.workingDays() == 0 ? t : t.movedTo(cal.extend(t.due(), pause)));
        }
        Deadline deadline = pause.workingDays() == 0 ? k.deadline() : cal.extend(k.deadline(), pause);
        return new Event.ClockResumed(k.stage(), pause.workingDays(), deadline, timers);
    }

    private UnitId verifyingUnit(Complaint c) {
        return directory.all().stream()
                .filter(u -> VERIFYING_LEVELS.contains(u.level()))
                .filter(u -> u.region().map(r -> c.location().region().isWithin(r)).orElse(false))
                .max(Comparator.comparingInt(u -> u.region().orElseThrow().depth()))
                .or(() -> directory.all().stream().filter(u -> u.parent().isEmpty()).findFirst())
                .map(Unit::id)
                .orElseThrow(() -> new IllegalStateException("the directory is empty"));
    }
}
