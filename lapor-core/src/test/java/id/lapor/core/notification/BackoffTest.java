package id.lapor.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    @DisplayName("exponential backoff grows by its multiplier and stops at its maximum")
    void exponential() {
        Backoff b = Backoff.exponential(Duration.ofSeconds(30), 2.0, Duration.ofHours(1));
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.delayAfter(7)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(b.delayAfter(8)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("no attempt count, however large, overflows past the maximum")
    void noOverflow() {
        Backoff b = Backoff.exponential(Duration.ofMillis(1), 10.0, Duration.ofDays(1));
        for (int attempt : new int[] {30, 64, 400, 10_000, Integer.MAX_VALUE}) {
            assertThat(b.delayAfter(attempt)).isEqualTo(Duration.ofDays(1));
        }
    }

    @Test
    @DisplayName("jitter spreads each delay within the factor around it, repeatably with a seeded random")
    void jitter() {
        long seed = new SplittableRandom().nextLong();
        System.out.println("BackoffTest.jitter seed " + seed);
        RandomGenerator random = new SplittableRandom(seed);
        Backoff b = Backoff.exponential(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(10)).withJitter(0.25, random);
        Backoff plain = Backoff.exponential(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(10));
        boolean varied = false;
        for (int attempt = 1; attempt <= 12; attempt++) {
            for (int i = 0; i < 50; i++) {
                long base = plain.delayAfter(attempt).toMillis();
                long d = b.delayAfter(attempt).toMillis();
                assertThat(d).isBetween(Math.round(base * 0.75), Math.round(base * 1.25));
                varied |= d != base;
            }
        }
        assertThat(varied).isTrue();
        Backoff again1 = Backoff.fixed(Duration.ofSeconds(60)).withJitter(0.5, new SplittableRandom(seed));
        Backoff again2 = Backoff.fixed(Duration.ofSeconds(60)).withJitter(0.5, new SplittableRandom(seed));
        for (int i = 1; i < 20; i++) {
            assertThat(again1.delayAfter(i)).isEqualTo(again2.delayAfter(i));
        }
    }

    @Test
    @DisplayName("nonsense parameters are refused when the backoff is made")
    void validation() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(10), 2, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.fixed(Duration.ZERO).withJitter(1.5, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(10)).delayAfter(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
