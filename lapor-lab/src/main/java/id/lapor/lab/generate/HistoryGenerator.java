package id.lapor.lab.generate;

import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.directory.UnitLevel;
import id.lapor.core.policy.Policy;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.lab.history.EventType;
import id.lapor.lab.history.HistoryEvent;
import id.lapor.lab.history.HistoryLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A synthetic but realistic history, seeded and reproducible: the same settings and policy give the same lines,
 * byte for byte, on any machine. The distributions are in the lab's README ("generate") and in
 * {@link Distributions}; in short: a channel mix, categories with a long tail and seasons, regions weighted by
 * population, a weekly and yearly rhythm with fewer reports on holidays, and lifecycles with holds, archives,
 * returns, late units and reporter replies, cut at the end of the year (the export).
 *
 * <p>The policy gives the categories, the units reports are dispatched to (its routing, or the verifiers' choice
 * for what it does not route) and the calendars officers work by.
 */
public final class HistoryGenerator {
    /** What to generate: a city year (Kota Palangka Raya) or a nation-scale year. */
    public enum Profile {
        CITY(2_000), NATION(300_000);

        final int defaultCount;

        Profile(int defaultCount) {
            this.defaultCount = defaultCount;
        }

        public int defaultCount() {
            return defaultCount;
        }
    }

