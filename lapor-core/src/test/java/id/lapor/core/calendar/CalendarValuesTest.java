package id.lapor.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.InvalidValueException;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Calendar values")
class CalendarValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"id-national-wib", "id-62.71", "a", "x1"})
    @DisplayName("a calendar id is lower-case letters, digits, dots and dashes")
    void validIds(String value) {
        assertThat(CalendarId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "ID", "a b", "a/b"})
    @DisplayName("anything else is not a calendar id")
    void invalidIds(String value) {
        assertThatThrownBy(() -> CalendarId.of(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("a non-working day needs a one-line name and decree without '|'")
    void nonWorkingDay() {
        LocalDate date = LocalDate.of(2026, 8, 17);
        assertThatThrownBy(() -> new NonWorkingDay(date, DayKind.NATIONAL_HOLIDAY, " ", "SKB"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NonWorkingDay(date, DayKind.NATIONAL_HOLIDAY, "a|b", "SKB"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NonWorkingDay(date, DayKind.NATIONAL_HOLIDAY, "x", "line\nbreak"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("a work week needs a working day")
    void workWeek() {
        assertThatThrownBy(() -> new WorkWeek(Set.of())).isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("a change goes from version n to n + 1")
    void change() {
        assertThatThrownBy(() -> new CalendarChanged(CalendarId.of("x"), 1, 3, new TreeSet<>(Set.of(2026)), "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
