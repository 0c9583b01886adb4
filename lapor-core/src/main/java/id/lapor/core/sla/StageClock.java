package id.lapor.core.sla;

import id.lapor.core.calendar.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The clock of one stage instance of a complaint: which stage, the instance (the complaint version whose
 * event started it, so every instance of a complaint has its own number), the
 * calendar (id and version) it is computed with, its target, its deadline, its timers and which of
 * them fired, whether it is paused (on hold) since an instant, and the policy ({@code id@version}) whose
 * targets it was timed under, when lapor runs with a policy book. Immutable.
 */
public record StageClock(
        Stage stage,
        int instance,
        String calendar,
        int calendarVersion,
        Instant startedAt,
        int targetDays,
        Deadline deadline,
        List<Timer> timers,
        Set<String> fired,
        Optional<Instant> pausedAt,
        int pausedWorkingDays,
        Optional<String> policy) {

    /** Timers fire by due instant; at the same instant a warning before a breach before escalation levels in order. */
    public static final Comparator<Timer> ORDER = Comparator.comparing((Timer t) -> t.due().due())
            .thenComparing(Timer::kind).thenComparingInt(Timer::level).thenComparing(Timer::id);

    public StageClock {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(pausedAt, "pausedAt");
        Objects.requireNonNull(policy, "policy");
        List<Timer> sorted = new ArrayList<>(timers);
        sorted.sort(ORDER);
        timers = List.copyOf(sorted);
        fired = Set.copyOf(fired);
    }

    /** The prefix of every timer id of this instance, e.g. {@code follow_up@7}: the stage and the version that started it. */
    public String key() {
        return key(stage, instance);
    }

    public static String key(Stage stage, int instance) {
        return stage.name().toLowerCase(java.util.Locale.ROOT) + "@" + instance;
    }

    /** The earliest timer that has not fired, unless the clock is paused. */
    public Optional<Timer> nextTimer() {
        if (pausedAt.isPresent()) {
            return Optional.empty();
        }
        return timers.stream().filter(t -> !fired.contains(t.id())).findFirst();
    }

    /** The earliest unfired timer that is due at {@code now}, unless paused. */
    public Optional<Timer> dueAt(Instant now) {
        return nextTimer().filter(t -> !t.due().due().isAfter(now));
    }

    /** True when some computation of this clock used a provisional calendar year. */
    public boolean provisional() {
        return deadline.provisional() || timers.stream().anyMatch(t -> t.due().provisional());
    }

    public StageClock firing(String timerId) {
        java.util.HashSet<String> more = new java.util.HashSet<>(fired);
        more.add(timerId);
        return new StageClock(stage, instance, calendar, calendarVersion, startedAt, targetDays, deadline, timers, more,
                pausedAt, pausedWorkingDays, policy);
    }

    public StageClock pausedSince(Instant at) {
        return new StageClock(stage, instance, calendar, calendarVersion, startedAt, targetDays, deadline, timers, fired,
                Optional.of(at), pausedWorkingDays, policy);
    }

    /** Resumed: every timer that has not fired, and the deadline, moved to the given values. */
    public StageClock resumed(int workingDays, Deadline newDeadline, List<Timer> newTimers) {
        return new StageClock(stage, instance, calendar, calendarVersion, startedAt, targetDays, newDeadline, newTimers, fired,
                Optional.empty(), pausedWorkingDays + workingDays, policy);
    }

    /** Recomputed with another calendar version. */
    public StageClock recomputed(int newCalendarVersion, Deadline newDeadline, List<Timer> newTimers) {
        return new StageClock(stage, instance, calendar, newCalendarVersion, startedAt, targetDays, newDeadline, newTimers,
                fired, pausedAt, pausedWorkingDays, policy);
    }
}
