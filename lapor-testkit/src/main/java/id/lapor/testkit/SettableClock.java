package id.lapor.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that stands still until a test sets or advances it. Thread-safe. */
public final class SettableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public SettableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public SettableClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Parses an ISO instant, e.g. {@code 2026-03-17T03:00:00Z}. */
    public static SettableClock at(String isoInstant) {
        return new SettableClock(Instant.parse(isoInstant));
    }

    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a settable clock only moves forward; asked to move " + by);
        }
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock view = new SettableClock(now, zone);
        return view;
    }

    @Override
    public String toString() {
        return "SettableClock[" + now + "]";
    }
}
