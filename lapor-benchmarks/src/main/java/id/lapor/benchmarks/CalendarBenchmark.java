package id.lapor.benchmarks;

import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link WorkingCalendar#addWorkingDays} against the naive day-by-day loop it replaces, for N = 1 to 1000
 * working days, on the shipped national calendar (WIB). Start dates cycle through 1,024 random days of 2025 and
 * 2026 so that neither the JIT nor the branch predictor sees one input. With N = 1000 the results reach the
 * provisional years (2029-2030), so the provisional check is measured too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {
    private static final int STARTS = 1024;

    @Param({"1", "10", "100", "1000"})
    public int n;

    private WorkingCalendar calendar;
    private Set<LocalDate> nonWorking;
    private LocalDate[] starts;
    private int next;

    @Setup
    public void setUp() {
        calendar = IndonesianCalendars.national(IndonesianTimeZone.WIB).build();
        nonWorking = new HashSet<>();
        for (int year = calendar.firstYear(); year <= calendar.lastYear(); year++) {
            calendar.nonWorkingDays(year).forEach(day -> nonWorking.add(day.date()));
        }
        Random random = new Random(20_260_317L);
        starts = new LocalDate[STARTS];
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < STARTS; i++) {
            starts[i] = first.plusDays(random.nextInt(730));
            // Both sides must compute the same thing, or the ratio means nothing.
            if (!calendar.addWorkingDays(starts[i], n).equals(naive(starts[i], n))) {
                throw new IllegalStateException("indexed and naive disagree after " + starts[i] + ", n = " + n);
            }
        }
    }

    @Benchmark
    public LocalDate addWorkingDays() {
        return calendar.addWorkingDays(nextStart(), n);
    }

    /** The baseline: one day at a time, a weekday test and a hash lookup per day. */
    @Benchmark
    public LocalDate naiveDayByDay() {
        return naive(nextStart(), n);
    }

    private LocalDate naive(LocalDate from, int count) {
        LocalDate day = from;
        for (int left = count; left > 0; ) {
            day = day.plusDays(1);
            DayOfWeek dow = day.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !nonWorking.contains(day)) {
                left--;
            }
        }
        return day;
    }

    private LocalDate nextStart() {
        return starts[next++ & (STARTS - 1)];
    }
}
