package id.lapor.core.calendar;

import static id.lapor.core.calendar.Calendars.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The calendar line format")
class CalendarFormatTest {
    private static final String REGIONAL = """
            # Kota Palangka Raya: regional holidays
            2026-06-17 | REGIONAL_HOLIDAY | Hari Jadi Kota Palangka Raya | Mayor's decree (test fixture)

            2027-06-17|REGIONAL_HOLIDAY|Hari Jadi Kota Palangka Raya|Mayor's decree (test fixture)
            """;

    @Test
    @DisplayName("reads days, skips comments and blank lines, and trims fields")
    void reads() {
        CalendarSource source = CalendarFormat.parse("regional-62.71.txt", REGIONAL);

        assertThat(source.name()).isEqualTo("regional-62.71.txt");
        assertThat(source.decreedYears()).isEmpty();
        assertThat(source.days()).containsExactly(
                new NonWorkingDay(date("2026-06-17"), DayKind.REGIONAL_HOLIDAY, "Hari Jadi Kota Palangka Raya",
                        "Mayor's decree (test fixture)"),
                new NonWorkingDay(date("2027-06-17"), DayKind.REGIONAL_HOLIDAY, "Hari Jadi Kota Palangka Raya",
                        "Mayor's decree (test fixture)"));
    }

    @Test
    @DisplayName("reads the years a file decrees and a byte-order mark")
    void yearsAndBom() {
        CalendarSource source = CalendarFormat.read("decree.txt", new ByteArrayInputStream(
                "\uFEFF@year 2027\n2027-01-01|NATIONAL_HOLIDAY|Tahun Baru 2027 Masehi|SKB 2027 (test fixture)\n"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(source.decreedYears()).containsExactly(2027);
        assertThat(source.days()).hasSize(1);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
        "2026-02-30|NATIONAL_HOLIDAY|x|y;                  bad date '2026-02-30'",
        "17-08-2026|NATIONAL_HOLIDAY|x|y;                  bad date '17-08-2026'",
        "2026-08-17|HOLIDAY|x|y;                           unknown kind 'HOLIDAY'",
        "2026-08-17|NATIONAL_HOLIDAY|x;                    missing decree",
        "2026-08-17|NATIONAL_HOLIDAY||y;                   missing name",
        "2026-08-17;                                       missing kind",
        "2026-08-17|NATIONAL_HOLIDAY|x|y|z;                too many fields",
        "2026-01-01|NATIONAL_HOLIDAY|again|y;              duplicate date 2026-01-01 (already on line 2)",
        "@years 2026;                                      unknown directive '@years'",
        "@year twenty;                                     bad year 'twenty'",
        "@year 2026;                                       year 2026 is declared twice",
    })
    @DisplayName("names the source and the line of a bad line")
    void badLine(String line, String problem) {
        String text = "@year 2026\n2026-01-01|NATIONAL_HOLIDAY|Tahun Baru 2026 Masehi|SKB\n# comment\n" + line + "\n";

        assertThatThrownBy(() -> CalendarFormat.parse("bad.txt", text))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageStartingWith("bad.txt line 4: " + problem)
                .satisfies(e -> {
                    CalendarFormatException f = (CalendarFormatException) e;
                    assertThat(f.source()).isEqualTo("bad.txt");
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.problem()).startsWith(problem);
                });
    }

    @Test
    @DisplayName("refuses a date outside the years the file decrees, naming its line")
    void outsideDecreedYears() {
        String text = "@year 2027\n2027-01-01|NATIONAL_HOLIDAY|x|y\n2072-01-01|NATIONAL_HOLIDAY|typo|y\n";

        assertThatThrownBy(() -> CalendarFormat.parse("decree-2027.txt", text))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageStartingWith("decree-2027.txt line 3: date 2072-01-01 lies outside");
    }

    @Test
    @DisplayName("reads files and names them in errors")
    void files(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("regional.txt"), REGIONAL);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "2026-06-17|REGIONAL|x|y\n");

        assertThat(CalendarFormat.read(good).days()).hasSize(2);
        assertThatThrownBy(() -> CalendarFormat.read(bad)).hasMessageStartingWith(bad + " line 1: unknown kind");
        assertThatThrownBy(() -> CalendarFormat.read(dir.resolve("missing.txt")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("missing.txt");
    }

    @Test
    @DisplayName("writes what it reads")
    void roundTrip() {
        for (CalendarSource source : IndonesianCalendars.nationalDecrees()) {
            assertThat(CalendarFormat.parse(source.name(), CalendarFormat.write(source))).isEqualTo(source);
        }
    }

    @Test
    @DisplayName("loads a file into a calendar whole or not at all")
    void nothingHalfLoaded() {
        WorkingCalendar.Builder builder = IndonesianCalendars.national(IndonesianTimeZone.WIB);
        CalendarSource clashing = CalendarSource.of("regional.txt", List.of(
                new NonWorkingDay(date("2026-06-17"), DayKind.REGIONAL_HOLIDAY, "Hari Jadi", "Perda"),
                new NonWorkingDay(date("2026-08-17"), DayKind.REGIONAL_HOLIDAY, "Clash", "Perda")));

        assertThatThrownBy(() -> builder.load(clashing))
                .isInstanceOf(CalendarException.class)
                .hasMessageContaining("regional.txt")
                .hasMessageContaining("2026-08-17");
        assertThat(builder.build().isWorkingDay(date("2026-06-17"))).isTrue();
    }
}
