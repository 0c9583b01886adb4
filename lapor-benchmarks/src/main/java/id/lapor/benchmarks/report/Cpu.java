package id.lapor.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * CPU time spent so far by this JVM, and by a local PostgreSQL server with all its processes (its postmaster and
 * every backend and worker under it), so that a window's cost can be split between the two. On a machine with
 * few cores the two compete, and CPU per unit of work, more than the wall clock, says what each side costs.
 */
public final class Cpu {
    private Cpu() {
    }

    /** CPU time of this JVM, all threads, in nanoseconds; -1 where the JVM does not tell. */
    public static long jvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The postmaster of the server behind {@code db}, when it runs on this machine and says where its data is. */
    public static OptionalLong postmaster(DataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW data_directory")) {
            r.next();
            String first = Files.readAllLines(Path.of(r.getString(1), "postmaster.pid")).get(0).strip();
            return OptionalLong.of(Long.parseLong(first));
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    /** CPU time of process {@code pid} and its descendants alive now, in nanoseconds; -1 when unknown. */
    public static long treeNanos(OptionalLong pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        return ProcessHandle.of(pid.getAsLong()).map(p -> {
            long sum = cpu(p);
            for (ProcessHandle d : p.descendants().toList()) {
                sum += cpu(d);
            }
            return sum;
        }).orElse(-1L);
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
