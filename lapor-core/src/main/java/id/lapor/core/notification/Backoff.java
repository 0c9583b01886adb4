package id.lapor.core.notification;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt, after the {@code attempt}-th failure (counted from 1): a
 * function, like resilience4j's {@code IntervalFunction}. Compose the standard ones:
 *
 * <pre>{@code
 * Backoff.exponential(Duration.ofSeconds(30), 2.0, Duration.ofHours(1)).withJitter(0.2, random)
 * }</pre>
 */
@FunctionalInterface
public interface Backoff {

    /** The wait after the {@code attempt}-th failed attempt; never negative. */
    Duration delayAfter(int attempt);

    static Backoff fixed(Duration delay) {
        requireNotNegative(delay, "delay");
        return attempt -> delay;
    }

    /**
     * {@code initial}, then {@code initial x multiplier^(attempt-1)}, never more than {@code max}. Safe for any
     * attempt count (no overflow: the growth stops at {@code max}).
     */
    static Backoff exponential(Duration initial, double multiplier, Duration max) {
        requireNotNegative(initial, "initial");
        requireNotNegative(max, "max");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, got " + multiplier);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
        double initialMillis = initial.toMillis();
        long maxMillis = max.toMillis();
        return attempt -> {
            requirePositive(attempt);
            double millis = initialMillis * Math.pow(multiplier, attempt - 1);
            if (Double.isNaN(millis) || millis >= maxMillis) {
                return max;
            }
            return Duration.ofMillis((long) millis);
        };
    }

    /**
     * This backoff with each delay spread uniformly over {@code [d x (1 - factor), d x (1 + factor)]}, so
     * messages that failed together (a gateway outage) do not all come back at the same instant.
     *
     * @param factor between 0 and 1
     * @param random where the spread comes from; a seeded one makes tests repeatable
     */
    default Backoff withJitter(double factor, RandomGenerator random) {
        if (!(factor >= 0.0 && factor <= 1.0)) {
            throw new IllegalArgumentException("jitter factor must be within [0, 1], got " + factor);
        }
        Objects.requireNonNull(random, "random");
        Backoff base = this;
        return attempt -> {
            long millis = base.delayAfter(attempt).toMillis();
            double spread = millis * factor;
            if (spread < 1) {
                return Duration.ofMillis(millis);
            }
            double jittered = millis - spread + random.nextDouble() * 2 * spread;
            return Duration.ofMillis(Math.max(0, Math.round(jittered)));
        };
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    private static void requirePositive(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
    }
}
