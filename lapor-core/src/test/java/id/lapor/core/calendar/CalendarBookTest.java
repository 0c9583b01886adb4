package id.lapor.core.calendar;

import static id.lapor.core.calendar.Calendars.at;
import static id.lapor.core.calendar.Calendars.date;
import static id.lapor.core.calendar.IndonesianTimeZone.WIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A calendar book")
class CalendarBookTest {
    /** Not the real 2027 decree (none is at hand): a fixture in the same format. */
    private static final String DECREE_2027 = """
            @year 2027
            2027-01-01|NATIONAL_HOLIDAY|Tahun Baru 2027 Masehi|Test fixture, not the real 2027 decree
            2027-03-26|NATIONAL_HOLIDAY|Wafat Yesus Kristus|Test fixture, not the real 2027 decree
            2027-03-28|NATIONAL_HOLIDAY|Kebangkitan Yesus Kristus (Paskah)|Test fixture, not the real 2027 decree
            2027-03-29|COLLECTIVE_LEAVE|Cuti bersama (fixture)|Test fixture, not the real 2027 decree
            """;
    private static final CalendarId WIB_ID = CalendarId.of("id-national-wib");

    private final CalendarBook book = new CalendarBook();
    private final List<CalendarChanged> events = new ArrayList<>();

    @BeforeEach
    void publishNational() {
        book.addListener(events::add);
        book.publish(IndonesianCalendars.national(WIB).build(), "shipped national calendar");
    }

    @Test
    @DisplayName("publishes a new calendar as version 1 and tells listeners every covered year is new")
    void firstVersion() {
        assertThat(book.require(WIB_ID).version()).isEqualTo(1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.isNew()).isTrue();
            assertThat(e.oldVersion()).isZero();
            assertThat(e.newVersion()).isEqualTo(1);
            assertThat(e.yearsChanged()).first().isEqualTo(2025);
            assertThat(e.yearsChanged()).last().isEqualTo(2036);
            assertThat(e.reason()).isEqualTo("shipped national calendar");
        });
    }

    @Test
    @DisplayName("loading the decree of a provisional year publishes version 2 and ends the provisional flag")
    void loadingADecree() {
        Instant submitted = at("2027-03-25T10:00", WIB);
        assertThat(book.require(WIB_ID).deadline(submitted, 1).provisional()).isTrue();

        WorkingCalendar v2 = book.update(WIB_ID, b -> b.load(CalendarFormat.parse("decree-2027.txt", DECREE_2027)),
                "2027 decree");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.isProvisional(2027)).isFalse();
        Deadline deadline = v2.deadline(submitted, 1);
        assertThat(deadline.provisional()).isFalse();
        assertThat(deadline.lastDay()).isEqualTo(date("2027-03-30"));
        assertThat(events).last().satisfies(e -> {
            assertThat(e.id()).isEqualTo(WIB_ID);
            assertThat(e.oldVersion()).isEqualTo(1);
            assertThat(e.newVersion()).isEqualTo(2);
            assertThat(e.yearsChanged()).as("2027 is decreed, 2037 newly covered").containsExactly(2027, 2037);
            assertThat(e.reason()).isEqualTo("2027 decree");
        });
    }

    @Test
    @DisplayName("keeps old versions readable")
    void oldVersions() {
        book.update(WIB_ID, b -> b.remove(date("2025-08-18")), "amendment withdrawn (test)");

        assertThat(book.versions(WIB_ID)).extracting(WorkingCalendar::version).containsExactly(1, 2);
        assertThat(book.version(WIB_ID, 1)).hasValueSatisfying(v1 ->
                assertThat(v1.isWorkingDay(date("2025-08-18"))).isFalse());
        assertThat(book.require(WIB_ID).isWorkingDay(date("2025-08-18"))).isTrue();
        assertThat(book.version(WIB_ID, 3)).isEmpty();
        assertThat(events).last().satisfies(e -> assertThat(e.yearsChanged()).containsExactly(2025));
    }

    @Test
    @DisplayName("numbers what it publishes, whatever version the calendar carried")
    void renumbers() {
        WorkingCalendar v2 = book.publish(IndonesianCalendars.national(WIB).version(7).build(), "rebuilt");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(events).last().satisfies(e -> assertThat(e.yearsChanged()).isEmpty());
    }

    @Test
    @DisplayName("tells every listener even when one fails, and then reports the failure")
    void failingListener() {
        List<CalendarChanged> later = new ArrayList<>();
        book.addListener(e -> {
            throw new IllegalStateException("listener broke");
        });
        book.addListener(later::add);

        assertThatThrownBy(() -> book.update(WIB_ID, b -> b.decreed(2027), "2027 decree"))
                .isInstanceOf(CalendarException.class)
                .hasMessageContaining("v2 is published")
                .hasRootCauseMessage("listener broke");
        assertThat(later).hasSize(1);
        assertThat(book.require(WIB_ID).version()).isEqualTo(2);
    }

    @Test
    @DisplayName("stops telling a removed listener")
    void removeListener() {
        List<CalendarChanged> removed = new ArrayList<>();
        CalendarListener listener = removed::add;
        book.addListener(listener);
        book.removeListener(listener);

        book.update(WIB_ID, b -> b.decreed(2027), "2027 decree");

        assertThat(removed).isEmpty();
    }

    @Test
    @DisplayName("refuses an unknown calendar and a change without a reason")
    void refusals() {
        assertThatThrownBy(() -> book.require(CalendarId.of("id-62.71")))
                .isInstanceOf(CalendarException.class).hasMessageContaining("id-62.71");
        assertThatThrownBy(() -> book.publish(book.require(WIB_ID), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.ids()).containsExactly(WIB_ID);
    }
}
