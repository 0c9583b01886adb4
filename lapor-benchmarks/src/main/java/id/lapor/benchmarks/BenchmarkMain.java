package id.lapor.benchmarks;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks with short defaults (1 fork, 3 x 1 s warm-up, 3 x 1 s measurement; any JMH option on the
 * command line wins), then prints ratios between results of this same run: indexed against naive, and N = 1000
 * against N = 1. Ratios from one run on one machine mean something; absolute figures across machines do not.
 *
 * <pre>java -jar lapor-benchmarks/target/benchmarks.jar [JMH options] [regex, default Calendar]</pre>
 */
public final class BenchmarkMain {
    private static final double GOAL_OPS_PER_SECOND = 20_000_000;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include("Calendar");
        }
        if (!cli.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        // The N = 1000 case reaches provisional years; their one-off warnings are not what is measured.
        options.jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        report(new Runner(options.build()).run());
    }

    private static void report(Collection<RunResult> results) {
        Map<Integer, double[]> byN = new TreeMap<>();
        Double deadline = null;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (method.endsWith("CalendarDeadlineBenchmark.deadline")) {
                deadline = score;
                continue;
            }
            String n = result.getParams().getParam("n");
            if (n == null || !method.contains(".CalendarBenchmark.")) {
                continue;
            }
            double[] pair = byN.computeIfAbsent(Integer.parseInt(n), k -> new double[] {Double.NaN, Double.NaN});
            if (method.endsWith(".addWorkingDays")) {
                pair[0] = score;
            } else if (method.endsWith(".naiveDayByDay")) {
                pair[1] = score;
            }
        }
        System.out.println();
        System.out.println("Working-day arithmetic, ops/s (higher is better), all measured in this run:");
        System.out.printf("%6s %18s %18s %14s%n", "N", "addWorkingDays", "naive loop", "indexed/naive");
        double indexedMin = Double.MAX_VALUE;
        for (Map.Entry<Integer, double[]> row : byN.entrySet()) {
            double[] pair = row.getValue();
            indexedMin = Math.min(indexedMin, pair[0]);
            System.out.printf("%6d %,18.0f %,18.0f %13.1fx%n", row.getKey(), pair[0], pair[1], pair[0] / pair[1]);
        }
        double[] one = byN.get(1);
        double[] thousand = byN.get(1000);
        if (one != null && thousand != null) {
            System.out.printf("addWorkingDays throughput N=1000 / N=1: %.2f  (1.00 = cost does not grow with N)%n",
                    thousand[0] / one[0]);
            System.out.printf("naive loop     throughput N=1000 / N=1: %.4f%n", thousand[1] / one[1]);
        }
        if (!byN.isEmpty()) {
            System.out.printf("goal >= %,.0f ops/s for every N: %s (lowest %,.0f)%n", GOAL_OPS_PER_SECOND,
                    indexedMin >= GOAL_OPS_PER_SECOND ? "met" : "MISSED", indexedMin);
        }
        if (deadline != null) {
            System.out.printf("deadline(Instant, 5) from an instant, with zone conversions: %,.0f ops/s%n", deadline);
        }
    }
}
