package id.lapor.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.policy.Policy;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHistoryTest {
    private final CalendarBook calendars = PolicyResources.defaultCalendars();
    private final Policy policy = new PolicyReader(calendars).readDefault();

    @Test
    @DisplayName("the year loaded is the current one from July, else the one before")
    void yearChoice() {
        assertThat(DemoHistory.yearFor(Instant.parse("2026-11-28T02:00:00Z"))).isEqualTo(2026);
        assertThat(DemoHistory.yearFor(Instant.parse("2027-03-01T02:00:00Z"))).isEqualTo(2026);
        assertThat(DemoHistory.yearFor(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(2026);
    }

    @Test
    @DisplayName("a year with no decree yet (2027, provisional) still loads, nothing after now replayed")
    void provisionalYearLoads(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2027-08-01T03:00:00Z");
        try (LoadingStore loading = new LoadingStore(dir.resolve("lapor.db"))) {
            DemoHistory.Result r = new DemoHistory(loading.store(), policy, calendars,
                    "a-test-key-of-32-bytes-0123456789".getBytes(StandardCharsets.UTF_8)).load(40, now);
            assertThat(r.year()).isEqualTo(2027);
            assertThat(r.submitted()).isPositive().isLessThanOrEqualTo(40);
            assertThat(r.skipped()).isLessThan(r.steps() / 10 + 1);
            assertThat(loading.store().search(ComplaintFilter.all(), 0, 100))
                    .allSatisfy(c -> assertThat(c.updatedAt()).isBeforeOrEqualTo(now));
        }
    }
}
