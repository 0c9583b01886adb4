package id.lapor.core.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The holidays a calendar assumes for a year whose decree is not loaded: only those that can be computed.
 * Lunar and Saka holidays and collective leave cannot, which is why such a year stays provisional.
 */
@FunctionalInterface
public interface ProvisionalHolidays {
    /**
     * Indonesia's computable national holidays, in date order: 1 January, 1 May, 1 June, 17 August,
     * 25 December, and Good Friday, Easter Sunday and Ascension Day (Easter + 39 days).
     */
    ProvisionalHolidays INDONESIA = year -> {
        String decree = "Provisional: computed for " + year + ", no decree loaded";
        LocalDate easter = easterSunday(year);
        // Two rules can fall on one date (Ascension was 1 May in 2008): one day then carries both names.
        Map<LocalDate, String> names = new TreeMap<>();
        BiConsumer<LocalDate, String> add = (date, name) -> names.merge(date, name, (a, b) -> a + " / " + b);
        add.accept(LocalDate.of(year, Month.JANUARY, 1), "Tahun Baru " + year + " Masehi");
        add.accept(easter.minusDays(2), "Wafat Yesus Kristus");
        add.accept(easter, "Kebangkitan Yesus Kristus (Paskah)");
        add.accept(LocalDate.of(year, Month.MAY, 1), "Hari Buruh Internasional");
        add.accept(easter.plusDays(39), "Kenaikan Yesus Kristus");
        add.accept(LocalDate.of(year, Month.JUNE, 1), "Hari Lahir Pancasila");
        add.accept(LocalDate.of(year, Month.AUGUST, 17), "Hari Kemerdekaan Republik Indonesia (Proklamasi)");
        add.accept(LocalDate.of(year, Month.DECEMBER, 25), "Kelahiran Yesus Kristus (Natal)");
        List<NonWorkingDay> days = new ArrayList<>();
        names.forEach((date, name) -> days.add(new NonWorkingDay(date, DayKind.NATIONAL_HOLIDAY, name, decree)));
        return List.copyOf(days);
    };

    /** No dated holiday at all: a provisional year has only the weekly rest days. */
    ProvisionalHolidays NONE = year -> List.of();

    /**
     * The days to assume for {@code year}, each on a distinct date inside that year; the calendar rejects a
     * list that breaks this.
     */
    List<NonWorkingDay> forYear(int year);

    /** Western Easter Sunday of {@code year}, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
