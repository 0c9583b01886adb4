package id.lapor.core.policy;

import id.lapor.core.LaporException;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.directory.UnitLevel;
import id.lapor.core.routing.Router;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.core.routing.RoutingRule;
import id.lapor.core.sla.EscalationLadder;
import id.lapor.core.sla.SlaPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated policy: who handles what (directory, categories, routing rules), on which calendars, within which
 * time limits and with which escalations, in force from one date to another. Only {@link PolicyValidator} makes
 * one, so every policy in hand has passed every check. Immutable and thread-safe.
 *
 * <h2>When it is in force</h2>
 * From 00:00 of {@link #effectiveFrom()} to 24:00 of {@link #effectiveUntil()} (open-ended when empty), both read
 * in {@link #switchZone()}: one zone for the whole policy, so that every node switches at the same instant
 * whatever its own zone.
 */
public final class Policy {
    private final String id;
    private final int version;
    private final String name;
    private final LocalDate effectiveFrom;
    private final Optional<LocalDate> effectiveUntil;
    private final ZoneId switchZone;
    private final Directory directory;
    private final CategoryCatalogue categories;
    private final CalendarRef defaultCalendar;
    private final Map<UnitId, CalendarRef> unitCalendars;
    private final Map<CalendarRef, WorkingCalendar> calendars;
    private final SlaPolicy sla;
    private final EscalationLadder escalation;
    private final UnitId verifiers;
    private final List<RoutingRule> rules;
    private final SmsKeywords sms;
    private final Router router;
    private final Map<String, UnitId> regionalVerifiers;

    Policy(String id, int version, String name, LocalDate effectiveFrom, Optional<LocalDate> effectiveUntil,
           ZoneId switchZone, Directory directory, CategoryCatalogue categories, CalendarRef defaultCalendar,
           Map<UnitId, CalendarRef> unitCalendars, Map<CalendarRef, WorkingCalendar> calendars, SlaPolicy sla,
           EscalationLadder escalation, UnitId verifiers, List<RoutingRule> rules, SmsKeywords sms) {
        this.id = id;
        this.version = version;
        this.name = name;
        this.effectiveFrom = effectiveFrom;
        this.effectiveUntil = effectiveUntil;
        this.switchZone = switchZone;
        this.directory = directory;
        this.categories = categories;
        this.defaultCalendar = defaultCalendar;
        this.unitCalendars = Map.copyOf(unitCalendars);
        this.calendars = Map.copyOf(calendars);
        this.sla = sla;
        this.escalation = escalation;
        this.verifiers = verifiers;
        this.rules = List.copyOf(rules);
        this.sms = sms;
        this.router = Router.indexed(this.rules, categories);
        Map<String, UnitId> regional = new HashMap<>();
        for (Unit u : directory.all()) {
            if (u.level() == UnitLevel.PROVINCE || u.level() == UnitLevel.CITY_OR_REGENCY) {
                u.region().ifPresent(r -> regional.putIfAbsent(r.value(), u.id()));
            }
        }
        this.regionalVerifiers = Map.copyOf(regional);
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    /** A title for people; the id when the document gave none. */
    public String name() {
        return name;
    }

    /** {@code sp4n-lapor-palangkaraya v3}. */
    public String label() {
        return id + " v" + version;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** The last day in force, inclusive; empty when open-ended. */
    public Optional<LocalDate> effectiveUntil() {
        return effectiveUntil;
    }

    /** The zone the effective dates are read in. */
    public ZoneId switchZone() {
        return switchZone;
    }

    /** The first instant in force. */
    public Instant effectiveStart() {
        return effectiveFrom.atStartOfDay(switchZone).toInstant();
    }

    /** The first instant no longer in force; empty when open-ended. */
    public Optional<Instant> effectiveEnd() {
        return effectiveUntil.map(d -> d.plusDays(1).atStartOfDay(switchZone).toInstant());
    }

    public boolean isInForceAt(Instant instant) {
        return !instant.isBefore(effectiveStart()) && effectiveEnd().map(instant::isBefore).orElse(true);
    }

    public Directory directory() {
        return directory;
    }

    public CategoryCatalogue categories() {
        return categories;
    }

    public SlaPolicy sla() {
        return sla;
    }

    public EscalationLadder escalation() {
        return escalation;
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** The indexed router over {@link #rules()}. */
    public Router router() {
        return router;
    }

    /** {@code router().route(input)}. */
    public RoutingDecision route(RoutingInput input) {
        return router.route(input);
    }

    public SmsKeywords sms() {
        return sms;
    }

    /** The institution whose verifiers take the reports no rule routes, by default. */
    public UnitId verifiers() {
        return verifiers;
    }

    /**
     * The institution that verifies a report from {@code region}: the regional government (a province, city or
     * regency) serving the deepest region that contains it (the first in the document when two serve the same
     * region), else {@link #verifiers()}. The verification stage is timed in its calendar, and a report no rule
     * routes waits in its verifiers' queue.
     */
    public UnitId verifierFor(RegionCode region) {
        String r = region.value();
        while (true) {
            UnitId u = regionalVerifiers.get(r);
            if (u != null) {
                return u;
            }
            int dot = r.lastIndexOf('.');
            if (dot < 0) {
                return verifiers;
            }
            r = r.substring(0, dot);
        }
    }

    public CalendarRef defaultCalendar() {
        return defaultCalendar;
    }

    /** The calendars units name themselves (their descendants inherit them). */
    public Map<UnitId, CalendarRef> unitCalendars() {
        return unitCalendars;
    }

    /** The calendar of {@code unit}: its own, else its nearest ancestor's, else the default. */
    public CalendarRef calendarRefOf(UnitId unit) {
        Optional<UnitId> current = Optional.of(unit);
        int steps = 0;
        while (current.isPresent() && steps++ <= unitCalendars.size() + directory.all().size()) {
            CalendarRef ref = unitCalendars.get(current.get());
            if (ref != null) {
                return ref;
            }
            current = directory.supervisorOf(current.get());
        }
        return defaultCalendar;
    }

    /**
     * The working calendar {@code unit} is timed in, as published in the book the policy was validated against.
     *
     * @throws LaporException when {@code unit} is not in the directory
     */
    public WorkingCalendar calendarOf(UnitId unit) {
        if (!directory.contains(unit)) {
            throw new LaporException("unit " + unit + " is not in policy " + label());
        }
        return calendars.get(calendarRefOf(unit));
    }

    /** Every calendar the policy names, resolved. */
    public Map<CalendarRef, WorkingCalendar> calendars() {
        return calendars;
    }

    @Override
    public String toString() {
        return "Policy[" + label() + ", from " + effectiveFrom + effectiveUntil.map(d -> " until " + d).orElse("")
                + ", " + directory.all().size() + " units, " + rules.size() + " rules]";
    }
}
