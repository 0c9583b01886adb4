package id.lapor.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The official Indonesian national calendars shipped with lapor: the national holidays and collective leave of
 * each year whose joint ministerial decree is known, as {@link CalendarFormat} resources under
 * {@code id/lapor/core/calendar/}. Regional holidays are not shipped: load them with {@link CalendarFormat}.
 */
public final class IndonesianCalendars {
    private static final String RESOURCE_2025 = "indonesia-national-2025.txt";
    private static final String RESOURCE_2026 = "indonesia-national-2026.txt";

    private IndonesianCalendars() {
    }

    /**
     * The 2025 decree, including the 18 August 2025 collective leave added by its mid-year amendment (that day's
     * decree names the amendment).
     */
    public static CalendarSource national2025() {
        return Shipped.Y2025;
    }

    /** The 2026 decree of 19 November 2025. */
    public static CalendarSource national2026() {
        return Shipped.Y2026;
    }

    /** Every shipped decree, in year order. */
    public static List<CalendarSource> nationalDecrees() {
        return List.of(Shipped.Y2025, Shipped.Y2026);
    }

    /**
     * A builder for the national calendar in {@code zone}, with every shipped decree loaded, under the id
     * {@code id-national-wib} (or {@code -wita}, {@code -wit}). Add regional holidays, or change the id, before
     * building.
     */
    public static WorkingCalendar.Builder national(IndonesianTimeZone zone) {
        WorkingCalendar.Builder builder = WorkingCalendar.builder()
                .id("id-national-" + zone.name().toLowerCase(Locale.ROOT))
                .zone(zone);
        nationalDecrees().forEach(builder::load);
        return builder;
    }

    private static CalendarSource resource(String name) {
        try (InputStream in = IndonesianCalendars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new CalendarException("shipped calendar resource " + name + " is missing from the classpath");
            }
            return CalendarFormat.read(name, in);
        } catch (IOException e) {
            throw new CalendarException("shipped calendar resource " + name + " cannot be read", e);
        }
    }

    // Parsed on first use, once: the sources are immutable.
    private static final class Shipped {
        static final CalendarSource Y2025 = resource(RESOURCE_2025);
        static final CalendarSource Y2026 = resource(RESOURCE_2026);
    }
}
