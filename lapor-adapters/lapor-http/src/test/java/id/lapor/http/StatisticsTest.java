package id.lapor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private final SettableClock clock = SettableClock.at("2026-03-17T03:00:00Z");
    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private Lapor lapor;
    private Statistics statistics;
    private final Actor verifier = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
    private final Actor health = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);

    @BeforeEach
    void setUp() {
        lapor = Fixtures.lapor(store, clock);
        statistics = new Statistics(store, store::history, Fixtures.directory(), clock);
    }

    private TrackingNumber submit(Location where) {
        return ((Submission.Created) lapor.submit(Actor.newReporter(), Fixtures.report().location(where).build())).trackingNumber();
    }

    private Statistics.OnTime row(Statistics.Report r, UnitId unit) {
        return r.onTime().stream().filter(o -> o.unit().equals(unit)).findFirst().orElse(new Statistics.OnTime(unit, 0, 0));
    }

    @Test
    @DisplayName("months count the zone's reports by submission in the zone's time, and what became of them")
    void months() {
        TrackingNumber archived = submit(Location.of("62.71.01.1001"));
        lapor.execute(verifier, archived, new Command.Archive(ArchiveReason.DUPLICATE, null)).orElseThrow();
        submit(Location.of("62.71"));
        submit(Location.of("64.72")); // East Kalimantan: not in the city's zone
        clock.set(java.time.Instant.parse("2026-03-31T18:00:00Z")); // already 1 April in WIB
        submit(Location.of("62.71.01.1001"));

        Statistics.Report r = statistics.compute(Fixtures.CITY, YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(r.months()).extracting(Statistics.Month::received).containsExactly(2L, 1L);
        assertThat(r.months().get(0).archived()).isEqualTo(1);
        assertThat(r.months().get(0).inProgress()).isEqualTo(1);
        assertThat(statistics.compute(Fixtures.NATIONAL, YearMonth.of(2026, 3), YearMonth.of(2026, 3)).months().get(0).received())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("on time per unit: stages ended before their deadline are met; breached or overdue ones are not; running ones are not due")
    void onTime() {
        TrackingNumber answered = submit(Location.of("62.71.01.1001"));
        lapor.execute(verifier, answered, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(health, answered, new Command.PostFollowUp("Sudah.")).orElseThrow();
        TrackingNumber late = submit(Location.of("62.71.01.1001"));
        lapor.execute(verifier, late, Command.Verify.to(Fixtures.HEALTH, Weight.MINOR)).orElseThrow();
        TrackingNumber held = submit(Location.of("62.71.01.1001"));
        lapor.execute(verifier, held, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(health, held, new Command.Hold("Data kurang.")).orElseThrow();

        Statistics.Report now = statistics.compute(Fixtures.CITY, YearMonth.of(2026, 3), YearMonth.of(2026, 3));
        assertThat(row(now, Fixtures.HEALTH)).isEqualTo(new Statistics.OnTime(Fixtures.HEALTH, 1, 1));
        assertThat(row(now, Fixtures.HEALTH).rate()).hasValue(1.0);

        // After its deadline (5 working days, past Nyepi and Idul Fitri: the end of 31 March), without any
        // sweep having fired the breach: the minor one counts as late.
        clock.advance(Duration.ofDays(16));
        Statistics.Report later = statistics.compute(Fixtures.CITY, YearMonth.of(2026, 3), YearMonth.of(2026, 3));
        assertThat(row(later, Fixtures.HEALTH)).isEqualTo(new Statistics.OnTime(Fixtures.HEALTH, 2, 1));
        assertThat(row(later, Fixtures.HEALTH).rate()).hasValue(0.5);
        // The verification stages were met by the city's verifiers (before dispatch: the zone's unit).
        assertThat(row(later, Fixtures.CITY)).isEqualTo(new Statistics.OnTime(Fixtures.CITY, 3, 3));
    }

    @Test
    @DisplayName("a unit outside the directory or a period ending before it starts is refused")
    void refusals() {
        assertThatThrownBy(() -> statistics.compute(UnitId.of("nowhere"), YearMonth.of(2026, 1), YearMonth.of(2026, 2)))
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> statistics.compute(Fixtures.CITY, YearMonth.of(2026, 3), YearMonth.of(2026, 1)))
                .hasMessageContaining("before it starts");
    }
}
