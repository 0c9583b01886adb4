package id.lapor.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The storage benchmark's figures ({@code id.lapor.benchmarks.storage.StorageBenchmark}, its own JSON) as rows of
 * the report: the lifecycle against hand-written JDBC with 1 and 4 threads, and the SLA sweep among 1,000,000 open
 * complaints. Fields it does not (yet) write become rows that say so.
 */
final class StorageFigures {
    static final String MAIN = "id.lapor.benchmarks.storage.StorageBenchmark";

    private StorageFigures() {
    }

    private static String list(JsonNode values) {
        List<Double> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asDouble()));
        return Numbers.list(out);
    }

    /** {@code 0.78 + 1.50 ms}: the CPU milliseconds under two keys of {@code node}, a question mark for one not measured. */
    private static String cpu(JsonNode node, String jvm, String postgres) {
        return millis(node.path(jvm)) + " + " + millis(node.path(postgres)) + " ms";
    }

    private static String millis(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.2f", value.asDouble()) : "?";
    }

    /** How the sweepers shared the round, checked, against {@code one}: the largest round of one sweeper, or null. */
    private static String twoSweepersNote(JsonNode two, JsonNode one) {
        List<String> shares = new ArrayList<>();
        two.path("complaintsPerSweeper").forEach(n -> shares.add(String.format(Locale.ROOT, "%,d", n.asLong())));
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "%d DueWorkDrivers, each with a Lapor of its own"
                        + " on a thread of its own, one pool: %,d due in %,.0f ms, shares %s complaints; %,d timers fired, each"
                        + " exactly once (checked in SQL)", two.path("sweepers").asInt(), two.path("due").asLong(),
                two.path("sweepMillis").asDouble(), String.join(" and ", shares), two.path("timersFired").asLong()));
        if (one != null) {
            double oneRate = one.path("dueComplaintsPerSecond").asDouble();
            note.append(String.format(Locale.ROOT, "; %.2fx the rate of 1 sweeper (%,.0f/s)",
                    two.path("dueComplaintsPerSecond").asDouble() / oneRate, oneRate));
        }
        JsonNode cpu = two.path("cpuMillisPerDueComplaint");
        if (!cpu.isMissingNode()) {
            note.append("; CPU per due complaint (JVM + PostgreSQL): ").append(cpu(cpu, "jvm", "postgres"));
        }
        return note.toString();
    }

    static Section read(Path file, double seconds) throws java.io.IOException {
        JsonNode root = Section.JSON.readTree(Files.readString(file));
        List<Row> rows = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            JsonNode l = root.path("lifecycle" + threads + "Threads");
            String figure = "Lifecycle vs hand-written JDBC (PostgreSQL), " + threads + (threads == 1 ? " thread" : " threads");
            if (l.isMissingNode()) {
                rows.add(Row.missing("storage.lifecycle." + threads, figure, Goal.ratioAtLeast(1.0),
                        "not in the storage benchmark's output"));
                continue;
            }
            JsonNode trips = l.path("roundTripsPerLifecycle");
            JsonNode cpu = l.path("cpuMillisPerLifecycle");
            rows.add(Row.of("storage.lifecycle." + threads, figure, "complaints/s", l.path("laporPerSecond").asDouble(),
                    "hand-written JDBC, 3 statements a step", l.path("handWrittenJdbcPerSecond").asDouble(), true,
                    Goal.ratioAtLeast(1.0), "windows lapor " + list(l.path("laporWindows")) + ", JDBC " + list(l.path("handWrittenJdbcWindows"))
                            + (trips.isMissingNode() ? "" : "; round trips per lifecycle: lapor " + trips.path("lapor")
                            + ", JDBC " + trips.path("handWrittenJdbc"))
                            + (cpu.isMissingNode() ? "" : "; CPU per lifecycle (JVM + PostgreSQL): lapor "
                            + cpu(cpu, "laporJvm", "laporPostgres") + ", JDBC "
                            + cpu(cpu, "handWrittenJdbcJvm", "handWrittenJdbcPostgres"))));
        }
        JsonNode due = root.path("dueWork");
        if (due.isMissingNode()) {
            rows.add(Row.missing("storage.emptySweep", "SLA sweep: empty sweep among 1,000,000 open", Goal.atMost(10, "ms"),
                    "not in the storage benchmark's output"));
            rows.add(Row.missing("storage.sweep", "SLA sweep: 10,000 due, escalated and committed each",
                    Goal.atLeast(2000, "/s"), "not in the storage benchmark's output"));
        } else {
            JsonNode empty = due.path("emptySweepMillis");
            JsonNode few = due.path("emptySweepMillisWithoutTheOpenOnes");
            rows.add(Row.of("storage.emptySweep", String.format(Locale.ROOT, "SLA sweep: empty sweep among %,d complaints",
                            due.path("complaints").asLong()), "ms", empty.path("median").asDouble(),
                    few.isMissingNode() ? null : String.format(Locale.ROOT, "the same query among %,d",
                            few.path("complaints").asLong()), few.isMissingNode() ? null : few.path("median").asDouble(),
                    false, Goal.atMost(10, "ms"), String.format(Locale.ROOT, "median; p99 %.2f ms, max %.2f ms",
                            empty.path("p99").asDouble(), empty.path("max").asDouble())));
            JsonNode last = null;
            StringBuilder growth = new StringBuilder();
            for (JsonNode r : due.path("rounds")) {
                last = r;
                growth.append(growth.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "%,d due: query %.1f ms, sweep %.0f ms (%,.0f/s)", r.path("due").asLong(), r.path("queryMillis").asDouble(),
                        r.path("sweepMillis").asDouble(), r.path("dueComplaintsPerSecond").asDouble()));
            }
            if (last == null) {
                rows.add(Row.missing("storage.sweep", "SLA sweep: due complaints escalated", Goal.atLeast(2000, "/s"),
                        "no sweep rounds in the storage benchmark's output"));
            } else {
                rows.add(Row.of("storage.sweep", String.format(Locale.ROOT, "SLA sweep: %,d due among %,d, each escalated and"
                                + " committed, 1 sweeper", last.path("due").asLong(), due.path("complaints").asLong()),
                        "complaints/s", last.path("dueComplaintsPerSecond").asDouble(), null, null, true,
                        Goal.atLeast(2000, "/s"), growth.toString()));
            }
            JsonNode two = due.path("twoSweepers");
            if (two.isMissingNode()) {
                rows.add(Row.missing("storage.twoSweepers", "SLA sweep: two sweepers at once", Goal.atLeast(2000, "/s"),
                        "not measured by the storage benchmark in this run (no 'dueWork.twoSweepers' in its output)"));
            } else {
                rows.add(Row.of("storage.twoSweepers", String.format(Locale.ROOT, "SLA sweep: %,d due among %,d, each"
                                + " escalated and committed, %d sweepers at once", two.path("due").asLong(),
                                due.path("complaints").asLong(), two.path("sweepers").asInt()), "complaints/s",
                        two.path("dueComplaintsPerSecond").asDouble(Double.NaN), null, null, true, Goal.atLeast(2000, "/s"),
                        twoSweepersNote(two, last)));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storageBenchmark", Section.JSON.convertValue(root, Map.class));
        JsonNode machine = root.path("machine");
        List<String> notes = List.of("Storage: " + StorageFigures.MAIN + " (lapor on an embedded PostgreSQL "
                + machine.path("postgres").asString("?") + " through a HikariCP pool of " + machine.path("poolSize").asString("?")
                + ", synchronous_commit=" + machine.path("synchronousCommit").asString("?") + "; the lifecycle is submit, verify and"
                + " dispatch, forward, follow-up, complete, each a committed transaction, against hand-written JDBC of three"
                + " prepared statements a step, with the CPU each spends per lifecycle in its JVM and in PostgreSQL; then the"
                + " sweep's due-work query among 1,000,000 open complaints written with COPY, and sweeps of due complaints by"
                + " one sweeper and by two at once). Its own description and table: lapor-benchmarks/README.md and its JSON"
                + " in the details.");
        return new Section("storage", "Storage on PostgreSQL", seconds, rows, details, notes);
    }
}
