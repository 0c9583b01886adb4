package id.lapor.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.calendar.Deadline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    @DisplayName("a deadline that ends its last day reads as that day at 24:00, in the deadline's own zone")
    void deadlineEndsItsDay() {
        Deadline wib = new Deadline(Instant.parse("2026-11-25T17:00:00Z"), LocalDate.parse("2026-11-25"),
                ZoneId.of("Asia/Jakarta"), false);
        Deadline wit = new Deadline(Instant.parse("2026-11-25T15:00:00Z"), LocalDate.parse("2026-11-25"),
                ZoneId.of("Asia/Jayapura"), false);

        assertThat(Labels.INDONESIAN.deadline(wib)).isEqualTo("25 Nov 2026, 24:00 WIB");
        assertThat(Labels.ENGLISH.deadline(wit)).isEqualTo("25 Nov 2026, 24:00 WIT");
    }

    @Test
    @DisplayName("any other deadline reads as its instant")
    void otherDeadlineAsItsInstant() {
        Deadline noon = new Deadline(Instant.parse("2026-11-25T05:00:00Z"), LocalDate.parse("2026-11-25"),
                ZoneId.of("Asia/Jakarta"), false);

        assertThat(Labels.ENGLISH.deadline(noon)).isEqualTo("25 Nov 2026, 12:00 WIB");
    }
}
