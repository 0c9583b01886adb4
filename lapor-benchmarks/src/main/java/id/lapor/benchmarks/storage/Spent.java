package id.lapor.benchmarks.storage;

import id.lapor.benchmarks.report.Cpu;
import java.util.OptionalLong;

/**
 * Units of work done (lifecycles, due complaints) and the CPU time they took, in nanoseconds, on each side of the
 * connection: this JVM ({@code OperatingSystemMXBean.getProcessCpuTime}) and the PostgreSQL server, its postmaster
 * and every process under it ({@link Cpu#treeNanos}: their utime and stime from /proc). Only this run's server is
 * counted, not every process named postgres: the machine may be running another one. A side that cannot be read
 * is -1, and its figures are left out.
 */
record Spent(long units, long jvmNanos, long postgresNanos) {
    static final Spent NOTHING = new Spent(0, 0, 0);

    /** CPU time so far, before some work: {@link #since} turns it into what the work spent. */
    static Spent start(OptionalLong postmaster) {
        // The server's processes first: reading them costs this JVM CPU, which must not count in the work's.
        long postgres = Cpu.treeNanos(postmaster);
        return new Spent(0, Cpu.jvmNanos(), postgres);
    }

    /** What was spent since {@code start} (of {@link #start}) doing {@code units}. */
    static Spent since(Spent start, long units, OptionalLong postmaster) {
        long jvm = Cpu.jvmNanos();
        return new Spent(units, delta(start.jvmNanos, jvm), delta(start.postgresNanos, Cpu.treeNanos(postmaster)));
    }

    Spent plus(Spent other) {
        return new Spent(units + other.units, sum(jvmNanos, other.jvmNanos), sum(postgresNanos, other.postgresNanos));
    }

    /** CPU milliseconds of this JVM per unit; NaN when unknown. */
    double jvmMillisPerUnit() {
        return perUnit(jvmNanos);
    }

    /** CPU milliseconds of the PostgreSQL server per unit; NaN when unknown. */
    double postgresMillisPerUnit() {
        return perUnit(postgresNanos);
    }

    private double perUnit(long nanos) {
        return nanos < 0 || units == 0 ? Double.NaN : nanos / 1e6 / units;
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private static long sum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }
}
