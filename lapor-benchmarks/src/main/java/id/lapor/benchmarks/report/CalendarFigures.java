package id.lapor.benchmarks.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Working-day arithmetic through JMH ({@code CalendarBenchmark}, {@code CalendarDeadlineBenchmark}) with the
 * module's usual short settings: 1 fork, 3 x 1 s warm-up, 3 x 1 s measured. {@code addWorkingDays} against the
 * day-by-day loop for n = 1, 10, 100, 1000; goal at least 20 million per second for every n.
 */
final class CalendarFigures {
    private static final double GOAL = 20_000_000;

    private CalendarFigures() {
    }

    static Section run() throws RunnerException {
        long started = System.nanoTime();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("id\\.lapor\\.benchmarks\\.Calendar(Deadline)?Benchmark\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=error")
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        Map<Integer, double[]> byN = new TreeMap<>();
        double deadline = Double.NaN;
        Map<String, Object> details = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            String n = r.getParams().getParam("n");
            details.put(method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1) + (n == null ? "" : "[n=" + n + "]"),
                    Map.of("opsPerSecond", score, "error99", r.getPrimaryResult().getScoreError()));
            Windows.progress("calendar", "%s%s: %,.0f ops/s", method.substring(method.lastIndexOf('.') + 1),
                    n == null ? "" : " n=" + n, score);
            if (method.endsWith("CalendarDeadlineBenchmark.deadline")) {
                deadline = score;
            } else if (n != null && method.contains(".CalendarBenchmark.")) {
                double[] pair = byN.computeIfAbsent(Integer.parseInt(n), k -> new double[] {Double.NaN, Double.NaN});
                pair[method.endsWith(".addWorkingDays") ? 0 : 1] = score;
            }
        }
        List<Row> rows = new ArrayList<>();
        byN.forEach((n, pair) -> rows.add(Row.of("calendar.addWorkingDays." + n, "Calendar: addWorkingDays(n = " + n
                        + ") (JMH)", "ops/s", pair[0], "day-by-day loop", Double.isNaN(pair[1]) ? null : pair[1],
                true, Goal.atLeast(GOAL, "/s"), "")));
        rows.add(Row.of("calendar.deadline", "Calendar: deadline(Instant, 5) with zone conversions (JMH)", "ops/s", deadline,
                null, null, true, Goal.none(), "what the SLA layer calls per stage"));
        List<String> notes = List.of("Calendar: JMH, 1 fork, 3 x 1 s warm-up and 3 x 1 s measurement per benchmark;"
                + " WorkingCalendar.addWorkingDays on the shipped national calendar (WIB) from 1,024 random start dates"
                + " in 2025-2026 against the same answer computed one day at a time (weekday test and a HashSet lookup"
                + " per day); n = 1000 reaches the provisional years. Same as `java -jar benchmarks.jar Calendar`.");
        return new Section("calendar", "Working-day calendar", (System.nanoTime() - started) / 1e9, rows, details, notes);
    }
}
