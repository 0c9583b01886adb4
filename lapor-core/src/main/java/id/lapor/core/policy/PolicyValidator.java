package id.lapor.core.policy;

import id.lapor.core.LaporException;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.CalendarId;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.directory.UnitLevel;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.policy.PolicyDocument.CategoryEntry;
import id.lapor.core.policy.PolicyDocument.EscalationEntry;
import id.lapor.core.policy.PolicyDocument.RuleEntry;
import id.lapor.core.policy.PolicyDocument.UnitCalendarEntry;
import id.lapor.core.policy.PolicyDocument.UnitEntry;
import id.lapor.core.routing.IndonesianText;
import id.lapor.core.routing.RoutingRule;
import id.lapor.core.sla.EscalationLadder;
import id.lapor.core.sla.EscalationRule;
import id.lapor.core.sla.SlaPolicy;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.Trigger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a {@link PolicyDocument} into a {@link Policy}, or refuses it whole with every problem found, each by
 * path and (when the source has lines) line. Besides the form of every value it refuses: a unit, calendar
 * or category named but not defined; a cycle in the unit or category hierarchy; a calendar that is not
 * published in the book or does not cover the policy's effective dates (or, for a strict calendar, has no
 * decree for them); a unit timed in a calendar of another zone; duplicates; and a routing rule shadowed by an
 * earlier one that covers every report it covers (same or broader category and region, same or more kinds,
 * channels and institutions, and no keyword condition), since it could never match.
 *
 * <p>Absent {@code sla} values take {@link SlaPolicy#standard()}'s; an absent {@code escalation} list is
 * {@link EscalationLadder#standard()}, an empty one is {@link EscalationLadder#none()}; an absent effective zone
 * is WIB. Thread-safe.
 */
public final class PolicyValidator {
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    private final CalendarBook calendars;

    /** @param calendars where the calendars a policy names are looked up, by id and version */
    public PolicyValidator(CalendarBook calendars) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /** The policy, or {@link InvalidPolicyException} listing every problem. */
    public Policy validate(String source, PolicyDocument document, PolicyLines lines) {
        return check(document, lines).orThrow(source);
    }

    public PolicyCheck check(PolicyDocument document, PolicyLines lines) {
        Objects.requireNonNull(document, "document");
        return new Run(lines == null ? PolicyLines.none() : lines).check(document);
    }

    /** One validation: collects problems as it goes. */
    private final class Run {
        private final PolicyLines lines;
        private final List<PolicyProblem> problems = new ArrayList<>();

        Run(PolicyLines lines) {
            this.lines = lines;
        }

        private void problem(String path, ProblemKind kind, String message) {
            problems.add(new PolicyProblem(path, lines.lineOf(path), kind, message));
        }

        PolicyCheck check(PolicyDocument d) {
            String id = d.id();
            if (id == null) {
                problem("id", ProblemKind.MISSING_VALUE, "a policy needs an id, e.g. sp4n-lapor-palangkaraya");
            } else if (!POLICY_ID.matcher(id).matches()) {
                problem("id", ProblemKind.INVALID_VALUE, "policy id '" + id
                        + "' must be 1-64 lower-case letters, digits, dots or dashes");
            }
            if (d.version() == null) {
                problem("version", ProblemKind.MISSING_VALUE, "a policy needs a version number (1, 2, ...)");
            } else if (d.version() < 1) {
                problem("version", ProblemKind.INVALID_VALUE, "versions start at 1, got " + d.version());
            }

            LocalDate from = null;
            LocalDate until = null;
            ZoneId switchZone = IndonesianTimeZone.WIB.zoneId();
            if (d.effective() == null) {
                problem("effective", ProblemKind.MISSING_VALUE, "a policy needs the date it is effective from"
                        + " (effective.from)");
            } else {
                from = date("effective.from", d.effective().from(), true);
                until = date("effective.until", d.effective().until(), false);
                if (from != null && until != null && until.isBefore(from)) {
                    problem("effective.until", ProblemKind.INVALID_VALUE, "effective until " + until
                            + " is before effective from " + from);
                    until = null;
                }
                if (d.effective().zone() != null) {
                    switchZone = zone("effective.zone", d.effective().zone());
                }
            }

            Map<String, UnitEntry> units = units(d.units());
            Map<String, CategoryEntry> categories = categories(d.categories());
            Map<String, String> categoryParents = new HashMap<>();
            categories.forEach((k, v) -> categoryParents.put(k, v.parent()));

            Calendars cal = calendars(d, units, from, until);
            checkZones(d.units(), units, cal);
            SlaPolicy sla = sla(d.sla());
            EscalationLadder ladder = escalation(d.escalation());

            UnitId verifiers = null;
            List<RoutingRule> rules = List.of();
            if (d.routing() == null) {
                problem("routing", ProblemKind.MISSING_VALUE, "a policy needs routing.verifiers (and usually"
                        + " routing.rules)");
            } else {
                verifiers = unitRef("routing.verifiers", d.routing().verifiers(), units, true);
                rules = rules(d.routing().rules(), units, categories, categoryParents);
            }
            SmsKeywords sms = sms(d.sms(), units);

            if (!problems.isEmpty()) {
                return new PolicyCheck.Invalid(problems);
            }
            try {
                Directory directory = Directory.of(buildUnits(d.units(), cal.unitRefs));
                CategoryCatalogue catalogue = CategoryCatalogue.of(buildCategories(d.categories()));
                String name = d.name() == null || d.name().isBlank() ? id : d.name().strip();
                return new PolicyCheck.Valid(new Policy(id, d.version(), name, from, Optional.ofNullable(until),
                        switchZone, directory, catalogue, cal.defaultRef, cal.unitRefs, cal.resolved, sla, ladder,
                        verifiers, rules, sms));
            } catch (LaporException | IllegalArgumentException e) {
                // The checks above should have caught it; say so rather than hide it.
                problem("", ProblemKind.INVALID_VALUE, e.getMessage());
                return new PolicyCheck.Invalid(problems);
            }
        }

        // ------------------------------------------------------------ values

        private LocalDate date(String path, String text, boolean required) {
            if (text == null) {
                if (required) {
                    problem(path, ProblemKind.MISSING_VALUE, "a date is required (YYYY-MM-DD)");
                }
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeException e) {
                problem(path, ProblemKind.INVALID_VALUE, "'" + text + "' is not a date of the form YYYY-MM-DD");
                return null;
            }
        }

        private ZoneId zone(String path, String text) {
            String t = text.strip();
            for (IndonesianTimeZone z : IndonesianTimeZone.values()) {
                if (z.name().equalsIgnoreCase(t)) {
                    return z.zoneId();
                }
            }
            try {
                return ZoneId.of(t);
            } catch (DateTimeException e) {
                problem(path, ProblemKind.INVALID_VALUE, "'" + text
                        + "' is not a time zone: write WIB, WITA, WIT or a zone id such as Asia/Makassar");
                return null;
            }
        }

        private <E extends Enum<E>> E enumValue(String path, String text, Class<E> type, String what) {
            if (text == null) {
                problem(path, ProblemKind.MISSING_VALUE, what + " is required");
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text.strip())) {
                    return e;
                }
            }
            problem(path, ProblemKind.INVALID_VALUE, "unknown " + what + " '" + text + "' (one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
            return null;
        }

        private <T> T form(String path, String text, Function<String, T> parse) {
            try {
                return parse.apply(text);
            } catch (LaporException | IllegalArgumentException e) {
                problem(path, ProblemKind.INVALID_VALUE, e.getMessage());
                return null;
            }
        }

        /** A reference to a unit: of valid form and defined in {@code units}. */
        private UnitId unitRef(String path, String text, Map<String, UnitEntry> units, boolean required) {
            if (text == null) {
                if (required) {
                    problem(path, ProblemKind.MISSING_VALUE, "a unit id is required");
                }
                return null;
            }
            UnitId id = form(path, text, UnitId::of);
            if (id != null && !units.containsKey(text)) {
                problem(path, ProblemKind.UNKNOWN_UNIT, "unknown unit '" + text + "': it is not in units");
                return null;
            }
            return id;
        }

        // ------------------------------------------------------------ directory

        /** The valid, distinct unit entries by id; reports every problem of form, reference and cycle. */
        private Map<String, UnitEntry> units(List<UnitEntry> entries) {
            Map<String, UnitEntry> byId = new LinkedHashMap<>();
            Map<String, Integer> index = new HashMap<>();
            if (entries == null || entries.isEmpty()) {
                problem("units", ProblemKind.MISSING_VALUE, "a policy needs at least one unit");
                return byId;
            }
            for (int i = 0; i < entries.size(); i++) {
                String p = "units[" + i + "]";
                UnitEntry u = entries.get(i);
                if (u == null) {
                    problem(p, ProblemKind.MISSING_VALUE, "an empty unit entry");
                    continue;
                }
                if (u.id() == null) {
                    problem(p + ".id", ProblemKind.MISSING_VALUE, "a unit needs an id");
                } else if (form(p + ".id", u.id(), UnitId::of) != null) {
                    Integer first = index.putIfAbsent(u.id(), i);
                    if (first != null) {
                        problem(p + ".id", ProblemKind.DUPLICATE, "unit " + u.id() + " is already listed at units["
                                + first + "]");
                    } else {
                        byId.put(u.id(), u);
                    }
                }
                if (u.name() == null || u.name().isBlank()) {
                    problem(p + ".name", ProblemKind.MISSING_VALUE, "a unit needs a name");
                }
                enumValue(p + ".level", u.level(), UnitLevel.class, "level");
                if (u.zone() == null) {
                    problem(p + ".zone", ProblemKind.MISSING_VALUE, "a unit needs its time zone (WIB, WITA or WIT)");
                } else {
                    zone(p + ".zone", u.zone());
                }
                if (u.region() != null) {
                    form(p + ".region", u.region(), RegionCode::of);
                }
                if (u.parent() != null) {
                    form(p + ".parent", u.parent(), UnitId::of);
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                UnitEntry u = entries.get(i);
                if (u != null && u.parent() != null && !byId.containsKey(u.parent()) && isForm(u.parent(), UnitId::of)) {
                    problem("units[" + i + "].parent", ProblemKind.UNKNOWN_UNIT, "unit " + u.id()
                            + " names unknown parent '" + u.parent() + "'");
                }
            }
            Map<String, String> parents = new LinkedHashMap<>();
            byId.forEach((k, v) -> parents.put(k, v.parent()));
            for (List<String> cycle : cycles(parents)) {
                String first = cycle.get(0);
                problem("units[" + index.get(first) + "].parent", ProblemKind.UNIT_CYCLE, "units "
                        + String.join(" -> ", cycle) + " -> " + first + " form a cycle of parents");
            }
            return byId;
        }

        private Map<String, CategoryEntry> categories(List<CategoryEntry> entries) {
            Map<String, CategoryEntry> byId = new LinkedHashMap<>();
            Map<String, Integer> index = new HashMap<>();
            if (entries == null) {
                return byId;
            }
            for (int i = 0; i < entries.size(); i++) {
                String p = "categories[" + i + "]";
                CategoryEntry c = entries.get(i);
                if (c == null) {
                    problem(p, ProblemKind.MISSING_VALUE, "an empty category entry");
                    continue;
                }
                if (c.id() == null) {
                    problem(p + ".id", ProblemKind.MISSING_VALUE, "a category needs an id");
                } else if (form(p + ".id", c.id(), CategoryId::of) != null) {
                    Integer first = index.putIfAbsent(c.id(), i);
                    if (first != null) {
                        problem(p + ".id", ProblemKind.DUPLICATE, "category " + c.id()
                                + " is already listed at categories[" + first + "]");
                    } else {
                        byId.put(c.id(), c);
                    }
                }
                if (c.name() == null || c.name().isBlank()) {
                    problem(p + ".name", ProblemKind.MISSING_VALUE, "a category needs a name");
                }
                if (c.parent() != null) {
                    form(p + ".parent", c.parent(), CategoryId::of);
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                CategoryEntry c = entries.get(i);
                if (c != null && c.parent() != null && !byId.containsKey(c.parent())
                        && isForm(c.parent(), CategoryId::of)) {
                    problem("categories[" + i + "].parent", ProblemKind.UNKNOWN_CATEGORY, "category " + c.id()
                            + " names unknown parent '" + c.parent() + "'");
                }
            }
            Map<String, String> parents = new LinkedHashMap<>();
            byId.forEach((k, v) -> parents.put(k, v.parent()));
            for (List<String> cycle : cycles(parents)) {
                String first = cycle.get(0);
                problem("categories[" + index.get(first) + "].parent", ProblemKind.CATEGORY_CYCLE, "categories "
                        + String.join(" -> ", cycle) + " -> " + first + " form a cycle of parents");
            }
            return byId;
        }

        // ------------------------------------------------------------ calendars

        private Calendars calendars(PolicyDocument d, Map<String, UnitEntry> units, LocalDate from, LocalDate until) {
            Calendars out = new Calendars();
            if (d.calendars() == null || d.calendars().defaultCalendar() == null) {
                problem(d.calendars() == null ? "calendars" : "calendars.default", ProblemKind.MISSING_VALUE,
                        "a policy names the calendar its units use by default (calendars.default: id and version)");
            } else {
                out.defaultRef = calendar("calendars.default", d.calendars().defaultCalendar().id(),
                        d.calendars().defaultCalendar().version(), from, until, out.resolved);
            }
            List<UnitCalendarEntry> entries = d.calendars() == null || d.calendars().units() == null
                    ? List.of() : d.calendars().units();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                String p = "calendars.units[" + i + "]";
                UnitCalendarEntry e = entries.get(i);
                if (e == null) {
                    problem(p, ProblemKind.MISSING_VALUE, "an empty calendar entry");
                    continue;
                }
                UnitId unit = unitRef(p + ".unit", e.unit(), units, true);
                CalendarRef ref = calendar(p, e.id(), e.version(), from, until, out.resolved);
                if (unit != null) {
                    Integer first = seen.putIfAbsent(e.unit(), i);
                    if (first != null) {
                        problem(p + ".unit", ProblemKind.DUPLICATE, "unit " + e.unit()
                                + " already has a calendar at calendars.units[" + first + "]");
                    } else if (ref != null) {
                        out.unitRefs.put(unit, ref);
                    }
                }
            }
            return out;
        }

        private CalendarRef calendar(String path, String id, Integer version, LocalDate from, LocalDate until,
                                     Map<CalendarRef, WorkingCalendar> resolved) {
            if (id == null) {
                problem(path + ".id", ProblemKind.MISSING_VALUE, "a calendar id is required, e.g. id-national-wib");
            }
            if (version == null) {
                problem(path + ".version", ProblemKind.MISSING_VALUE, "a calendar version is required (1, 2, ...)");
            } else if (version < 1) {
                problem(path + ".version", ProblemKind.INVALID_VALUE, "calendar versions start at 1, got " + version);
            }
            CalendarId calendarId = id == null ? null : form(path + ".id", id, CalendarId::of);
            if (calendarId == null || version == null || version < 1) {
                return null;
            }
            CalendarRef ref = new CalendarRef(calendarId, version);
            Optional<WorkingCalendar> found = calendars.version(calendarId, version);
            if (found.isEmpty()) {
                List<WorkingCalendar> published = calendars.versions(calendarId);
                problem(path, ProblemKind.CALENDAR_MISSING, published.isEmpty()
                        ? "calendar " + calendarId + " is not published"
                        : "calendar " + calendarId + " has no version " + version + " (published: 1-"
                        + published.size() + ")");
                return null;
            }
            WorkingCalendar cal = found.get();
            if (from != null) {
                int last = (until == null ? from : until).getYear();
                for (int y = from.getYear(); y <= last; y++) {
                    if (y < cal.firstYear() || y > cal.lastYear()) {
                        problem(path, ProblemKind.CALENDAR_MISSING, "calendar " + ref + " covers " + cal.firstYear()
                                + "-" + cal.lastYear() + ", but the policy is in force in " + y);
                        break;
                    }
                    if (cal.isStrict() && cal.isProvisional(y)) {
                        problem(path, ProblemKind.CALENDAR_MISSING, "calendar " + ref
                                + " is strict and has no decree for " + y + ", when the policy is in force");
                        break;
                    }
                }
            }
            resolved.put(ref, cal);
            return ref;
        }

        private void checkZones(List<UnitEntry> entries, Map<String, UnitEntry> units, Calendars cal) {
            if (entries == null || cal.defaultRef == null) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                UnitEntry u = entries.get(i);
                if (u == null || u.id() == null || units.get(u.id()) != u || u.zone() == null) {
                    continue;
                }
                ZoneId zone = quietZone(u.zone());
                CalendarRef ref = calendarOf(u.id(), units, cal);
                WorkingCalendar c = ref == null ? null : cal.resolved.get(ref);
                if (zone != null && c != null && !c.zone().normalized().equals(zone.normalized())) {
                    problem("units[" + i + "].zone", ProblemKind.ZONE_MISMATCH, "unit " + u.id() + " is in " + zone
                            + " but its calendar " + ref + " is in " + c.zone());
                }
            }
        }

        private CalendarRef calendarOf(String unit, Map<String, UnitEntry> units, Calendars cal) {
            String current = unit;
            for (int steps = 0; current != null && steps <= units.size(); steps++) {
                CalendarRef ref = isForm(current, UnitId::of) ? cal.unitRefs.get(UnitId.of(current)) : null;
                if (ref != null) {
                    return ref;
                }
                UnitEntry e = units.get(current);
                current = e == null ? null : e.parent();
            }
            return cal.defaultRef;
        }

        // ------------------------------------------------------------ SLA

        private SlaPolicy sla(PolicyDocument.Sla s) {
            SlaPolicy standard = SlaPolicy.standard();
            if (s == null) {
                return standard;
            }
            int verification = days("sla.verificationDays", s.verificationDays(), standard.verificationDays());
            int followUp = days("sla.followUpDays", s.followUpDays(), standard.followUpDays());
            int reply = days("sla.replyWindowDays", s.replyWindowDays(), standard.replyWindowDays());
            Map<Weight, Integer> resolution = new EnumMap<>(standard.resolutionDays());
            if (s.resolutionDays() != null) {
                s.resolutionDays().forEach((k, v) -> {
                    String p = "sla.resolutionDays." + k;
                    Weight w = enumValue(p, k, Weight.class, "weight");
                    if (w != null) {
                        resolution.put(w, days(p, v, standard.resolutionDays().get(w)));
                    }
                });
            }
            double share = standard.warningShare();
            if (s.warningShare() != null) {
                if (!(s.warningShare() > 0 && s.warningShare() < 1)) {
                    problem("sla.warningShare", ProblemKind.INVALID_VALUE, "the warning share lies strictly between"
                            + " 0 and 1, got " + s.warningShare());
                } else {
                    share = s.warningShare();
                }
            }
            return new SlaPolicy(verification, followUp, reply, resolution, share);
        }

        private int days(String path, Integer value, int fallback) {
            if (value == null) {
                return fallback;
            }
            if (value < 1) {
                problem(path, ProblemKind.INVALID_VALUE, "at least 1 working day, got " + value);
                return fallback;
            }
            return value;
        }

        private EscalationLadder escalation(List<EscalationEntry> entries) {
            if (entries == null) {
                return EscalationLadder.standard();
            }
            List<EscalationRule> rules = new ArrayList<>();
            Map<String, Integer> names = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < entries.size(); i++) {
                String p = "escalation[" + i + "]";
                EscalationEntry e = entries.get(i);
                if (e == null) {
                    problem(p, ProblemKind.MISSING_VALUE, "an empty escalation entry");
                    ok = false;
                    continue;
                }
                int before = problems.size();
                if (e.name() != null) {
                    Integer first = names.putIfAbsent(e.name(), i);
                    if (first != null) {
                        problem(p + ".name", ProblemKind.DUPLICATE, "escalation rule " + e.name()
                                + " is already defined at escalation[" + first + "]");
                    }
                } else {
                    problem(p + ".name", ProblemKind.MISSING_VALUE, "an escalation rule needs a name");
                }
                Stage stage = enumValue(p + ".stage", e.stage(), Stage.class, "stage");
                if (e.level() == null) {
                    problem(p + ".level", ProblemKind.MISSING_VALUE, "an escalation rule needs its level (1, 2, ...)");
                }
                Trigger on = e.on() == null ? Trigger.BREACH : enumValue(p + ".on", e.on(), Trigger.class, "trigger");
                int after = e.afterDays() == null ? 0 : e.afterDays();
                Set<EscalationAction> actions = EnumSet.noneOf(EscalationAction.class);
                if (e.actions() == null || e.actions().isEmpty()) {
                    problem(p + ".actions", ProblemKind.MISSING_VALUE, "an escalation rule takes at least one action");
                } else {
                    for (int j = 0; j < e.actions().size(); j++) {
                        EscalationAction a = enumValue(p + ".actions[" + j + "]", e.actions().get(j),
                                EscalationAction.class, "action");
                        if (a != null) {
                            actions.add(a);
                        }
                    }
                }
                if (problems.size() > before) {
                    ok = false;
                    continue;
                }
                try {
                    rules.add(new EscalationRule(e.name(), stage, e.level(), on, after, actions));
                } catch (IllegalArgumentException ex) {
                    problem(p, ProblemKind.INVALID_VALUE, ex.getMessage());
                    ok = false;
                }
            }
            if (!ok) {
                return EscalationLadder.none();
            }
            try {
                return new EscalationLadder(rules);
            } catch (IllegalArgumentException ex) {
                problem("escalation", ProblemKind.INVALID_VALUE, ex.getMessage());
                return EscalationLadder.none();
            }
        }

        // ------------------------------------------------------------ routing

        private List<RoutingRule> rules(List<RuleEntry> entries, Map<String, UnitEntry> units,
                                        Map<String, CategoryEntry> categories, Map<String, String> categoryParents) {
            if (entries == null) {
                return List.of();
            }
            List<RoutingRule> built = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                String p = "routing.rules[" + i + "]";
                RuleEntry r = entries.get(i);
                if (r == null) {
                    problem(p, ProblemKind.MISSING_VALUE, "an empty routing rule");
                    continue;
                }
                int before = problems.size();
                if (r.name() == null) {
                    problem(p + ".name", ProblemKind.MISSING_VALUE, "a routing rule needs a name");
                } else if (!r.name().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                    problem(p + ".name", ProblemKind.INVALID_VALUE, "rule name '" + r.name()
                            + "' must be 1-64 lower-case letters, digits or dashes");
                } else {
                    Integer first = names.putIfAbsent(r.name(), i);
                    if (first != null) {
                        problem(p + ".name", ProblemKind.DUPLICATE, "rule " + r.name()
                                + " is already defined at routing.rules[" + first + "]");
                    }
                }
                UnitId unit = unitRef(p + ".unit", r.unit(), units, true);
                Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                List<String> kindTexts = r.kinds() == null ? List.of() : r.kinds();
                for (int j = 0; j < kindTexts.size(); j++) {
                    Kind k = enumValue(p + ".kinds[" + j + "]", kindTexts.get(j), Kind.class, "kind");
                    if (k != null) {
                        kinds.add(k);
                    }
                }
                Set<Channel> channels = EnumSet.noneOf(Channel.class);
                List<String> channelTexts = r.channels() == null ? List.of() : r.channels();
                for (int j = 0; j < channelTexts.size(); j++) {
                    Channel c = enumValue(p + ".channels[" + j + "]", channelTexts.get(j), Channel.class, "channel");
                    if (c != null) {
                        channels.add(c);
                    }
                }
                CategoryId category = null;
                if (r.category() != null) {
                    category = form(p + ".category", r.category(), CategoryId::of);
                    if (category != null && !categories.containsKey(r.category())) {
                        problem(p + ".category", ProblemKind.UNKNOWN_CATEGORY, "unknown category '" + r.category()
                                + "': it is not in categories");
                    }
                }
                RegionCode region = r.region() == null ? null : form(p + ".region", r.region(), RegionCode::of);
                List<String> keywords = r.keywords() == null ? List.of() : r.keywords();
                for (int j = 0; j < keywords.size(); j++) {
                    if (keywords.get(j) == null || !IndonesianText.hasWords(keywords.get(j))) {
                        problem(p + ".keywords[" + j + "]", ProblemKind.INVALID_VALUE, "keyword '" + keywords.get(j)
                                + "' has no letter or digit");
                    }
                }
                Set<UnitId> institutions = new LinkedHashSet<>();
                List<String> chosen = r.institutions() == null ? List.of() : r.institutions();
                for (int j = 0; j < chosen.size(); j++) {
                    UnitId u = unitRef(p + ".institutions[" + j + "]", chosen.get(j), units, true);
                    if (u != null) {
                        institutions.add(u);
                    }
                }
                if (problems.size() > before) {
                    continue;
                }
                built.add(new RoutingRule(r.name(), unit, kinds, channels, Optional.ofNullable(category),
                        Optional.ofNullable(region), keywords, institutions, r.note()));
                at.add(i);
            }
            for (int j = 0; j < built.size(); j++) {
                for (int i = 0; i < j; i++) {
                    if (covers(built.get(i), built.get(j), categoryParents)) {
                        problem("routing.rules[" + at.get(j) + "]", ProblemKind.SHADOWED_RULE, "rule "
                                + built.get(j).name() + " can never match: rule " + built.get(i).name()
                                + " (routing.rules[" + at.get(i) + "]) comes first and covers every report it covers ("
                                + built.get(i).conditionsText() + ")");
                        break;
                    }
                }
            }
            return built;
        }

        private SmsKeywords sms(PolicyDocument.Sms s, Map<String, UnitEntry> units) {
            if (s == null) {
                return SmsKeywords.none();
            }
            Map<String, UnitId> jurisdictions = new LinkedHashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            List<PolicyDocument.SmsKeywordEntry> keywords = s.keywords() == null ? List.of() : s.keywords();
            for (int i = 0; i < keywords.size(); i++) {
                String p = "sms.keywords[" + i + "]";
                PolicyDocument.SmsKeywordEntry e = keywords.get(i);
                if (e == null) {
                    problem(p, ProblemKind.MISSING_VALUE, "an empty SMS keyword entry");
                    continue;
                }
                String word = word(p + ".keyword", e.keyword());
                UnitId unit = unitRef(p + ".unit", e.unit(), units, true);
                if (word != null) {
                    Integer first = seen.putIfAbsent(word, i);
                    if (first != null) {
                        problem(p + ".keyword", ProblemKind.DUPLICATE, "SMS keyword " + e.keyword()
                                + " is already defined at sms.keywords[" + first + "]");
                    } else if (unit != null) {
                        jurisdictions.put(e.keyword(), unit);
                    }
                }
            }
            Set<String> confidential = words("sms.confidential", s.confidential());
            Set<String> anonymous = words("sms.anonymous", s.anonymous());
            for (String w : confidential) {
                if (anonymous.contains(w)) {
                    problem("sms.anonymous", ProblemKind.DUPLICATE, "'" + w
                            + "' cannot flag both confidential and anonymous");
                }
            }
            return new SmsKeywords(jurisdictions, confidential, anonymous);
        }

        private Set<String> words(String path, List<String> texts) {
            Set<String> out = new LinkedHashSet<>();
            if (texts != null) {
                for (int i = 0; i < texts.size(); i++) {
                    String w = word(path + "[" + i + "]", texts.get(i));
                    if (w != null) {
                        out.add(w);
                    }
                }
            }
            return out;
        }

        /** One word, folded; null (and a problem) otherwise. */
        private String word(String path, String text) {
            if (text == null) {
                problem(path, ProblemKind.MISSING_VALUE, "a word is required");
                return null;
            }
            String folded = IndonesianText.fold(text).strip();
            if (folded.isEmpty() || folded.contains(" ")) {
                problem(path, ProblemKind.INVALID_VALUE, "'" + text + "' is not one word of letters or digits");
                return null;
            }
            return folded;
        }
    }

    /** Rule {@code a} matches every report {@code b} matches, whatever the text: b is shadowed when a comes first. */
    static boolean covers(RoutingRule a, RoutingRule b, Map<String, String> categoryParents) {
        return a.keywords().isEmpty()
                && (a.category().isEmpty() || b.category().isPresent()
                && within(b.category().get().value(), a.category().get().value(), categoryParents))
                && (a.region().isEmpty() || b.region().isPresent() && b.region().get().isWithin(a.region().get()))
                && (a.kinds().isEmpty() || !b.kinds().isEmpty() && a.kinds().containsAll(b.kinds()))
                && (a.channels().isEmpty() || !b.channels().isEmpty() && a.channels().containsAll(b.channels()))
                && (a.institutions().isEmpty()
                || !b.institutions().isEmpty() && a.institutions().containsAll(b.institutions()));
    }

    private static boolean within(String id, String ancestor, Map<String, String> parents) {
        String current = id;
        for (int steps = 0; current != null && steps <= parents.size(); steps++) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = parents.get(current);
        }
        return false;
    }

    /** Each cycle of the parent relation once, as its members from the first in map order. */
    private static List<List<String>> cycles(Map<String, String> parents) {
        List<List<String>> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : parents.keySet()) {
            List<String> path = new ArrayList<>();
            Map<String, Integer> onPath = new HashMap<>();
            String current = start;
            while (current != null && parents.containsKey(current) && !done.contains(current)
                    && !onPath.containsKey(current)) {
                onPath.put(current, path.size());
                path.add(current);
                current = parents.get(current);
            }
            if (current != null && onPath.containsKey(current)) {
                List<String> cycle = new ArrayList<>(path.subList(onPath.get(current), path.size()));
                // Start the cycle at the member listed first, so the report is stable.
                List<String> order = new ArrayList<>(parents.keySet());
                int first = 0;
                for (int i = 1; i < cycle.size(); i++) {
                    if (order.indexOf(cycle.get(i)) < order.indexOf(cycle.get(first))) {
                        first = i;
                    }
                }
                List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
                rotated.addAll(cycle.subList(0, first));
                out.add(rotated);
            }
            done.addAll(path);
        }
        return out;
    }

    private static boolean isForm(String text, Function<String, ?> parse) {
        try {
            parse.apply(text);
            return true;
        } catch (LaporException | IllegalArgumentException e) {
            return false;
        }
    }

    private static ZoneId quietZone(String text) {
        String t = text.strip();
        for (IndonesianTimeZone z : IndonesianTimeZone.values()) {
            if (z.name().equalsIgnoreCase(t)) {
                return z.zoneId();
            }
        }
        try {
            return ZoneId.of(t);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static List<Unit> buildUnits(List<UnitEntry> entries, Map<UnitId, CalendarRef> refs) {
        List<Unit> out = new ArrayList<>();
        for (UnitEntry e : entries) {
            UnitId id = UnitId.of(e.id());
            out.add(new Unit(id, e.name().strip(), UnitLevel.valueOf(e.level().strip()),
                    Optional.ofNullable(e.parent()).map(UnitId::of), quietZone(e.zone()),
                    Optional.ofNullable(e.region()).map(RegionCode::of), Boolean.TRUE.equals(e.approval()),
                    Optional.ofNullable(refs.get(id)).map(r -> r.id().value())));
        }
        return out;
    }

    private static List<Category> buildCategories(List<CategoryEntry> entries) {
        List<Category> out = new ArrayList<>();
        if (entries != null) {
            for (CategoryEntry e : entries) {
                out.add(new Category(CategoryId.of(e.id()), Optional.ofNullable(e.parent()).map(CategoryId::of),
                        e.name().strip()));
            }
        }
        return out;
    }

    /** The calendars a policy names, as validated so far. */
    private static final class Calendars {
        CalendarRef defaultRef;
        final Map<UnitId, CalendarRef> unitRefs = new TreeMap<>();
        final Map<CalendarRef, WorkingCalendar> resolved = new HashMap<>();
    }
}
