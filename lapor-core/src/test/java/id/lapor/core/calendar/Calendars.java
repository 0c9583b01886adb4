package id.lapor.core.calendar;

import static id.lapor.core.calendar.IndonesianTimeZone.WIB;
import static id.lapor.core.calendar.IndonesianTimeZone.WIT;
import static id.lapor.core.calendar.IndonesianTimeZone.WITA;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Test fixtures: the shipped national calendars and instants written in local time. */
final class Calendars {
    static final WorkingCalendar NATIONAL_WIB = IndonesianCalendars.national(WIB).build();
    static final WorkingCalendar NATIONAL_WITA = IndonesianCalendars.national(WITA).build();
    static final WorkingCalendar NATIONAL_WIT = IndonesianCalendars.national(WIT).build();

    private Calendars() {
    }

    static WorkingCalendar national(IndonesianTimeZone zone) {
        return switch (zone) {
            case WIB -> NATIONAL_WIB;
            case WITA -> NATIONAL_WITA;
            case WIT -> NATIONAL_WIT;
        };
    }

    /** {@code 2026-03-17T10:00} read in {@code zone}. */
    static Instant at(String localDateTime, IndonesianTimeZone zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone.zoneId()).toInstant();
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** 24:00 at the end of {@code iso} in {@code zone}. */
    static Instant endOf(String iso, IndonesianTimeZone zone) {
        return LocalDate.parse(iso).plusDays(1).atStartOfDay(zone.zoneId()).toInstant();
    }
}
