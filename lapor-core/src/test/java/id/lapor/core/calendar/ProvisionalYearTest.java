package id.lapor.core.calendar;

import static id.lapor.core.calendar.Calendars.at;
import static id.lapor.core.calendar.Calendars.date;
import static id.lapor.core.calendar.IndonesianTimeZone.WIB;
import static id.lapor.core.calendar.IndonesianTimeZone.WITA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A year without a decree")
class ProvisionalYearTest {
    private final WorkingCalendar lenient = IndonesianCalendars.national(WIB).build();
    private final WorkingCalendar strict = lenient.withStrict(true);

    @Test
    @DisplayName("is provisional until its decree is loaded")
    void provisional() {
        assertThat(lenient.isProvisional(2026)).isFalse();
        assertThat(lenient.isProvisional(2027)).isTrue();
        assertThat(lenient.isProvisional(2024)).isFalse();
        assertThat(lenient.provisionalYears()).first().isEqualTo(2027);
        assertThat(lenient.provisionalYears()).last().isEqualTo(2036);
    }

    @Test
    @DisplayName("has the fixed-date and Easter-based holidays, with Easter 2027 on 28 March")
    void computedHolidays() {
        assertThat(ProvisionalHolidays.easterSunday(2027)).isEqualTo(date("2027-03-28"));
        assertThat(lenient.nonWorkingDays(2027)).extracting(NonWorkingDay::date).containsExactly(
                date("2027-01-01"), date("2027-03-26"), date("2027-03-28"), date("2027-05-01"),
                date("2027-05-06"), date("2027-06-01"), date("2027-08-17"), date("2027-12-25"));
        assertThat(lenient.nonWorkingDay(date("2027-03-26"))).hasValueSatisfying(d -> {
            assertThat(d.name()).isEqualTo("Wafat Yesus Kristus");
            assertThat(d.decree()).contains("Provisional");
        });
        assertThat(lenient.isWorkingDay(date("2027-05-06"))).isFalse();
        assertThat(lenient.isWorkingDay(date("2027-05-07"))).isTrue();
    }

