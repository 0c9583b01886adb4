package id.lapor.http;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The numbers a region publishes: reports received per month and what became of them, and each unit's
 * on-time rate. Computed on demand by reading every complaint submitted in the period, page by page
 * through {@link ComplaintSearch}, and the history of each: sized for a city (a few thousand reports a
 * year, answered in seconds), not for the national archive, which needs counters kept as events are
 * stored.
 *
 * <ul>
 *   <li><b>In the zone</b>: a complaint whose responsible unit is the zone's unit or below it; one not yet
 *       routed counts when its target institution is, or its location lies in the region the zone's unit serves.
 *   <li><b>Per month</b> of submission, in the zone unit's time zone: received; of those, completed, archived
 *       and still in progress today (the way the city reports 1,096 received, 1,067 completed, 29 in progress).
 *   <li><b>On time, per unit</b>: of the verification and follow-up stage instances that are due (their deadline
 *       passed, or they ended), those that ended without an {@code SlaBreached} event and before their deadline.
 *       A stage instance counts for the unit responsible when its clock started (before dispatch: the target
 *       institution, else the zone's unit). A stage still running before its deadline, or paused, is not due yet.
 * </ul>
 */
public final class Statistics {
    private static final int PAGE = 500;

    private final ComplaintSearch search;
    private final Function<TrackingNumber, List<RecordedEvent>> histories;
    private final Directory directory;
    private final Clock clock;

    /**
     * @param histories a complaint's events, oldest first: {@code store::history}
     */
    public Statistics(ComplaintSearch search, Function<TrackingNumber, List<RecordedEvent>> histories, Directory directory,
                      Clock clock) {
        this.search = Objects.requireNonNull(search, "search");
        this.histories = Objects.requireNonNull(histories, "histories");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts for one month of submissions. */
    public record Month(YearMonth month, long received, long completed, long archived, long inProgress) {
    }

    /** A unit's stage instances that were due and those met by their deadline. */
    public record OnTime(UnitId unit, long stagesDue, long stagesMet) {
        /** met / due, or empty when nothing was due. */
        public OptionalDouble rate() {
            return stagesDue == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) stagesMet / stagesDue);
        }
    }

    /** The statistics of {@code zone} for the months {@code from} to {@code to}, both included. */
    public record Report(UnitId zone, ZoneId timeZone, YearMonth from, YearMonth to, List<Month> months, List<OnTime> onTime) {
        public Report {
            months = List.copyOf(months);
            onTime = List.copyOf(onTime);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code zone} is not in the directory or {@code to} is before {@code from}
     */
    public Report compute(UnitId zone, YearMonth from, YearMonth to) {
        Unit unit = directory.find(zone).orElseThrow(() -> new IllegalArgumentException("unit " + zone + " is not in the directory"));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        ZoneId tz = unit.zone();
        Set<UnitId> subtree = directory.subtree(zone);
        Instant start = from.atDay(1).atStartOfDay(tz).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(tz).toInstant();
        Instant now = clock.instant();
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, new long[4]);
        }
        Map<UnitId, long[]> onTime = new TreeMap<>();
        ComplaintFilter filter = ComplaintFilter.all().submitted(start, end).order(ComplaintFilter.Order.OLDEST);
        for (int offset = 0; ; offset += PAGE) {
            List<Complaint> page = search.search(filter, offset, PAGE);
            for (Complaint c : page) {
                if (!inZone(c, unit, subtree)) {
                    continue;
                }
                long[] counts = months.get(YearMonth.from(c.submittedAt().atZone(tz)));
                if (counts != null) {
                    counts[0]++;
                    counts[c.state() == State.COMPLETED ? 1 : c.state() == State.ARCHIVED ? 2 : 3]++;
                }
                stages(histories.apply(c.trackingNumber()), zone, subtree, now, onTime);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        List<Month> monthList = new ArrayList<>();
        months.forEach((m, n) -> monthList.add(new Month(m, n[0], n[1], n[2], n[3])));
        List<OnTime> onTimeList = new ArrayList<>();
        onTime.forEach((u, n) -> onTimeList.add(new OnTime(u, n[0], n[1])));
        return new Report(zone, tz, from, to, monthList, onTimeList);
    }

    private boolean inZone(Complaint c, Unit zone, Set<UnitId> subtree) {
        if (c.responsibleUnit().isPresent()) {
            return subtree.contains(c.responsibleUnit().get());
        }
        if (c.targetInstitution().isPresent()) {
            return subtree.contains(c.targetInstitution().get());
        }
        return zone.parent().isEmpty() || zone.region().map(r -> c.location().region().isWithin(r)).orElse(false);
    }

    /** One stage instance as the history shows it. */
    private static final class Instance {
        final UnitId unit;
        Instant due;
        boolean breached;
        boolean paused;
        Instant endedAt;

        Instance(UnitId unit, Instant due) {
            this.unit = unit;
            this.due = due;
        }
    }

    private void stages(List<RecordedEvent> history, UnitId zone, Set<UnitId> subtree, Instant now, Map<UnitId, long[]> onTime) {
        if (history.isEmpty()) {
            return;
        }
        Map<String, Instance> instances = new LinkedHashMap<>();
        Complaint c = null;
        for (RecordedEvent e : history) {
            Complaint before = c;
            c = before == null ? Complaint.start(e) : before.apply(e);
            Optional<String> running = before == null ? Optional.empty() : before.clock().map(StageClock::key);
            for (Event event : e.events()) {
                if (event instanceof Event.ClockStarted s && s.clock().stage() != Stage.REPLY_WINDOW) {
                    UnitId unit = c.responsibleUnit().or(c::targetInstitution).orElse(zone);
                    instances.put(s.clock().key(), new Instance(unit, s.clock().deadline().due()));
                } else if (event instanceof Event.SlaBreached) {
                    running.map(instances::get).ifPresent(i -> i.breached = true);
                } else if (event instanceof Event.ClockPaused) {
                    running.map(instances::get).ifPresent(i -> i.paused = true);
                } else if (event instanceof Event.ClockResumed r) {
                    running.map(instances::get).ifPresent(i -> {
                        i.paused = false;
                        i.due = r.deadline().due();
                    });
                } else if (event instanceof Event.DeadlineMoved m) {
                    running.map(instances::get).ifPresent(i -> i.due = m.deadline().due());
                }
            }
            Optional<String> after = c.clock().map(StageClock::key);
            if (running.isPresent() && !running.equals(after)) {
                Instance ended = instances.get(running.get());
                if (ended != null && ended.endedAt == null) {
                    ended.endedAt = e.at();
                }
            }
        }
        for (Instance i : instances.values()) {
            if (!subtree.contains(i.unit)) {
                continue;
            }
            boolean due;
            boolean met;
            if (i.breached) {
                due = true;
                met = false;
            } else if (i.endedAt != null) {
                due = true;
                met = i.endedAt.isBefore(i.due);
            } else if (!i.paused && !now.isBefore(i.due)) {
                due = true;
                met = false;
            } else {
                due = false;
                met = false;
            }
            if (due) {
                long[] n = onTime.computeIfAbsent(i.unit, u -> new long[2]);
                n[0]++;
                if (met) {
                    n[1]++;
                }
            }
        }
    }
}
