package id.lapor.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.http.IdempotencyStore.StoredAnswer;
import id.lapor.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
    private static StoredAnswer answer(String body) {
        return new StoredAnswer("fp", 200, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    @DisplayName("the first answer under a key stays; later ones do not replace it")
    void firstWins() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(SettableClock.at("2026-03-17T03:00:00Z"));
        store.putIfAbsent("k", answer("first"));
        store.putIfAbsent("k", answer("second"));
        assertThat(new String(store.find("k").orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("first");
    }

    @Test
    @DisplayName("bounded: the oldest answers go first, and answers expire after the retention")
    void bounded() {
        SettableClock clock = SettableClock.at("2026-03-17T03:00:00Z");
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(3, Duration.ofHours(1), clock);
        for (int i = 0; i < 5; i++) {
            store.putIfAbsent("k" + i, answer("a" + i));
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find("k0")).isEmpty();
        assertThat(store.find("k4")).isPresent();
        clock.advance(Duration.ofMinutes(45));
        assertThat(store.find("k2")).isEmpty();
        assertThat(store.find("k4")).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(store.size()).isZero();
    }
}