    @Test
    @DisplayName("gives one day two names when two computable holidays coincide")
    void coinciding() {
        assertThat(ProvisionalHolidays.INDONESIA.forYear(2008)).filteredOn(d -> d.date().equals(date("2008-05-01")))
                .singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("Hari Buruh Internasional / Kenaikan Yesus Kristus"));
        assertThat(ProvisionalHolidays.INDONESIA.forYear(2008)).hasSize(7);
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"1943, 1943-04-25", "2000, 2000-04-23", "2019, 2019-04-21", "2024, 2024-03-31",
        "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25", "2285, 2285-03-22"})
    @DisplayName("Easter Sunday follows the anonymous Gregorian algorithm")
    void easter(int year, LocalDate easter) {
        assertThat(ProvisionalHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    @DisplayName("flags every deadline that uses it as provisional")
    void flagsDeadlines() {
        Deadline goodFriday = lenient.deadline(at("2027-03-25T10:00", WIB), 1);
        Deadline acrossNewYear = lenient.deadline(at("2026-12-31T10:00", WIB), 1);
        Deadline within2026 = lenient.deadline(at("2026-12-21T10:00", WIB), 2);

        assertThat(goodFriday.lastDay()).isEqualTo(date("2027-03-29"));
        assertThat(goodFriday.provisional()).isTrue();
        assertThat(acrossNewYear.lastDay()).isEqualTo(date("2027-01-04"));
        assertThat(acrossNewYear.provisional()).isTrue();
        assertThat(within2026.provisional()).isFalse();
        assertThat(lenient.extend(within2026, 10).provisional()).isTrue();
        assertThat(lenient.pause(at("2026-12-30T10:00", WIB), at("2027-01-05T10:00", WIB)).provisional()).isTrue();
        LocalDate afterNewYear = lenient.addWorkingDays(date("2026-12-31"), 1);
        assertThat(lenient.isProvisional(date("2026-12-31"), afterNewYear)).isTrue();
        assertThat(lenient.isProvisional(date("2026-12-21"), date("2026-12-23"))).isFalse();
    }

    @Test
    @DisplayName("is refused by a strict calendar with a clear exception")
    void strictRefuses() {
        assertThatThrownBy(() -> strict.deadline(at("2026-12-31T10:00", WIB), 1))
                .isInstanceOf(ProvisionalYearException.class)
                .hasMessageContaining("strict")
                .hasMessageContaining("2027")
                .satisfies(e -> assertThat(((ProvisionalYearException) e).years()).containsExactly(2027));
        assertThatThrownBy(() -> strict.isWorkingDay(date("2028-02-01")))
                .isInstanceOf(ProvisionalYearException.class)
                .hasMessageContaining("2028");
        assertThat(strict.deadline(at("2026-12-21T10:00", WIB), 2).lastDay()).isEqualTo(date("2026-12-23"));
    }

    @Test
    @DisplayName("is refused by a calendar built strict")
    void builtStrict() {
        WorkingCalendar built = IndonesianCalendars.national(WITA).strict(true).build();

        assertThat(built.isStrict()).isTrue();
        assertThatThrownBy(() -> built.addWorkingDays(date("2026-12-30"), 5))
                .isInstanceOf(ProvisionalYearException.class);
    }

    @Test
    @DisplayName("between decreed years is provisional too")
    void gap() {
        WorkingCalendar calendar = IndonesianCalendars.national(WIB).decreed(2028).strict(true).build();

        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isProvisional(2028)).isFalse();
        assertThatThrownBy(() -> calendar.workingDaysBetween(date("2026-06-01"), date("2028-06-01")))
                .isInstanceOf(ProvisionalYearException.class)
                .satisfies(e -> assertThat(((ProvisionalYearException) e).years()).containsExactly(2027));
    }

    @Test
    @DisplayName("is reported by one warning per year, not one per call")
    void warnsOncePerYear() {
        List<String> lines = capturingLog(() -> {
            for (int i = 0; i < 50; i++) {
                lenient.deadline(at("2027-03-25T10:00", WIB), 1);
                lenient.isWorkingDay(date("2027-06-01"));
            }
            lenient.isWorkingDay(date("2028-06-01"));
            lenient.isWorkingDay(date("2028-06-02"));
        });

        assertThat(lines).filteredOn(l -> l.contains("no decree loaded for 2027")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains("no decree loaded for 2028")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains("WARN")).hasSize(2);
    }

    @Test
    @DisplayName("does not make a date before the first year acceptable")
    void beforeFirstYear() {
        assertThatThrownBy(() -> lenient.addWorkingDays(date("2024-06-03"), 1))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessageContaining("2024-06-03 is before 2025")
                .satisfies(e -> assertThat(((CalendarRangeException) e).date()).isEqualTo(date("2024-06-03")));
    }

    @Test
    @DisplayName("extends coverage only up to the horizon")
    void horizon() {
        WorkingCalendar short1 = IndonesianCalendars.national(WIB).provisionalHorizon(1).build();
        WorkingCalendar none = IndonesianCalendars.national(WIB).provisionalHorizon(0).build();

        assertThat(short1.isWorkingDay(date("2027-12-31"))).isTrue();
        assertThatThrownBy(() -> short1.isWorkingDay(date("2028-01-03")))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessageContaining("2027");
        assertThat(none.provisionalYears()).isEmpty();
        assertThatThrownBy(() -> none.deadline(at("2026-12-31T10:00", WIB), 1))
                .isInstanceOf(CalendarRangeException.class);
    }

    @Test
    @DisplayName("can assume only weekends")
    void weekendsOnly() {
        WorkingCalendar calendar = IndonesianCalendars.national(WIB)
                .provisionalHolidays(ProvisionalHolidays.NONE).build();

        assertThat(calendar.isWorkingDay(date("2027-03-26"))).isTrue();
        assertThat(calendar.nonWorkingDays(2027)).isEmpty();
    }

    /** Runs {@code action} and returns what SLF4J Simple wrote meanwhile (to System.err by default, or out). */
    private static List<String> capturingLog(Runnable action) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            action.run();
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        return new ArrayList<>(captured.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
