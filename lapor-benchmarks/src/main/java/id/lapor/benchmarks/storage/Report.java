package id.lapor.benchmarks.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The figures of one run, as a table for people and as JSON for tools. */
final class Report {
    static final double LIFECYCLE_GOAL = 1.0;
    static final double EMPTY_SWEEP_GOAL_MS = 10;
    static final double SWEEP_GOAL_PER_SECOND = 2000;
    static final int LAPOR_ROUND_TRIPS = 5;
    static final int HAND_WRITTEN_ROUND_TRIPS = 20;

    private final List<String> json = new ArrayList<>();
    private final StringBuilder table = new StringBuilder();
    private String machine;

    void machine(String postgres, String synchronousCommit, int poolSize) {
        Runtime r = Runtime.getRuntime();
        json.add(String.format(Locale.ROOT, "\"loadAverageAtStart\": %.2f", loadAverage()));
        machine = String.format(Locale.ROOT, "%d cores, %s %s, Java %s (%s), PostgreSQL %s (embedded, synchronous_commit=%s),"
                        + " HikariCP pool of %d", r.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), postgres, synchronousCommit, poolSize);
        json.add(String.format(Locale.ROOT, "\"machine\": {\"cores\": %d, \"os\": %s, \"arch\": %s, \"java\": %s, \"vm\": %s,"
                        + " \"postgres\": %s, \"synchronousCommit\": %s, \"poolSize\": %d}", r.availableProcessors(),
                quote(System.getProperty("os.name")), quote(System.getProperty("os.arch")), quote(System.getProperty("java.version")),
                quote(System.getProperty("java.vm.name")), quote(postgres), quote(synchronousCommit), poolSize));
    }

    void lifecycle(int threads, double[] lapor, double[] jdbc, Spent laporSpent, Spent jdbcSpent) {
        // The median of the windows: a neighbour's burst of work on the machine moves one window, not the figure.
        double l = median(lapor);
        double j = median(jdbc);
        double ratio = l / j;
        if (table.length() == 0) {
            table.append("Lifecycle (submit, verify and dispatch, forward, follow-up, complete; 5 committed transactions)\n");
            table.append(String.format(Locale.ROOT, "%-9s %16s %22s %8s %7s  %s%n", "threads", "lapor /s", "hand-written JDBC /s",
                    "ratio", "goal", "windows lapor | JDBC (figures: their median)"));
        }
        table.append(String.format(Locale.ROOT, "%-9d %16.0f %22.0f %7.2fx %6s%s  %s | %s%n", threads, l, j, ratio,
                "≥" + LIFECYCLE_GOAL, ratio >= LIFECYCLE_GOAL ? " " : "!", rates(lapor), rates(jdbc)));
        // Per lifecycle lapor makes 5 round trips (one append a step: it decides each command on the complaint it
        // wrote last, and takes tracking numbers from a block of 32 reserved at once), the hand-written code 20
        // (three statements and a commit per step). On one
        // thread each lifecycle's time is its work plus its round trips, so the gap closes when a round trip
        // costs this much more than here (a database on another host rather than on localhost).
        double breakEven = threads == 1 && ratio < 1 ? (1000 / l - 1000 / j) / (HAND_WRITTEN_ROUND_TRIPS - LAPOR_ROUND_TRIPS) : 0;
        if (breakEven > 0) {
            table.append(String.format(Locale.ROOT, "          (round trips per lifecycle: lapor %d, hand-written %d; on one thread"
                    + " lapor reaches 1.0x once a round trip costs %.2f ms more than here)%n", LAPOR_ROUND_TRIPS,
                    HAND_WRITTEN_ROUND_TRIPS, breakEven));
        }
        String laporCpu = cpuText(laporSpent);
        String jdbcCpu = cpuText(jdbcSpent);
        if (!laporCpu.isEmpty() || !jdbcCpu.isEmpty()) {
            table.append(String.format(Locale.ROOT, "          CPU per lifecycle over the windows: lapor %s; hand-written %s%n",
                    laporCpu.isEmpty() ? "?" : laporCpu, jdbcCpu.isEmpty() ? "?" : jdbcCpu));
        }
        List<String> cpu = new ArrayList<>(cpuJson("laporJvm", "laporPostgres", laporSpent));
        cpu.addAll(cpuJson("handWrittenJdbcJvm", "handWrittenJdbcPostgres", jdbcSpent));
        json.add(String.format(Locale.ROOT, "\"lifecycle%dThreads\": {\"threads\": %d, \"laporPerSecond\": %.1f,"
                        + " \"handWrittenJdbcPerSecond\": %.1f, \"ratio\": %.3f, \"goal\": %.1f, \"met\": %s, \"laporWindows\": %s,"
                        + " \"handWrittenJdbcWindows\": %s, \"roundTripsPerLifecycle\": {\"lapor\": %d, \"handWrittenJdbc\": %d}%s%s}",
                threads, threads, l, j, ratio, LIFECYCLE_GOAL, ratio >= LIFECYCLE_GOAL, array(lapor), array(jdbc),
                LAPOR_ROUND_TRIPS, HAND_WRITTEN_ROUND_TRIPS, breakEven > 0
                        ? String.format(Locale.ROOT, ", \"breakEvenExtraRoundTripMillis\": %.3f", breakEven) : "",
                cpu.isEmpty() ? "" : ", \"cpuMillisPerLifecycle\": {" + String.join(", ", cpu) + "}"));
    }

    /** {@code JVM 0.78 ms + PostgreSQL 1.50 ms}, without a side that could not be read; empty without both. */
    private static String cpuText(Spent spent) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(spent.jvmMillisPerUnit())) {
            parts.add(String.format(Locale.ROOT, "JVM %.2f ms", spent.jvmMillisPerUnit()));
        }
        if (!Double.isNaN(spent.postgresMillisPerUnit())) {
            parts.add(String.format(Locale.ROOT, "PostgreSQL %.2f ms", spent.postgresMillisPerUnit()));
        }
        return String.join(" + ", parts);
    }

    /** {@code "laporJvm": 0.780, "laporPostgres": 1.500}, without a side that could not be read. */
    private static List<String> cpuJson(String jvmKey, String postgresKey, Spent spent) {
        List<String> fields = new ArrayList<>();
        if (!Double.isNaN(spent.jvmMillisPerUnit())) {
            fields.add(String.format(Locale.ROOT, "\"%s\": %.3f", jvmKey, spent.jvmMillisPerUnit()));
        }
        if (!Double.isNaN(spent.postgresMillisPerUnit())) {
            fields.add(String.format(Locale.ROOT, "\"%s\": %.3f", postgresKey, spent.postgresMillisPerUnit()));
        }
        return fields;
    }

    void dueWork(long before, double[] emptyBefore, long total, double insertSeconds, double[] empty, String plan,
                 List<DueWorkAtScale.Round> rounds, DueWorkAtScale.SharedRound two) {
        double median = percentile(empty, 0.5);
        table.append("\nDue work among ").append(String.format(Locale.ROOT, "%,d", total)).append(" complaints")
                .append(String.format(Locale.ROOT, " (%,d open ones written in %.1f s)%n", total - before, insertSeconds));
        table.append(String.format(Locale.ROOT, "empty sweep: median %.2f ms, p99 %.2f ms, max %.2f ms (goal ≤ %.0f ms%s);"
                        + " with %,d complaints: median %.2f ms%n", median, percentile(empty, 0.99), empty[empty.length - 1],
                EMPTY_SWEEP_GOAL_MS, median <= EMPTY_SWEEP_GOAL_MS ? ", met" : ", MISSED", before, percentile(emptyBefore, 0.5)));
        table.append(String.format(Locale.ROOT, "%8s %12s %14s %12s %14s %10s %14s%n", "due", "query ms", "query µs/due",
                "sweep ms", "sweep ms/due", "timers", "complaints/s"));
        List<String> roundJson = new ArrayList<>();
        for (DueWorkAtScale.Round r : rounds) {
            table.append(String.format(Locale.ROOT, "%,8d %12.1f %14.1f %12.0f %14.2f %,10d %,14.0f%n", r.due(), r.claimMillis(),
                    r.claimMillis() * 1000 / r.due(), r.sweepMillis(), r.sweepMillis() / r.due(), r.fired(),
                    r.due() / (r.sweepMillis() / 1000)));
            roundJson.add(String.format(Locale.ROOT, "{\"due\": %d, \"queryMillis\": %.2f, \"sweepMillis\": %.1f,"
                            + " \"timersFired\": %d, \"dueComplaintsPerSecond\": %.1f}", r.due(), r.claimMillis(), r.sweepMillis(),
                    r.fired(), r.due() / (r.sweepMillis() / 1000)));
        }
        table.append("(query: claiming them all, 200 a batch, as sweeps do; sweep: a DueWorkDriver on one thread firing each"
                + " complaint's warning, breach and escalation in one committed append)\n");
        String twoJson = twoSweepers(two);
        table.append("\nPlan of an empty sweep's query:\n").append(plan.indent(2));
        json.add(String.format(Locale.ROOT, "\"dueWork\": {\"complaints\": %d, \"openWritten\": %d, \"writeSeconds\": %.1f,"
                        + " \"emptySweepMillis\": {\"median\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"goal\": %.1f, \"met\": %s},"
                        + " \"emptySweepMillisWithoutTheOpenOnes\": {\"complaints\": %d, \"median\": %.3f}, \"rounds\": [%s],"
                        + " \"twoSweepers\": %s, \"emptySweepPlan\": %s}", total, total - before, insertSeconds, median,
                percentile(empty, 0.99), empty[empty.length - 1], EMPTY_SWEEP_GOAL_MS, median <= EMPTY_SWEEP_GOAL_MS, before,
                percentile(emptyBefore, 0.5), String.join(", ", roundJson), twoJson, quote(plan)));
    }

    /** The round swept by two sweepers at once, added to the table; answers its JSON. */
    private String twoSweepers(DueWorkAtScale.SharedRound two) {
        double perSecond = two.due() / (two.sweepMillis() / 1000);
        boolean met = perSecond >= SWEEP_GOAL_PER_SECOND;
        List<DueWorkAtScale.Share> shares = two.shares();
        String complaints = String.join(", ", shares.stream().map(x -> String.valueOf(x.complaints())).toList());
        String fired = String.join(", ", shares.stream().map(x -> String.valueOf(x.fired())).toList());
        String cpu = cpuText(two.spent());
        table.append(String.format(Locale.ROOT, "%,d due, %d sweepers at once (each a DueWorkDriver with a Lapor of its own,"
                        + " on a thread of its own; one pool):%n  sweep %.0f ms, %,.0f complaints/s (goal ≥ %,.0f/s, %s);"
                        + " %,d timers fired, each exactly once; shares %s complaints%s%n", two.due(), shares.size(), two.sweepMillis(),
                perSecond, SWEEP_GOAL_PER_SECOND, met ? "met" : "MISSED", two.fired(),
                String.join(" | ", shares.stream().map(x -> String.format(Locale.ROOT, "%,d", x.complaints())).toList()),
                cpu.isEmpty() ? "" : "; CPU per due complaint " + cpu));
        List<String> cpuFields = cpuJson("jvm", "postgres", two.spent());
        return String.format(Locale.ROOT, "{\"due\": %d, \"sweepers\": %d, \"sweepMillis\": %.1f, \"timersFired\": %d,"
                        + " \"timersPerComplaint\": %d, \"dueComplaintsPerSecond\": %.1f, \"goal\": %.1f, \"met\": %s,"
                        + " \"complaintsPerSweeper\": [%s], \"timersPerSweeper\": [%s]%s}", two.due(), shares.size(),
                two.sweepMillis(), two.fired(), two.timersPerComplaint(), perSecond, SWEEP_GOAL_PER_SECOND, met,
                complaints, fired,
                cpuFields.isEmpty() ? "" : ", \"cpuMillisPerDueComplaint\": {" + String.join(", ", cpuFields) + "}");
    }

    void seconds(double seconds) {
        // Other work on the machine moves every figure; the ratios, taken in alternating windows, less so.
        table.append(String.format(Locale.ROOT, "%nwhole run %.0f s on %s; load average %.2f at the end%n", seconds, machine,
                loadAverage()));
        json.add(String.format(Locale.ROOT, "\"runSeconds\": %.1f, \"loadAverageAtEnd\": %.2f", seconds, loadAverage()));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String table() {
        return table.toString();
    }

    String json() {
        return "{\n  " + String.join(",\n  ", json) + "\n}\n";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** {@code sorted} must be sorted. */
    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static String rates(double[] values) {
        return String.join(" ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static String array(double[] values) {
        return "[" + String.join(", ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList()) + "]";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