    public record Settings(Profile profile, int count, long seed, int year) {
        public Settings {
            Objects.requireNonNull(profile, "profile");
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0, was " + count);
            }
        }
    }

    private final Settings settings;
    private final Policy policy;
    private final SplittableRandom random;
    private final Map<IndonesianTimeZone, WorkingCalendar> calendars = new EnumMap<>(IndonesianTimeZone.class);
    private final List<CategoryId> leaves;
    private final Map<UnitId, Double> unitSpeed = new HashMap<>();
    private final List<Unit> villages;

    public HistoryGenerator(Settings settings, Policy policy) {
        this.settings = settings;
        this.policy = policy;
        this.random = new SplittableRandom(settings.seed());
        List<WorkingCalendar> all = new ArrayList<>(policy.calendars().values());
        all.sort(Comparator.comparing(c -> c.id().value()));
        for (IndonesianTimeZone z : IndonesianTimeZone.values()) {
            calendars.put(z, all.stream().filter(c -> c.zone().equals(z.zoneId())).findFirst()
                    .orElse(policy.calendarOf(policy.verifiers())));
        }
        this.leaves = Distributions.categoryOrder(policy.categories().all().stream()
                .filter(c -> policy.categories().isLeaf(c.id())).map(Category::id).toList());
        this.villages = policy.directory().all().stream()
                .filter(u -> u.level() == UnitLevel.VILLAGE && u.region().isPresent()
                        && u.region().get().isWithin(RegionCode.of("62.71")))
                .toList();
    }

    /** Hands every line to {@code out}, in submission order, numbered from 1. */
    public void generate(Consumer<HistoryLine> out) {
        int year = settings.year();
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        double[] cumulative = new double[days];
        WorkingCalendar wib = calendars.get(IndonesianTimeZone.WIB);
        double sum = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            boolean holiday = !wib.isWorkingDay(date) && date.getDayOfWeek().getValue() <= 5;
            sum += Distributions.dayWeight(date, holiday);
            cumulative[d] = sum;
        }
        // Draw every submission first, then sort: ids follow submission order.
        List<Draft> drafts = new ArrayList<>(settings.count());
        for (int i = 0; i < settings.count(); i++) {
            double x = random.nextDouble() * sum;
            int lo = 0;
            int hi = days - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            drafts.add(draft(first.plusDays(lo)));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.submittedAt).thenComparing(d -> d.order));
        Instant exportAt = LocalDate.of(year + 1, 1, 1).atStartOfDay(IndonesianTimeZone.WIB.zoneId()).toInstant();
        long line = 0;
        for (Draft d : drafts) {
            line++;
            String id = Long.toString(Distributions.FIRST_ID + line - 1);
            out.accept(lifecycle(line, id, d, exportAt));
        }
    }

    /** The submission of one report on {@code date}. */
    private Draft draft(LocalDate date) {
        Draft d = new Draft();
        d.order = random.nextLong();
        d.channel = Distributions.pick(random, Distributions.CHANNELS);
        d.kind = Distributions.pick(random, Distributions.KINDS);
        d.region = region();
        IndonesianTimeZone zone = Distributions.zoneOf(d.region);
        d.zone = zone.zoneId();
        LocalDate day = date;
        LocalTime time;
        if (d.channel == Channel.FRONT_DESK) {
            // A front desk is open on working days only.
            WorkingCalendar cal = calendars.get(zone);
            while (!cal.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            time = LocalTime.of(8, 0).plusMinutes(random.nextInt(7 * 60));
        } else {
            time = random.nextDouble() < 0.7 ? LocalTime.of(7, 0).plusMinutes(random.nextInt(10 * 60))
                    : LocalTime.of(17, 0).plusMinutes(random.nextInt(6 * 60 + 59));
        }
        d.submittedAt = day.atTime(time).atZone(d.zone).toInstant();
        boolean noCategory = random.nextDouble() < (d.channel == Channel.SMS ? 0.5 : 0.04);
        CategoryId topic = Distributions.category(random, leaves, day.getMonthValue());
        d.category = noCategory ? Optional.empty() : Optional.of(topic);
        Texts.Text text = Texts.write(random, topic, policy.categories().topLevelOf(topic), day.getMonthValue(),
                d.channel == Channel.SMS);
        d.title = text.title();
        d.body = text.body();
        d.institution = Distributions.institution(random, policy.categories().topLevelOf(topic), policy);
        d.weight = Distributions.pick(random, Distributions.WEIGHTS);
        return d;
    }

    private RegionCode region() {
        if (settings.profile() == Profile.CITY) {
            double x = random.nextDouble();
            if (x < 0.03 || villages.isEmpty()) {
                // Visitors and commuters: the rest of Central Kalimantan, a few from Balikpapan.
                return x < 0.025 ? RegionCode.of(String.format(Locale.ROOT, "62.%02d", 1 + random.nextInt(13)))
                        : RegionCode.of("64.71");
            }
            String district = Distributions.pick(random, Distributions.CITY_DISTRICTS);
            if (random.nextDouble() < 0.1) {
                return RegionCode.of(district);
            }
            List<Unit> in = villages.stream().filter(u -> u.region().get().isWithin(RegionCode.of(district))).toList();
            return in.isEmpty() ? RegionCode.of(district) : in.get(random.nextInt(in.size())).region().get();
        }
        String province = Distributions.pick(random, Distributions.PROVINCES);
        boolean city = random.nextDouble() < 0.3;
        int regency = city ? 71 + random.nextInt(3) : 1 + random.nextInt(12);
        int district = 1 + random.nextInt(15);
        int village = (city ? 1001 : 2001) + random.nextInt(city ? 10 : 15);
        return RegionCode.of(String.format(Locale.ROOT, "%s.%02d.%02d.%d", province, regency, district, village));
    }

    /** The report's later events, as officers and reporter would have acted, cut at the export instant. */
    private HistoryLine lifecycle(long line, String id, Draft d, Instant exportAt) {
        RoutingInput input = new RoutingInput(d.kind, d.channel, d.category, d.region, d.title, d.body, d.institution);
        RoutingDecision decision = policy.route(input);
        UnitId verifier = policy.verifierFor(d.region);
        WorkingCalendar verifierCalendar = policy.calendarOf(verifier);
        Timeline t = new Timeline(d.submittedAt, verifierCalendar, verifierCalendar.zone(), random);

        double r = random.nextDouble();
        if (r < 0.05) {
            t.office(EventType.ARCHIVED, Distributions.verificationDelay(random), null,
                    Distributions.pick(random, Distributions.ARCHIVE_REASONS));
            return t.line(line, id, d, exportAt);
        }
        if (r < 0.11) {
            t.office(EventType.HELD, random.nextInt(2), null, "menunggu kelengkapan data dari pelapor");
            if (random.nextDouble() < 0.2) {
                t.office(EventType.ARCHIVED, 10, null, "INCOMPLETE");
                return t.line(line, id, d, exportAt);
            }
            t.reporter(random.nextDouble() < 0.5 ? EventType.REPLIED : EventType.RESUMED, 1 + random.nextInt(8));
        }
        // Where the verifiers send it: the policy's unit, else one they pick (the verifier's own office here).
        UnitId unit = decision.responsibleUnit().orElse(verifier);
        t.office(EventType.VERIFIED, Distributions.verificationDelay(random), unit, null);
        if (random.nextDouble() < 0.03) {
            t.office(EventType.RETURNED, 1 + random.nextInt(3), null, "bukan wewenang");
            unit = policy.directory().supervisorOf(unit).orElse(verifier);
            t.office(EventType.VERIFIED, 1 + random.nextInt(2), unit, null);
        }
        Calendars zoneSwitch = new Calendars(unit);
        t.switchTo(zoneSwitch.calendar, zoneSwitch.zone);
        if (random.nextDouble() < 0.03) {
            t.office(EventType.HELD, 1 + random.nextInt(3), null, "klarifikasi lapangan");
            t.office(EventType.RESUMED, 1 + random.nextInt(5), null, null);
        }
        double speed = speed(unit);
        t.office(EventType.FOLLOWED_UP, Distributions.followUpDelay(random, speed), null, null);
        if (random.nextDouble() < 0.2) {
            t.reporter(EventType.REPLIED, 1 + random.nextInt(8));
            t.office(EventType.FOLLOWED_UP, Distributions.followUpDelay(random, speed), null, null);
        }
        if (random.nextDouble() < 0.45) {
            t.reporter(EventType.COMPLETED, random.nextInt(10));
        }
        return t.line(line, id, d, exportAt);
    }

    /** Mean follow-up delay of a unit, in working days: one in five units is late. Stable per seed and unit. */
    private double speed(UnitId unit) {
        return unitSpeed.computeIfAbsent(unit, u -> {
            SplittableRandom r = new SplittableRandom(settings.seed() * 31 + u.value().hashCode());
            return r.nextDouble() < 0.2 ? 6.5 : 2.0 + r.nextDouble();
        });
    }

    /** The calendar and zone a unit works in. */
    private final class Calendars {
        final WorkingCalendar calendar;
        final ZoneId zone;

        Calendars(UnitId unit) {
            WorkingCalendar c = policy.calendarOf(unit);
            this.calendar = c;
            this.zone = c.zone();
        }
    }

    /** One report before its lifecycle. */
    private static final class Draft {
        long order;
        Channel channel;
        Kind kind;
        RegionCode region;
        ZoneId zone;
        Instant submittedAt;
        Optional<CategoryId> category;
        String title;
        String body;
        Optional<UnitId> institution;
        Weight weight;
    }

    /** Places events in time: officers act on working days in office hours, reporters any day. */
    private static final class Timeline {
        private final List<HistoryEvent> events = new ArrayList<>();
        private final SplittableRandom random;
        private WorkingCalendar calendar;
        private ZoneId zone;
        private Instant last;

        Timeline(Instant start, WorkingCalendar calendar, ZoneId zone, SplittableRandom random) {
            this.last = start;
            this.calendar = calendar;
            this.zone = zone;
            this.random = random;
        }

        void switchTo(WorkingCalendar calendar, ZoneId zone) {
            this.calendar = calendar;
            this.zone = zone;
        }

        void office(EventType type, int workingDays, UnitId unit, String note) {
            LocalDate day = calendar.addWorkingDays(LocalDate.ofInstant(last, zone), workingDays);
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            add(type, day.atTime(LocalTime.of(8, 0).plusMinutes(random.nextInt(8 * 60))).atZone(zone).toInstant(),
                    unit, note);
        }

        void reporter(EventType type, int days) {
            LocalDate day = LocalDate.ofInstant(last, zone).plusDays(days);
            add(type, day.atTime(LocalTime.of(6, 0).plusMinutes(random.nextInt(16 * 60))).atZone(zone).toInstant(),
                    null, null);
        }

        private void add(EventType type, Instant at, UnitId unit, String note) {
            if (!at.isAfter(last)) {
                at = last.plusSeconds(60L * (5 + random.nextInt(55)));
            }
            last = at;
            events.add(new HistoryEvent(type, at, Optional.ofNullable(unit), note));
        }

        HistoryLine line(long line, String id, Draft d, Instant exportAt) {
            List<HistoryEvent> kept = events.stream().filter(e -> e.at().isBefore(exportAt)).toList();
            return new HistoryLine(line, id, d.kind, d.channel, d.submittedAt, d.category, d.region, d.title, d.body,
                    d.institution, Optional.of(d.weight), kept);
        }
    }
}
