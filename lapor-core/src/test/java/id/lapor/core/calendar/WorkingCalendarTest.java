package id.lapor.core.calendar;

import static id.lapor.core.calendar.Calendars.NATIONAL_WIB;
import static id.lapor.core.calendar.Calendars.NATIONAL_WIT;
import static id.lapor.core.calendar.Calendars.NATIONAL_WITA;
import static id.lapor.core.calendar.Calendars.at;
import static id.lapor.core.calendar.Calendars.date;
import static id.lapor.core.calendar.Calendars.endOf;
import static id.lapor.core.calendar.IndonesianTimeZone.WIB;
import static id.lapor.core.calendar.IndonesianTimeZone.WIT;
import static id.lapor.core.calendar.IndonesianTimeZone.WITA;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("A working calendar")
class WorkingCalendarTest {

    @Nested
    @DisplayName("applies the deadline rule")
    class DeadlineRule {

        @ParameterizedTest(name = "in {0}")
        @EnumSource(IndonesianTimeZone.class)
        @DisplayName("a report submitted on Tuesday 17 March 2026 at 10:00 WIB with 3 working days is due at the end"
                + " of Friday 27 March 2026, after Nyepi, Idul Fitri and collective leave")
        void seventeenthOfMarch2026(IndonesianTimeZone zone) {
            Instant submitted = at("2026-03-17T10:00", WIB);

            Deadline deadline = Calendars.national(zone).deadline(submitted, 3);

            assertThat(deadline.lastDay()).isEqualTo(date("2026-03-27"));
            assertThat(deadline.due()).isEqualTo(endOf("2026-03-27", zone));
            assertThat(deadline.zone()).isEqualTo(zone.zoneId());
            assertThat(deadline.provisional()).isFalse();
        }

