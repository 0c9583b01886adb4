package id.lapor.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shipped Indonesian national calendars")
class IndonesianCalendarsTest {

    @Test
    @DisplayName("2025 has exactly the holidays and collective leave of the decree and its amendment")
    void national2025() {
        CalendarSource source = IndonesianCalendars.national2025();

        assertThat(source.decreedYears()).containsExactly(2025);
        assertThat(datesOf(source, DayKind.NATIONAL_HOLIDAY)).containsExactlyElementsOf(dates(2025,
                "01-01", "01-27", "01-29", "03-29", "03-31", "04-01", "04-18", "04-20", "05-01", "05-12", "05-29",
                "06-01", "06-06", "06-27", "08-17", "09-05", "12-25"));
        assertThat(datesOf(source, DayKind.COLLECTIVE_LEAVE)).containsExactlyElementsOf(dates(2025,
                "01-28", "03-28", "04-02", "04-03", "04-04", "04-07", "05-13", "05-30", "06-09", "08-18", "12-26"));
        assertThat(source.days()).hasSize(28);
    }

    @Test
    @DisplayName("the 18 August 2025 collective leave comes from the amendment, the other days from the decree")
    void amendment2025() {
        CalendarSource source = IndonesianCalendars.national2025();

        assertThat(source.days()).filteredOn(d -> d.date().equals(LocalDate.of(2025, 8, 18)))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(DayKind.COLLECTIVE_LEAVE);
                    assertThat(d.decree()).startsWith("Amendment");
                });
        assertThat(source.days()).filteredOn(d -> !d.date().equals(LocalDate.of(2025, 8, 18)))
                .allSatisfy(d -> assertThat(d.decree()).startsWith("Joint decree (SKB)"));
    }

    @Test
    @DisplayName("2026 has exactly the holidays and collective leave of the decree of 19 November 2025")
    void national2026() {
        CalendarSource source = IndonesianCalendars.national2026();

        assertThat(source.decreedYears()).containsExactly(2026);
        assertThat(datesOf(source, DayKind.NATIONAL_HOLIDAY)).containsExactlyElementsOf(dates(2026,
                "01-01", "01-16", "02-17", "03-19", "03-21", "03-22", "04-03", "04-05", "05-01", "05-14", "05-27",
                "05-31", "06-01", "06-16", "08-17", "08-25", "12-25"));
        assertThat(datesOf(source, DayKind.COLLECTIVE_LEAVE)).containsExactlyElementsOf(dates(2026,
                "02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24"));
        assertThat(source.days()).hasSize(25)
                .allSatisfy(d -> assertThat(d.decree()).contains("2026").contains("19 November 2025"));
    }

    @Test
    @DisplayName("the days carry their Indonesian names")
    void names() {
        assertThat(IndonesianCalendars.national2026().days()).extracting(NonWorkingDay::name)
                .anyMatch(n -> n.startsWith("Hari Suci Nyepi"))
                .anyMatch(n -> n.startsWith("Idul Fitri 1447"))
                .anyMatch(n -> n.startsWith("Isra Mikraj"))
                .anyMatch(n -> n.startsWith("Kenaikan Yesus Kristus"))
                .anyMatch(n -> n.startsWith("Hari Lahir Pancasila"))
                .anyMatch(n -> n.startsWith("Maulid Nabi"));
    }

    @Test
    @DisplayName("the computable holidays agree with the decreed ones in 2025 and 2026")
    void computableHolidaysAgreeWithDecrees() {
        for (CalendarSource source : IndonesianCalendars.nationalDecrees()) {
            int year = source.decreedYears().first();
            List<LocalDate> decreed = source.days().stream().map(NonWorkingDay::date).toList();
            assertThat(ProvisionalHolidays.INDONESIA.forYear(year)).extracting(NonWorkingDay::date)
                    .as("computable holidays of %d", year)
                    .isSubsetOf(decreed);
        }
    }

    @Test
    @DisplayName("the national calendars are named by zone and start in 2025")
    void nationalCalendars() {
        assertThat(Calendars.NATIONAL_WIB.id()).isEqualTo(CalendarId.of("id-national-wib"));
        assertThat(Calendars.NATIONAL_WITA.zone().getId()).isEqualTo("Asia/Makassar");
        assertThat(Calendars.NATIONAL_WIT.zone().getId()).isEqualTo("Asia/Jayapura");
        assertThat(Calendars.NATIONAL_WIB.version()).isEqualTo(1);
        assertThat(Calendars.NATIONAL_WIB.decreedYears()).containsExactly(2025, 2026);
        assertThat(Calendars.NATIONAL_WIB.firstYear()).isEqualTo(2025);
        assertThat(Calendars.NATIONAL_WIB.lastYear()).isEqualTo(2036);
    }

    private static List<LocalDate> datesOf(CalendarSource source, DayKind kind) {
        return source.days().stream().filter(d -> d.kind() == kind).map(NonWorkingDay::date).toList();
    }

    private static List<LocalDate> dates(int year, String... monthDays) {
        return Stream.of(monthDays).map(md -> LocalDate.parse(year + "-" + md)).collect(Collectors.toList());
    }
}
