package id.lapor.core.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A working-day calendar: a weekly working pattern, dated non-working days with the decrees they come from, and a
 * time zone, under an id and a version. Immutable and thread-safe; a change is a new calendar, published as a
 * new version in a {@link CalendarBook}.
 *
 * <h2>Covered years</h2>
 * A calendar covers the years from its first <em>decreed</em> year (one whose decree is loaded in full) to
 * {@link #provisionalHorizon()} years past its last decreed year. A covered year without a decree is
 * <em>provisional</em>: it has the weekly rest days, the days declared for it (e.g. regional holidays) and the
 * {@link ProvisionalHolidays computable holidays}, but not the lunar holidays and collective leave a decree will
 * add. Every method below that uses a provisional year:
 * <ul>
 *   <li>on a {@linkplain #isStrict() strict} calendar, throws {@link ProvisionalYearException};</li>
 *   <li>otherwise answers, flags results that carry a flag ({@link Deadline}, {@link Pause}) as provisional, and
 *       logs one SLF4J warning per year (per calendar, not per call).</li>
 * </ul>
 * A date outside the covered years is always a {@link CalendarRangeException}, naming the date and the first or
 * last covered year. Null arguments throw {@link NullPointerException}; a negative count or a share outside
 * [0, 1] throws {@link IllegalArgumentException}.
 *
 * <h2>Cost</h2>
 * Every query costs the same whatever the number of working days: the covered range is precomputed into a
 * prefix count of working days and an index from working-day ordinal to date.
 *
 * <h2>The deadline rule</h2>
 * For an event at instant {@code t} and a limit of {@code N} working days:
 * <ol>
 *   <li>the event's date is {@code t}'s local date in the calendar's zone (23:30 WIB is already the next day
 *       in WITA);</li>
 *   <li>counting starts on the first working day <em>after</em> that date, whatever the event's time of day and
 *       whether or not the event's date is itself a working day;</li>
 *   <li>the deadline is the end (24:00 local time, i.e. the first instant of the next day) of the N-th working
 *       day counted. With {@code N = 0} it is the end of the event's own date;</li>
 *   <li>a warning at share {@code s} is due at the end of working day {@code floor(s × N)}, and there is none
 *       when that is 0;</li>
 *   <li>a pause from {@code a} to {@code b} lasts the working days from the day after {@code a}'s date to
 *       {@code b}'s date inclusive, and moves the deadline by that many working days.</li>
 * </ol>
 * Example: submitted Tuesday 17 March 2026 at 10:00 WIB with 3 working days, the deadline is the end of Friday
 * 27 March 2026, because 18 to 24 March are Nyepi, Idul Fitri, a weekend and collective leave.
 */
public final class WorkingCalendar {
    /** The most years one calendar covers (decreed and provisional together). */
    public static final int MAX_YEARS = 64;
    /** Provisional years past the last decreed year, by default. */
    public static final int DEFAULT_PROVISIONAL_HORIZON = 10;

    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

    private final CalendarId id;
    private final int version;
    private final ZoneId zone;
    private final WorkWeek workWeek;
    private final SortedSet<Integer> decreedYears;
    private final NavigableMap<LocalDate, NonWorkingDay> declared;
    private final int provisionalHorizon;
    private final ProvisionalHolidays provisionalHolidays;
    private final boolean strict;
    private final WorkingDayIndex index;

    private WorkingCalendar(Builder b, WorkingDayIndex index) {
        this.id = b.id;
        this.version = b.version;
        this.zone = b.zone;
        this.workWeek = b.workWeek;
        this.decreedYears = Collections.unmodifiableSortedSet(new TreeSet<>(b.decreedYears));
        this.declared = Collections.unmodifiableNavigableMap(new TreeMap<>(b.declared));
        this.provisionalHorizon = b.provisionalHorizon;
        this.provisionalHolidays = b.provisionalHolidays;
        this.strict = b.strict;
        this.index = index;
    }

    // The data is shared: only the version or the strict flag differ.
    private WorkingCalendar(WorkingCalendar other, int version, boolean strict) {
        this.id = other.id;
        this.version = version;
        this.zone = other.zone;
        this.workWeek = other.workWeek;
        this.decreedYears = other.decreedYears;
        this.declared = other.declared;
        this.provisionalHorizon = other.provisionalHorizon;
        this.provisionalHolidays = other.provisionalHolidays;
        this.strict = strict;
        this.index = other.index;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this calendar's data, to derive the next version from. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.version = version;
        b.zone = zone;
        b.workWeek = workWeek;
        b.decreedYears.addAll(decreedYears);
        b.declared.putAll(declared);
        b.provisionalHorizon = provisionalHorizon;
        b.provisionalHolidays = provisionalHolidays;
        b.strict = strict;
        return b;
    }

    /** The same calendar, refusing ({@code true}) or flagging ({@code false}) provisional years. */
    public WorkingCalendar withStrict(boolean strict) {
        return strict == this.strict ? this : new WorkingCalendar(this, version, strict);
    }

    WorkingCalendar withVersion(int version) {
        return version == this.version ? this : new WorkingCalendar(this, version, strict);
    }

    // ---------------------------------------------------------------- data

    public CalendarId id() {
        return id;
    }

    /** 1 for a calendar never published; a {@link CalendarBook} numbers the versions it publishes. */
    public int version() {
        return version;
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkWeek workWeek() {
        return workWeek;
    }

    public boolean isStrict() {
        return strict;
    }

    public int provisionalHorizon() {
        return provisionalHorizon;
    }

    /** The years whose decree is loaded in full; never empty. */
    public SortedSet<Integer> decreedYears() {
        return decreedYears;
    }

    /** The first covered year: the first decreed year. */
    public int firstYear() {
        return index.firstYear;
    }

    /** The last covered year: the last decreed year plus the provisional horizon. */
    public int lastYear() {
        return index.lastYear;
    }

    /** True when {@code year} is covered but has no decree. Does not log and never throws. */
    public boolean isProvisional(int year) {
        return year >= index.firstYear && year <= index.lastYear && index.isProvisional(year - index.firstYear);
    }

    /**
     * True when a computation over the days {@code from} to {@code to} (in either order) uses a provisional year:
     * the flag for results that have none, such as {@link #addWorkingDays(LocalDate, int)}'s. Does not log and
     * never throws for a date outside the calendar.
     */
    public boolean isProvisional(LocalDate from, LocalDate to) {
        int lo = Math.min(from.getYear(), to.getYear());
        int hi = Math.max(from.getYear(), to.getYear());
        for (int y = Math.max(lo, index.firstYear); y <= Math.min(hi, index.lastYear); y++) {
            if (index.isProvisional(y - index.firstYear)) {
                return true;
            }
        }
        return false;
    }

    /** The covered years without a decree, in order. */
    public SortedSet<Integer> provisionalYears() {
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = index.firstYear; y <= index.lastYear; y++) {
            if (isProvisional(y)) {
                years.add(y);
            }
        }
        return Collections.unmodifiableSortedSet(years);
    }

    /** The days loaded into this calendar (not the computed days of provisional years), in date order. */
    public List<NonWorkingDay> declaredDays() {
        return List.copyOf(declared.values());
    }

    /**
     * The dated non-working day on {@code date}, declared or (in a provisional year) computed; empty for a
     * working day and for a weekly rest day that is not also dated. Applies the provisional-year rules.
     */
    public Optional<NonWorkingDay> nonWorkingDay(LocalDate date) {
        int i = offsetOf(date);
        touch(i, i);
        return Optional.ofNullable(index.effective.get(date));
    }

    /** The dated non-working days of a covered year, declared and computed, in date order. */
    public List<NonWorkingDay> nonWorkingDays(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int i = offsetOf(first);
        int j = offsetOf(LocalDate.of(year, 12, 31));
        touch(i, j);
        return List.copyOf(index.effective.subMap(first, true, LocalDate.of(year, 12, 31), true).values());
    }

    // ---------------------------------------------------------------- arithmetic on dates

    /** True when {@code date} is a working day: a working day of the week and not a dated non-working day. */
    public boolean isWorkingDay(LocalDate date) {
        int i = offsetOf(date);
        touch(i, i);
        return index.isWorking(i);
    }

    /**
     * The {@code n}-th working day strictly after {@code from}; for {@code n = 0}, {@code from} itself, even when
     * it is not a working day, so that {@code workingDaysBetween(from, addWorkingDays(from, n)) == n} for every
     * {@code n}. Whether {@code from} is a working day does not matter.
     *
     * @throws CalendarRangeException when {@code from} or the result lies outside the covered years
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        requireCount(n);
        int i = offsetOf(from);
        if (n == 0) {
            touch(i, i);
            return from;
        }
        int j = plus(i, n, from);
        touch(i, j);
        return LocalDate.ofEpochDay(index.startEpochDay + j);
    }

    /**
     * The number of working days in {@code (fromExclusive, toInclusive]}; negative, with the same magnitude, when
     * {@code toInclusive} is before {@code fromExclusive}, and 0 when they are equal.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int i = offsetOf(fromExclusive);
        int j = offsetOf(toInclusive);
        touch(Math.min(i, j), Math.max(i, j));
        return index.workingUpTo[j] - index.workingUpTo[i];
    }

    // ---------------------------------------------------------------- arithmetic on instants

    /** {@code instant}'s date in this calendar's zone. */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** 24:00 at the end of {@code date} in this calendar's zone: the first instant of the next day. */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether {@code instant}'s local date is a working day. */
    public boolean isWorkingDay(Instant instant) {
        return isWorkingDay(localDate(instant));
    }

    /** {@link #addWorkingDays(LocalDate, int)} from {@code from}'s local date. */
    public LocalDate addWorkingDays(Instant from, int n) {
        return addWorkingDays(localDate(from), n);
    }

    /** {@link #workingDaysBetween(LocalDate, LocalDate)} between the instants' local dates. */
    public int workingDaysBetween(Instant fromExclusive, Instant toInclusive) {
        return workingDaysBetween(localDate(fromExclusive), localDate(toInclusive));
    }

    // ---------------------------------------------------------------- deadlines

    /**
     * The deadline {@code workingDays} working days after {@code event}, by the deadline rule in the class
     * comment: the end of the {@code workingDays}-th working day after the event's local date.
     *
     * @throws CalendarRangeException when the event's date or the deadline lies outside the covered years
     */
    public Deadline deadline(Instant event, int workingDays) {
        requireCount(workingDays);
        return deadlineAfter(localDate(event), workingDays, false);
    }

    /**
     * The warning before the deadline of {@code deadline(event, workingDays)}: the end of working day
     * {@code floor(share × workingDays)}, or empty when that is 0. The product is taken in decimal, so
     * {@code 0.29 × 100} is 29, not 28.
     *
     * @param share in [0, 1]
     */
    public Optional<Deadline> warning(Instant event, int workingDays, double share) {
        requireCount(workingDays);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1], was " + share);
        }
        int day = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(workingDays))
                .setScale(0, RoundingMode.FLOOR).intValueExact();
        return day == 0 ? Optional.empty() : Optional.of(deadline(event, day));
    }

    /**
     * {@code deadline} moved {@code workingDays} working days later: the end of the {@code workingDays}-th
     * working day after its last day. Provisional when {@code deadline} was, or when the extension uses a
     * provisional year.
     *
     * @throws IllegalArgumentException when {@code deadline} was computed in another zone
     */
    public Deadline extend(Deadline deadline, int workingDays) {
        requireCount(workingDays);
        if (!deadline.zone().equals(zone)) {
            throw new IllegalArgumentException("deadline in " + deadline.zone() + " cannot be extended by calendar "
                    + id + " in " + zone);
        }
        return deadlineAfter(deadline.lastDay(), workingDays, deadline.provisional());
    }

    /** {@code deadline} moved by the working days of {@code pause}; provisional when either is. */
    public Deadline extend(Deadline deadline, Pause pause) {
        Deadline moved = extend(deadline, pause.workingDays());
        return pause.provisional() && !moved.provisional()
                ? new Deadline(moved.due(), moved.lastDay(), moved.zone(), true)
                : moved;
    }

    /**
     * The pause of an SLA clock stopped at {@code from} and restarted at {@code to}: the working days from the day
     * after {@code from}'s local date to {@code to}'s local date inclusive.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public Pause pause(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
        }
        int i = offsetOf(localDate(from));
        int j = offsetOf(localDate(to));
        boolean provisional = touch(i, j);
        return new Pause(from, to, index.workingUpTo[j] - index.workingUpTo[i], provisional);
    }

    private Deadline deadlineAfter(LocalDate from, int workingDays, boolean alreadyProvisional) {
        int i = offsetOf(from);
        int j = workingDays == 0 ? i : plus(i, workingDays, from);
        boolean provisional = touch(i, j) | alreadyProvisional;
        LocalDate last = workingDays == 0 ? from : LocalDate.ofEpochDay(index.startEpochDay + j);
        return new Deadline(endOf(last), last, zone, provisional);
    }

    // ---------------------------------------------------------------- index access

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of working days must be >= 0, was " + n);
        }
    }

    private int offsetOf(LocalDate date) {
        long offset = date.toEpochDay() - index.startEpochDay;
        if (offset < 0 || offset >= index.dayCount) {
            throw outside(date);
        }
        return (int) offset;
    }

    /** Offset of the n-th (n >= 1) working day after offset i. */
    private int plus(int i, int n, LocalDate from) {
        // long: n may be up to Integer.MAX_VALUE
        long ordinal = (long) index.workingUpTo[i] + n;
        if (ordinal > index.workingCount()) {
            throw new CalendarRangeException("the " + n + "th working day after " + from + " falls after "
                    + index.lastYear + ", the last year calendar " + id + " covers (" + coverage() + ")", from);
        }
        return index.dayOfOrdinal[(int) ordinal - 1];
    }

    /**
     * Applies the provisional-year rules to the days i..j (i <= j); returns whether a provisional year is among
     * them. Kept small so that it inlines into every query; the rare work is in {@link #refuseOrWarn}.
     */
    private boolean touch(int i, int j) {
        if (j < index.firstProvisionalDay) {
            return false;
        }
        long years = index.provisionalYears & WorkingDayIndex.yearRange(index.yearIndex(i), index.yearIndex(j));
        if (years == 0) {
            return false;
        }
        if (strict || (index.warnedYears.get() & years) != years) {
            refuseOrWarn(years);
        }
        return true;
    }

    private void refuseOrWarn(long years) {
        if (strict) {
            SortedSet<Integer> refused = yearsOf(years);
            throw new ProvisionalYearException("calendar " + id + " v" + version + " is strict and has no decree"
                    + " loaded for " + join(refused) + ": load the decree, or use a lenient calendar for provisional"
                    + " results", refused);
        }
        long before = index.warnedYears.getAndAccumulate(years, (a, b) -> a | b);
        for (int year : yearsOf(years & ~before)) {
            LOG.warn("Calendar {} v{} has no decree loaded for {}: using weekends and computable holidays only;"
                    + " results that use {} are provisional", id, version, year, year);
        }
    }

    private SortedSet<Integer> yearsOf(long mask) {
        TreeSet<Integer> years = new TreeSet<>();
        for (long m = mask; m != 0; m &= m - 1) {
            years.add(index.firstYear + Long.numberOfTrailingZeros(m));
        }
        return years;
    }

    private static String join(SortedSet<Integer> years) {
        List<String> parts = new ArrayList<>();
        years.forEach(y -> parts.add(Integer.toString(y)));
        return String.join(", ", parts);
    }

    private CalendarRangeException outside(LocalDate date) {
        if (date.getYear() < index.firstYear) {
            return new CalendarRangeException(date + " is before " + index.firstYear
                    + ", the first year calendar " + id + " covers (" + coverage() + ")", date);
        }
        return new CalendarRangeException(date + " is after " + index.lastYear + ", the last year calendar " + id
                + " covers (" + coverage() + ")", date);
    }

    private String coverage() {
        return "decreed " + decreedYears.first() + (decreedYears.size() > 1 ? "-" + decreedYears.last() : "")
                + ", provisional up to " + provisionalHorizon + " years past the last decree";
    }

    /** The years whose working days, provisional status, coverage or dated days differ from {@code other}. */
    SortedSet<Integer> yearsDifferentFrom(WorkingCalendar other) {
        boolean all = !zone.equals(other.zone) || !workWeek.equals(other.workWeek);
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = Math.min(firstYear(), other.firstYear()); y <= Math.max(lastYear(), other.lastYear()); y++) {
            boolean inThis = covers(y);
            boolean inOther = other.covers(y);
            if (inThis != inOther || inThis && (all || isProvisional(y) != other.isProvisional(y)
                    || !daysOf(y).equals(other.daysOf(y)))) {
                years.add(y);
            }
        }
        return Collections.unmodifiableSortedSet(years);
    }

    /** Every covered year. */
    SortedSet<Integer> coveredYears() {
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = firstYear(); y <= lastYear(); y++) {
            years.add(y);
        }
        return Collections.unmodifiableSortedSet(years);
    }

    private boolean covers(int year) {
        return year >= index.firstYear && year <= index.lastYear;
    }

    private List<NonWorkingDay> daysOf(int year) {
        return new ArrayList<>(index.effective.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true)
                .values());
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + id + " v" + version + ", " + zone + ", " + coverage()
                + (strict ? ", strict" : "") + "]";
    }

    /**
     * Builds a calendar. Required: an {@link #id(CalendarId) id}, a {@link #zone(ZoneId) zone} and at least one
     * decreed year (usually by {@link #load(CalendarSource) loading} a decree). Defaults: Monday-to-Friday work
     * week, version 1, {@value WorkingCalendar#DEFAULT_PROVISIONAL_HORIZON} provisional years, Indonesia's computable holidays
     * for them, lenient. Every method throws on a bad argument at once; {@link #build()} throws
     * {@link CalendarException} for what only the whole can tell.
     */
    public static final class Builder {
        private CalendarId id;
        private int version = 1;
        private ZoneId zone;
        private WorkWeek workWeek = WorkWeek.MONDAY_TO_FRIDAY;
        private final TreeSet<Integer> decreedYears = new TreeSet<>();
        private final TreeMap<LocalDate, NonWorkingDay> declared = new TreeMap<>();
        private int provisionalHorizon = DEFAULT_PROVISIONAL_HORIZON;
        private ProvisionalHolidays provisionalHolidays = ProvisionalHolidays.INDONESIA;
        private boolean strict;

        private Builder() {
        }

        public Builder id(CalendarId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder id(String id) {
            return id(CalendarId.of(id));
        }

        /** At least 1; a {@link CalendarBook} renumbers what it publishes. */
        public Builder version(int version) {
            if (version < 1) {
                throw new IllegalArgumentException("a calendar version starts at 1, was " + version);
            }
            this.version = version;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder zone(IndonesianTimeZone zone) {
            return zone(zone.zoneId());
        }

        public Builder workWeek(WorkWeek workWeek) {
            this.workWeek = Objects.requireNonNull(workWeek, "workWeek");
            return this;
        }

        /** Convenience for {@code workWeek(WorkWeek.of(first, more))}. */
        public Builder workWeek(DayOfWeek first, DayOfWeek... more) {
            return workWeek(WorkWeek.of(first, more));
        }

        /**
         * Adds every day of {@code source} and marks the years it decrees as decreed. All or nothing: when a day
         * falls on a date that already has one, this throws {@link CalendarException} naming both and adds none.
         */
        public Builder load(CalendarSource source) {
            Objects.requireNonNull(source, "source");
            for (NonWorkingDay day : source.days()) {
                NonWorkingDay existing = declared.get(day.date());
                if (existing != null) {
                    throw new CalendarException(source.name() + ": " + day.date() + " (" + day.name()
                            + ") is already a non-working day (" + existing.name() + ", " + existing.decree() + ")");
                }
            }
            source.days().forEach(day -> declared.put(day.date(), day));
            decreedYears.addAll(source.decreedYears());
            return this;
        }

        /** Adds one day; throws {@link CalendarException} when its date already has one. */
        public Builder add(NonWorkingDay day) {
            return load(CalendarSource.of("added day", List.of(day)));
        }

        /** Removes the day declared on {@code date}; throws {@link CalendarException} when there is none. */
        public Builder remove(LocalDate date) {
            if (declared.remove(Objects.requireNonNull(date, "date")) == null) {
                throw new CalendarException("no non-working day is declared on " + date);
            }
            return this;
        }

        /** Removes the declared days that match, e.g. a whole year's national days before loading its new decree. */
        public Builder removeIf(Predicate<NonWorkingDay> filter) {
            declared.values().removeIf(filter);
            return this;
        }

        /** Marks {@code year}'s decree as loaded in full, even if it declares no day. */
        public Builder decreed(int year) {
            if (year < 1900 || year > 9999) {
                throw new IllegalArgumentException("decreed year must be in 1900-9999, was " + year);
            }
            decreedYears.add(year);
            return this;
        }

        /** How many years past the last decreed year are covered provisionally; 0 covers none. */
        public Builder provisionalHorizon(int years) {
            if (years < 0 || years >= MAX_YEARS) {
                throw new IllegalArgumentException("provisional horizon must be 0-" + (MAX_YEARS - 1) + " years, was "
                        + years);
            }
            this.provisionalHorizon = years;
            return this;
        }

        /** The holidays assumed in provisional years; {@link ProvisionalHolidays#NONE} for weekends only. */
        public Builder provisionalHolidays(ProvisionalHolidays holidays) {
            this.provisionalHolidays = Objects.requireNonNull(holidays, "holidays");
            return this;
        }

        /** True to refuse provisional years with {@link ProvisionalYearException} rather than flag them. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public WorkingCalendar build() {
            if (id == null) {
                throw new CalendarException("calendar id required, e.g. id(\"id-national-wib\")");
            }
            if (zone == null) {
                throw new CalendarException("calendar " + id + ": zone required, e.g. zone(IndonesianTimeZone.WIB)");
            }
            if (decreedYears.isEmpty()) {
                throw new CalendarException("calendar " + id + ": at least one decreed year required (load a decree,"
                        + " e.g. IndonesianCalendars.national2026()); the first decreed year is where it starts");
            }
            int first = decreedYears.first();
            int last = decreedYears.last() + provisionalHorizon;
            if (last - first + 1 > MAX_YEARS) {
                throw new CalendarException("calendar " + id + " would cover " + first + "-" + last + ", more than "
                        + MAX_YEARS + " years");
            }
            if (!declared.isEmpty()) {
                LocalDate earliest = declared.firstKey();
                LocalDate latest = declared.lastKey();
                if (earliest.getYear() < first) {
                    throw new CalendarException("calendar " + id + ": " + earliest + " is before " + first
                            + ", the first decreed year");
                }
                if (latest.getYear() > last) {
                    throw new CalendarException("calendar " + id + ": " + latest + " is after " + last
                            + ", the last year covered (" + provisionalHorizon + " provisional years past the last"
                            + " decree)");
                }
            }
            TreeMap<LocalDate, NonWorkingDay> effective = new TreeMap<>(declared);
            long provisional = 0;
            for (int year = first; year <= last; year++) {
                if (decreedYears.contains(year)) {
                    continue;
                }
                provisional |= 1L << (year - first);
                TreeSet<LocalDate> seen = new TreeSet<>();
                for (NonWorkingDay day : provisionalHolidays.forYear(year)) {
                    if (day.date().getYear() != year || !seen.add(day.date())) {
                        throw new CalendarException("calendar " + id + ": provisional holidays for " + year
                                + " must be distinct dates in that year, got " + day);
                    }
                    // A day declared for a provisional year (a regional holiday, an early announcement) wins.
                    effective.putIfAbsent(day.date(), day);
                }
            }
            return new WorkingCalendar(this, new WorkingDayIndex(first, last, provisional, workWeek, effective));
        }
    }
}