        @Test
        @DisplayName("the deadline is 24:00 local time, the first instant of the next day")
        void dueAtMidnight() {
            Deadline deadline = NATIONAL_WIB.deadline(at("2026-03-17T10:00", WIB), 3);

            assertThat(deadline.due()).isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));
            assertThat(deadline.isOverdueAt(Instant.parse("2026-03-27T16:59:59Z"))).isFalse();
            assertThat(deadline.isOverdueAt(Instant.parse("2026-03-27T17:00:00Z"))).isTrue();
        }

        @ParameterizedTest(name = "{0} in {1}, {2} working days -> end of {3}")
        @CsvSource({
            // Idul Fitri 2025: 28 Mar leave, 29 Nyepi, 31 Mar-1 Apr Idul Fitri, 2-4 and 7 Apr leave.
            "2025-03-24T23:30, WIB,  WIB,  3, 2025-03-27",
            "2025-03-24T23:30, WIB,  WITA, 3, 2025-04-08",   // 00:30 WITA on the 25th
            "2025-03-24T23:30, WIB,  WIT,  3, 2025-04-08",   // 01:30 WIT on the 25th
            "2025-03-31T09:00, WITA, WIB,  1, 2025-04-08",   // submitted on Idul Fitri
            "2025-03-31T09:00, WITA, WITA, 1, 2025-04-08",
            "2025-03-31T09:00, WITA, WIT,  1, 2025-04-08",
            "2025-03-28T15:00, WIT,  WIT,  5, 2025-04-14",   // submitted on collective leave
            "2025-03-26T10:00, WIB,  WIB,  2, 2025-04-08",
            // Idul Fitri 2026: 18 Mar leave, 19 Nyepi, 20 leave, 21-22 Idul Fitri (a weekend), 23-24 leave.
            "2026-03-24T23:30, WIB,  WIB,  1, 2026-03-25",
            "2026-03-24T23:30, WIB,  WITA, 1, 2026-03-26",   // already the 25th in WITA
            "2026-03-24T23:30, WIB,  WIT,  1, 2026-03-26",
            "2026-03-21T10:00, WIT,  WIT,  2, 2026-03-26",   // submitted on Idul Fitri, a Saturday
            "2026-03-21T10:00, WIT,  WIB,  2, 2026-03-26",
            "2026-03-17T23:30, WIB,  WITA, 3, 2026-03-27",
            // Christmas 2025: 25 Dec holiday, 26 Dec leave.
            "2025-12-24T10:00, WITA, WITA, 1, 2025-12-29",
            "2025-12-24T10:00, WITA, WIB,  1, 2025-12-29",
            "2025-12-25T20:00, WIT,  WIT,  3, 2025-12-31",   // submitted on Christmas Day
            "2025-12-25T20:00, WIT,  WIB,  3, 2025-12-31",
            "2025-12-31T10:00, WIB,  WIB,  1, 2026-01-02",   // across the new year holiday
            // Christmas 2026: 24 Dec leave, 25 Dec holiday, 26-27 a weekend.
            "2026-12-23T16:00, WIB,  WIB,  2, 2026-12-29",
            "2026-12-22T23:30, WIB,  WIB,  1, 2026-12-23",
            "2026-12-22T23:30, WIB,  WITA, 1, 2026-12-28",   // already the 23rd in WITA
            "2026-12-22T23:30, WIB,  WIT,  1, 2026-12-28",
            "2026-12-24T08:00, WIT,  WIT,  1, 2026-12-28",   // submitted on collective leave
            // The 2025 amendment: 18 August 2025 is collective leave.
            "2025-08-15T10:00, WIB,  WIB,  1, 2025-08-19",
            "2025-08-15T23:30, WIB,  WIT,  1, 2025-08-19",   // a Saturday in WIT
            "2025-08-15T10:00, WITA, WITA, 1, 2025-08-19",
            "2025-08-18T09:00, WITA, WITA, 2, 2025-08-20",   // submitted on the added leave day
            "2025-08-17T09:00, WIT,  WIT,  1, 2025-08-19",   // submitted on Independence Day
            // Weekends.
            "2026-03-14T10:00, WIB,  WIB,  1, 2026-03-16",
            "2026-03-15T23:30, WIB,  WIB,  1, 2026-03-16",
            "2026-03-15T23:30, WIB,  WIT,  1, 2026-03-17",   // already Monday in WIT
        })
        @DisplayName("real 2025 and 2026 dates give the deadline of the unit's own zone")
        void realDates(String local, IndonesianTimeZone submittedIn, IndonesianTimeZone calendarZone, int days,
                String lastDay) {
            Deadline deadline = Calendars.national(calendarZone).deadline(at(local, submittedIn), days);

            assertThat(deadline.lastDay()).isEqualTo(date(lastDay));
            assertThat(deadline.due()).isEqualTo(endOf(lastDay, calendarZone));
            assertThat(deadline.provisional()).isFalse();
        }

        @Test
        @DisplayName("without the 2025 amendment the deadline would fall on 18 August 2025")
        void withoutAmendment() {
            WorkingCalendar unamended = NATIONAL_WIB.toBuilder().remove(date("2025-08-18")).build();

            assertThat(unamended.deadline(at("2025-08-15T10:00", WIB), 1).lastDay()).isEqualTo(date("2025-08-18"));
            assertThat(NATIONAL_WIB.deadline(at("2025-08-15T10:00", WIB), 1).lastDay()).isEqualTo(date("2025-08-19"));
        }

        @Test
        @DisplayName("zero working days are due at the end of the event's own date")
        void zeroDays() {
            Deadline deadline = NATIONAL_WITA.deadline(at("2026-03-21T10:00", WITA), 0);

            assertThat(deadline.lastDay()).isEqualTo(date("2026-03-21"));
            assertThat(deadline.due()).isEqualTo(endOf("2026-03-21", WITA));
        }

        @Test
        @DisplayName("a negative number of working days is refused")
        void negative() {
            assertThatThrownBy(() -> NATIONAL_WIB.deadline(at("2026-03-17T10:00", WIB), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("warns before the deadline")
    class Warnings {
        private final Instant submitted = at("2026-03-17T10:00", WIB);

        @Test
        @DisplayName("at share s, at the end of working day floor(s x N)")
        void atShare() {
            Optional<Deadline> warning = NATIONAL_WIB.warning(submitted, 5, 0.5);

            assertThat(warning).hasValueSatisfying(w -> {
                assertThat(w.lastDay()).isEqualTo(date("2026-03-26"));
                assertThat(w.due()).isEqualTo(endOf("2026-03-26", WIB));
            });
        }

        @Test
        @DisplayName("not at all when floor(s x N) is 0")
        void none() {
            assertThat(NATIONAL_WIB.warning(submitted, 5, 0.1)).isEmpty();
            assertThat(NATIONAL_WIB.warning(submitted, 3, 0.0)).isEmpty();
        }

        @Test
        @DisplayName("at share 1, at the deadline itself")
        void atOne() {
            assertThat(NATIONAL_WIB.warning(submitted, 3, 1.0)).contains(NATIONAL_WIB.deadline(submitted, 3));
        }

        @Test
        @DisplayName("with the product taken in decimal, so 0.29 of 100 days is day 29")
        void decimalProduct() {
            assertThat(NATIONAL_WIB.warning(submitted, 100, 0.29))
                    .contains(NATIONAL_WIB.deadline(submitted, 29));
        }

        @Test
        @DisplayName("refuses a share outside [0, 1]")
        void badShare() {
            assertThatThrownBy(() -> NATIONAL_WIB.warning(submitted, 5, 1.5))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NATIONAL_WIB.warning(submitted, 5, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("pauses and extends deadlines")
    class PausesAndExtensions {

        @Test
        @DisplayName("a pause lasts the working days from the day after it starts to the day it ends")
        void pause() {
            Pause pause = NATIONAL_WIB.pause(at("2026-03-17T10:00", WIB), at("2026-03-27T09:00", WIB));

            assertThat(pause.workingDays()).isEqualTo(3);
            assertThat(pause.provisional()).isFalse();
        }

        @Test
        @DisplayName("a pause within one local day lasts no working day")
        void sameDay() {
            assertThat(NATIONAL_WIB.pause(at("2026-03-25T08:00", WIB), at("2026-03-25T16:00", WIB)).workingDays())
                    .isZero();
        }

        @Test
        @DisplayName("a pause counts in the calendar's zone")
        void pauseInZone() {
            Instant from = at("2026-03-24T23:30", WIB);
            Instant to = at("2026-03-25T10:00", WIB);

            assertThat(NATIONAL_WIB.pause(from, to).workingDays()).isEqualTo(1);
            assertThat(NATIONAL_WITA.pause(from, to).workingDays()).isZero();
        }

        @Test
        @DisplayName("a pause that ends before it starts is refused")
        void backwards() {
            assertThatThrownBy(() -> NATIONAL_WIB.pause(at("2026-03-25T08:00", WIB), at("2026-03-24T08:00", WIB)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("extending a deadline by k working days gives the deadline of N + k working days")
        void extend() {
            Instant submitted = at("2026-12-21T10:00", WIT);
            Deadline deadline = NATIONAL_WIT.deadline(submitted, 2);
            Pause pause = NATIONAL_WIT.pause(at("2026-12-22T10:00", WIT), at("2026-12-29T10:00", WIT));

            assertThat(pause.workingDays()).as("23, 28 and 29 December").isEqualTo(3);
            assertThat(NATIONAL_WIT.extend(deadline, pause)).isEqualTo(NATIONAL_WIT.deadline(submitted, 5));
            assertThat(NATIONAL_WIT.extend(deadline, 2)).isEqualTo(NATIONAL_WIT.deadline(submitted, 4));
            assertThat(NATIONAL_WIT.extend(deadline, 0)).isEqualTo(deadline);
        }

        @Test
        @DisplayName("a deadline from another zone is not extended")
        void otherZone() {
            Deadline deadline = NATIONAL_WIB.deadline(at("2026-03-17T10:00", WIB), 3);

            assertThatThrownBy(() -> NATIONAL_WIT.extend(deadline, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Asia/Jakarta");
        }
    }

    @Nested
    @DisplayName("does arithmetic on dates")
    class DateArithmetic {

        @Test
        @DisplayName("knows working days, holidays, collective leave and weekends")
        void workingDays() {
            assertThat(NATIONAL_WIB.isWorkingDay(date("2026-03-17"))).isTrue();
            assertThat(NATIONAL_WIB.isWorkingDay(date("2026-03-18"))).isFalse();
            assertThat(NATIONAL_WIB.isWorkingDay(date("2026-03-19"))).isFalse();
            assertThat(NATIONAL_WIB.isWorkingDay(date("2026-03-28"))).isFalse();
            assertThat(NATIONAL_WIB.isWorkingDay(date("2025-08-18"))).isFalse();
            assertThat(NATIONAL_WIB.isWorkingDay(at("2026-03-17T23:30", WIB))).isTrue();
            assertThat(NATIONAL_WITA.isWorkingDay(at("2026-03-17T23:30", WIB))).isFalse();
            assertThat(NATIONAL_WIB.nonWorkingDay(date("2026-03-19")))
                    .hasValueSatisfying(d -> assertThat(d.name()).startsWith("Hari Suci Nyepi"));
            assertThat(NATIONAL_WIB.nonWorkingDay(date("2026-03-28"))).isEmpty();
        }

        @Test
        @DisplayName("adds working days strictly after the start, and zero days returns the start itself")
        void add() {
            assertThat(NATIONAL_WIB.addWorkingDays(date("2026-03-17"), 1)).isEqualTo(date("2026-03-25"));
            assertThat(NATIONAL_WIB.addWorkingDays(date("2026-03-21"), 3)).isEqualTo(date("2026-03-27"));
            assertThat(NATIONAL_WIB.addWorkingDays(date("2026-03-21"), 0)).isEqualTo(date("2026-03-21"));
            assertThat(NATIONAL_WITA.addWorkingDays(at("2026-03-24T23:30", WIB), 1)).isEqualTo(date("2026-03-26"));
        }

        @Test
        @DisplayName("counts working days in (from, to], negative when to comes first")
        void between() {
            assertThat(NATIONAL_WIB.workingDaysBetween(date("2026-03-17"), date("2026-03-27"))).isEqualTo(3);
            assertThat(NATIONAL_WIB.workingDaysBetween(date("2026-03-27"), date("2026-03-17"))).isEqualTo(-3);
            assertThat(NATIONAL_WIB.workingDaysBetween(date("2026-03-17"), date("2026-03-17"))).isZero();
            // 261 weekdays in 2025, less the 24 of its 28 dated days that fall on one (29 Mar, 20 Apr, 1 Jun and
            // 17 Aug are weekend days).
            assertThat(NATIONAL_WIB.workingDaysBetween(date("2025-01-01"), date("2025-12-31"))).isEqualTo(237);
        }

        @Test
        @DisplayName("refuses a date before its first year, naming the date and the year")
        void beforeFirstYear() {
            assertThatThrownBy(() -> NATIONAL_WIB.isWorkingDay(date("2024-12-31")))
                    .isInstanceOf(CalendarRangeException.class)
                    .hasMessageContaining("2024-12-31")
                    .hasMessageContaining("2025");
            assertThatThrownBy(() -> NATIONAL_WIB.deadline(at("2024-12-31T23:30", WIT), 1))
                    .isInstanceOf(CalendarRangeException.class);
        }

        @Test
        @DisplayName("refuses a result past its provisional horizon")
        void pastHorizon() {
            assertThatThrownBy(() -> NATIONAL_WIB.isWorkingDay(date("2037-01-01")))
                    .isInstanceOf(CalendarRangeException.class)
                    .hasMessageContaining("2036");
            assertThatThrownBy(() -> NATIONAL_WIB.addWorkingDays(date("2036-12-01"), 100))
                    .isInstanceOf(CalendarRangeException.class)
                    .hasMessageContaining("2036-12-01")
                    .hasMessageContaining("2036");
        }

        @Test
        @DisplayName("does not overflow on the largest count")
        void largestCount() {
            assertThatThrownBy(() -> NATIONAL_WIB.addWorkingDays(date("2026-03-17"), Integer.MAX_VALUE))
                    .isInstanceOf(CalendarRangeException.class);
            LocalDate lastCovered = date("2036-12-31");
            assertThat(NATIONAL_WIB.addWorkingDays(lastCovered, 0)).isEqualTo(lastCovered);
            assertThat(NATIONAL_WIB.endOf(lastCovered)).isEqualTo(Instant.parse("2036-12-31T17:00:00Z"));
        }
    }

    @Nested
    @DisplayName("is built by a builder that fails fast")
    class Building {

        @Test
        @DisplayName("an id, a zone and a decreed year are required")
        void required() {
            assertThatThrownBy(() -> WorkingCalendar.builder().zone(WIB).decreed(2026).build())
                    .isInstanceOf(CalendarException.class).hasMessageContaining("id required");
            assertThatThrownBy(() -> WorkingCalendar.builder().id("x").decreed(2026).build())
                    .isInstanceOf(CalendarException.class).hasMessageContaining("zone required");
            assertThatThrownBy(() -> WorkingCalendar.builder().id("x").zone(WIB).build())
                    .isInstanceOf(CalendarException.class).hasMessageContaining("decreed year");
        }

        @Test
        @DisplayName("defaults to Monday to Friday, version 1, ten provisional years and lenient mode")
        void defaults() {
            WorkingCalendar calendar = WorkingCalendar.builder().id("x").zone(ZoneId.of("Asia/Jakarta"))
                    .decreed(2026).build();

            assertThat(calendar.workWeek()).isEqualTo(WorkWeek.MONDAY_TO_FRIDAY);
            assertThat(calendar.version()).isEqualTo(1);
            assertThat(calendar.lastYear()).isEqualTo(2036);
            assertThat(calendar.isStrict()).isFalse();
        }

        @Test
        @DisplayName("a day before the first decreed year or past the horizon is refused")
        void daysOutsideCoverage() {
            WorkingCalendar.Builder builder = WorkingCalendar.builder().id("x").zone(WIB).decreed(2026)
                    .provisionalHorizon(1);

            assertThatThrownBy(() -> builder.add(regional("2025-12-31")).build())
                    .isInstanceOf(CalendarException.class).hasMessageContaining("2025-12-31");
            assertThatThrownBy(() -> builder.remove(date("2025-12-31")).add(regional("2028-01-03")).build())
                    .isInstanceOf(CalendarException.class).hasMessageContaining("2027");
        }

        @Test
        @DisplayName("a calendar covers at most 64 years")
        void span() {
            assertThatThrownBy(() -> WorkingCalendar.builder().id("x").zone(WIB).decreed(1970).decreed(2026).build())
                    .isInstanceOf(CalendarException.class).hasMessageContaining("64");
            assertThatThrownBy(() -> WorkingCalendar.builder().provisionalHorizon(64))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a different work week changes the working days")
        void workWeek() {
            WorkingCalendar sixDays = NATIONAL_WIB.toBuilder()
                    .workWeek(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY)
                    .build();

            assertThat(sixDays.isWorkingDay(date("2026-03-14"))).isTrue();
            assertThat(sixDays.isWorkingDay(date("2026-03-21"))).isFalse();
        }

        private NonWorkingDay regional(String date) {
            return new NonWorkingDay(date(date), DayKind.REGIONAL_HOLIDAY, "Hari jadi", "Regional regulation");
        }
    }
}
