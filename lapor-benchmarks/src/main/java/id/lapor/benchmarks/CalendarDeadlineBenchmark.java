package id.lapor.benchmarks;

import id.lapor.core.calendar.Deadline;
import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the SLA layer calls per report: {@link WorkingCalendar#deadline} for the default 5-working-day follow-up
 * limit, from an instant, with the zone conversions on both ends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarDeadlineBenchmark {
    private static final int EVENTS = 1024;

    private WorkingCalendar calendar;
    private Instant[] events;
    private int next;

    @Setup
    public void setUp() {
        calendar = IndonesianCalendars.national(IndonesianTimeZone.WITA).build();
        Random random = new Random(1708L);
        long start = LocalDate.of(2025, 1, 1).atStartOfDay(calendar.zone()).toEpochSecond();
        events = new Instant[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = Instant.ofEpochSecond(start + (long) (random.nextDouble() * 2 * 365 * 86_400));
        }
    }

    @Benchmark
    public Deadline deadline() {
        return calendar.deadline(events[next++ & (EVENTS - 1)], 5);
    }
}
