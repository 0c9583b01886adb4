package id.lapor.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.calendar.CalendarFormatException;
import id.lapor.core.calendar.CalendarSource;
import id.lapor.core.calendar.DayKind;
import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.NonWorkingDay;
import id.lapor.core.calendar.WorkingCalendar;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IcsHolidaysTest {
    private final IcsHolidays reader = IcsHolidays.builder()
            .decree("Peraturan Gubernur Kalimantan Tengah (test feed)")
            .years(2025, 2026)
            .build();

    private CalendarSource read(String resource) {
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            return reader.read(resource, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("all-day events become regional holidays, recurring ones in every year asked for, multi-day ones on each day")
    void readsAllDayEvents() {
        CalendarSource source = read("kalteng-2025-2026.ics");

        assertThat(source.days()).extracting(NonWorkingDay::date).containsExactly(
                LocalDate.of(2025, 5, 23), LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 19), LocalDate.of(2026, 5, 23));
        assertThat(source.days()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DayKind.REGIONAL_HOLIDAY);
            assertThat(d.decree()).contains("Peraturan Gubernur");
        });
        assertThat(source.days().get(0).name()).isEqualTo("Hari Jadi Provinsi Kalimantan Tengah");
        assertThat(source.decreedYears()).as("a regional feed only adds days").isEmpty();
    }

    @Test
    @DisplayName("loaded into the national calendar, a regional holiday moves deadlines")
    void movesDeadlines() {
        WorkingCalendar national = IndonesianCalendars.national(IndonesianTimeZone.WIB).build();
        WorkingCalendar kalteng = IndonesianCalendars.national(IndonesianTimeZone.WIB).id("kalteng-wib")
                .load(read("kalteng-2025-2026.ics")).build();
        Instant friday = Instant.parse("2026-05-15T03:00:00Z"); // Friday 15 May 2026, 10:00 WIB

        assertThat(national.isWorkingDay(LocalDate.of(2026, 5, 18))).isTrue();
        assertThat(kalteng.isWorkingDay(LocalDate.of(2026, 5, 18))).isFalse();
        assertThat(national.deadline(friday, 2).lastDay()).isEqualTo(LocalDate.of(2026, 5, 19));
        assertThat(kalteng.deadline(friday, 2).lastDay()).isEqualTo(LocalDate.of(2026, 5, 21));
    }

    @Test
    @DisplayName("a timed event is refused, naming it: a holiday is a whole day")
    void refusesTimedEvents() {
        assertThatThrownBy(() -> read("timed-event.ics")).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("timed-event.ics").hasMessageContaining("Rapat koordinasi")
                .hasMessageContaining("all-day");
    }

    @Test
    @DisplayName("a feed that is not iCalendar is refused with its name and line")
    void refusesBrokenFeeds() {
        assertThatThrownBy(() -> read("broken.ics")).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("broken.ics").hasMessageContaining("line");
    }

    @Test
    @DisplayName("the builder fails fast without a decree or years")
    void builderFailsFast() {
        assertThatThrownBy(() -> IcsHolidays.builder().years(2026, 2026).build()).hasMessageContaining("decree");
        assertThatThrownBy(() -> IcsHolidays.builder().decree("x").build()).hasMessageContaining("years");
    }
}
