package id.lapor.benchmarks.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Throughput in a window of time, on a number of threads. */
public final class Windows {
    /** One unit of work: one complaint's lifecycle, one request. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private Windows() {
    }

    /**
     * A window's result: units per second, and the CPU milliseconds per unit spent by this JVM and by another
     * process tree (a database server), NaN where unknown.
     */
    public record Measured(double perSecond, double jvmCpuMillisPerUnit, double otherCpuMillisPerUnit) {
    }

    /** {@link #perSecond(Work, int, Duration)}, with the CPU each side spent; {@code other} reads the other's, or -1. */
    public static Measured measure(Work work, int threads, Duration window, java.util.function.LongSupplier other)
            throws Exception {
        long jvm = Cpu.jvmNanos();
        long db = other.getAsLong();
        long begin = System.nanoTime();
        double rate = perSecond(work, threads, window);
        double units = rate * (System.nanoTime() - begin) / 1e9;
        long jvmAfter = Cpu.jvmNanos();
        long dbAfter = other.getAsLong();
        return new Measured(rate, jvm < 0 ? Double.NaN : (jvmAfter - jvm) / 1e6 / units,
                db < 0 || dbAfter < 0 ? Double.NaN : (dbAfter - db) / 1e6 / units);
    }

    /**
     * Runs {@code work} on {@code threads} threads for {@code window}: each thread starts units until the window is
     * over and finishes the one it is in. Answers units per second; the first failure is thrown.
     */
    public static double perSecond(Work work, int threads, Duration window) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            long[] end = new long[1];
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    long n = 0;
                    while (System.nanoTime() < end[0]) {
                        work.run();
                        n++;
                    }
                    return n;
                }));
            }
            long begin = System.nanoTime();
            end[0] = begin + window.toNanos();
            start.await();
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            return total / ((System.nanoTime() - begin) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Warms {@code work} up in windows of {@code window} on {@code threads} threads until two windows in a row agree
     * within {@code tolerance} (after {@code min} at least), or {@code max} has passed: code that the JIT compiles
     * late, or a database whose caches fill slowly, reaches its own steady rate without a fixed, guessed warm-up.
     * Answers the rate of each window, in order.
     */
    public static List<Double> warmUp(Work work, int threads, Duration window, Duration min, Duration max, double tolerance)
            throws Exception {
        List<Double> rates = new ArrayList<>();
        long begin = System.nanoTime();
        while (true) {
            rates.add(perSecond(work, threads, window));
            long spent = System.nanoTime() - begin;
            int n = rates.size();
            boolean steady = n >= 2 && Math.abs(rates.get(n - 1) - rates.get(n - 2)) <= tolerance * rates.get(n - 2);
            if (spent >= max.toNanos() || spent >= min.toNanos() && steady) {
                return rates;
            }
        }
    }

    /** Runs {@code count} units spread over {@code threads} threads; answers units per second. */
    public static double perSecond(Work work, int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(count);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    while (left.getAndDecrement() > 0) {
                        work.run();
                    }
                    return null;
                }));
            }
            long begin = System.nanoTime();
            start.await();
            for (Future<?> f : done) {
                f.get();
            }
            return count / ((System.nanoTime() - begin) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    public static void progress(String section, String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, "[" + section + "] " + format + "%n", args);
        System.out.flush();
    }
}
