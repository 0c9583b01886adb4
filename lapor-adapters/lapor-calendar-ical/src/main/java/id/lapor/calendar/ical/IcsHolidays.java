package id.lapor.calendar.ical;

import id.lapor.core.calendar.CalendarFormatException;
import id.lapor.core.calendar.CalendarSource;
import id.lapor.core.calendar.DayKind;
import id.lapor.core.calendar.NonWorkingDay;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;

/**
 * Reads an iCalendar holiday feed (a regional government's, or a public holiday calendar) as a
 * {@link CalendarSource} to load into a {@link id.lapor.core.calendar.WorkingCalendar}.
 *
 * <p>Every all-day event ({@code DTSTART;VALUE=DATE}) becomes a non-working day on each date it covers
 * ({@code DTEND} exclusive, one day when absent), named by its {@code SUMMARY}; recurring events are
 * expanded within the years asked for. An event with a time of day is refused: a holiday is a whole
 * day. Two events on one date become one day with both names. A feed that cannot be parsed, or that
 * holds a timed event, is a {@link CalendarFormatException} naming the feed and the line or the event;
 * nothing is returned then.
 */
public final class IcsHolidays {
    private final DayKind kind;
    private final String decree;
    private final SortedSet<Integer> years;
    private final boolean decreesYears;

    private IcsHolidays(Builder b) {
        this.kind = b.kind;
        this.decree = b.decree;
        this.years = b.years;
        this.decreesYears = b.decreesYears;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads {@code in} (UTF-8); {@code name} names the feed in errors and in the source. */
    public CalendarSource read(String name, InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(name, reader);
        } catch (IOException e) {
            throw new CalendarFormatException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    public CalendarSource read(String name, Reader reader) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(reader);
        } catch (ParserException e) {
            throw new CalendarFormatException(name, e.getLineNo(), "is not valid iCalendar: " + e.getMessage());
        } catch (IOException e) {
            throw new CalendarFormatException(name, 0, "cannot be read: " + e.getMessage());
        }
        Map<LocalDate, String> names = new TreeMap<>();
        LocalDate from = LocalDate.of(years.first(), 1, 1);
        LocalDate until = LocalDate.of(years.last() + 1, 1, 1);
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String summary = event.<Summary>getProperty("SUMMARY").map(Summary::getValue).orElse("(no summary)").strip();
            Optional<DtStart<?>> start = event.<DtStart<?>>getProperty("DTSTART");
            if (start.isEmpty() || !(start.get().getDate() instanceof LocalDate)) {
                throw new CalendarFormatException(name, 0, "event '" + summary + "'"
                        + event.getProperty("UID").map(u -> " (UID " + u.getValue() + ")").orElse("")
                        + " is not an all-day event: a holiday is a whole day (DTSTART;VALUE=DATE)");
            }
            for (Period<LocalDate> p : event.<LocalDate>calculateRecurrenceSet(new Period<>(from, until))) {
                LocalDate day = p.getStart();
                LocalDate end = p.getEnd() == null || !p.getEnd().isAfter(day) ? day.plusDays(1) : p.getEnd();
                for (LocalDate d = day; d.isBefore(end); d = d.plusDays(1)) {
                    if (years.contains(d.getYear())) {
                        names.merge(d, summary, (a, b) -> a.equals(b) ? a : a + " / " + b);
                    }
                }
            }
        }
        List<NonWorkingDay> days = new ArrayList<>();
        names.forEach((date, summary) -> days.add(new NonWorkingDay(date, kind, summary, decree)));
        return new CalendarSource(name, decreesYears ? years : new TreeSet<>(), days);
    }

    /** What the days are and which years to read. */
    public static final class Builder {
        private DayKind kind = DayKind.REGIONAL_HOLIDAY;
        private String decree;
        private SortedSet<Integer> years = new TreeSet<>();
        private boolean decreesYears;

        private Builder() {
        }

        /** The kind of every day read; REGIONAL_HOLIDAY by default. */
        public Builder kind(DayKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Required: the decree the feed publishes (kept with every day, shown when a deadline is explained). */
        public Builder decree(String decree) {
            this.decree = decree;
            return this;
        }

        /** Required: the years to read (recurring events are expanded within them). */
        public Builder years(int first, int last) {
            if (last < first) {
                throw new IllegalArgumentException("years " + first + " to " + last + " run backwards");
            }
            this.years = new TreeSet<>();
            for (int y = first; y <= last; y++) {
                years.add(y);
            }
            return this;
        }

        /**
         * The feed carries the whole decree of those years: loading it makes them no longer provisional.
         * Off by default: a regional feed only adds days.
         */
        public Builder decreesYears(boolean decreesYears) {
            this.decreesYears = decreesYears;
            return this;
        }

        public IcsHolidays build() {
            if (decree == null || decree.isBlank()) {
                throw new IllegalStateException("IcsHolidays needs the decree the feed publishes (decree(...))");
            }
            if (years.isEmpty()) {
                throw new IllegalStateException("IcsHolidays needs the years to read (years(first, last))");
            }
            return new IcsHolidays(this);
        }
    }
}
