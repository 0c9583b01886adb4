package id.lapor.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.LaporException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PolicyBookTest {
    private static Policy version(int version, String from, String until, String zone) {
        Doc d = new Doc();
        d.version = version;
        d.from = from;
        d.until = until;
        d.zone = zone;
        return d.policy();
    }

    private static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    @Test
    @DisplayName("the version in force is the highest whose effective dates contain the instant, read in its zone")
    void versionInForce() {
        PolicyBook book = PolicyBook.of(version(1, "2025-01-01", "2025-12-31", null),
                version(2, "2025-07-01", null, null));
        assertThat(book.inForceAt(at("2025-06-30T23:59:59", "Asia/Jakarta")).orElseThrow().version()).isEqualTo(1);
        assertThat(book.inForceAt(at("2025-07-01T00:00:00", "Asia/Jakarta")).orElseThrow().version()).isEqualTo(2);
        // Every node switches at the same instant: 00:00 WIB is 01:00 WITA.
        assertThat(book.inForceAt(at("2025-07-01T00:59:59", "Asia/Makassar")).orElseThrow().version()).isEqualTo(1);
        assertThat(book.inForceAt(at("2030-01-01T00:00:00", "Asia/Jakarta")).orElseThrow().version()).isEqualTo(2);
        assertThat(book.inForceAt(at("2024-12-31T23:59:59", "Asia/Jakarta"))).isEmpty();
        assertThat(book.versions()).extracting(Policy::version).containsExactly(1, 2);
    }

    @Test
    @DisplayName("a policy's own switch zone decides when its dates begin and end")
    void switchZone() {
        Policy wit = version(1, "2025-01-01", "2025-12-31", "WIT");
        assertThat(wit.effectiveStart()).isEqualTo(Instant.parse("2024-12-31T15:00:00Z"));
        assertThat(wit.effectiveEnd()).contains(Instant.parse("2025-12-31T15:00:00Z"));
        assertThat(wit.isInForceAt(Instant.parse("2025-12-31T14:59:59Z"))).isTrue();
        assertThat(wit.isInForceAt(Instant.parse("2025-12-31T15:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName("a book refuses two policies, a version given twice and no version at all")
    void refusals() {
        Policy one = version(1, "2025-01-01", null, null);
        Doc other = new Doc();
        other.id = "other-policy";
        assertThatThrownBy(() -> PolicyBook.of(one, other.policy())).isInstanceOf(LaporException.class)
                .hasMessageContaining("holds versions of one policy");
        assertThatThrownBy(() -> PolicyBook.of(one, version(1, "2025-02-01", null, null)))
                .hasMessage("policy test-policy v1 is given twice");
        assertThatThrownBy(() -> PolicyBook.of(java.util.List.of())).isInstanceOf(LaporException.class);
    }
}
