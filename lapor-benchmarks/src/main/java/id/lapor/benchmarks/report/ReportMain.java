package id.lapor.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs every figure of the benchmark issue, one after the other, and writes {@code BENCHMARKS.md} and
 * {@code benchmarks.json}: the calendar (JMH, forked by JMH), then each of these in a JVM of its own so that none
 * inherits another's heap or compiled code: replay, memory, intake over HTTP, lifecycle against Flowable, storage
 * on PostgreSQL (lifecycle against hand-written JDBC, the SLA sweep at scale). About 10 minutes on 2 cores;
 * each figure has a time limit, past which its JVM is stopped and the table says it was not measured.
 *
 * <pre>java -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.report.ReportMain [options]
 *   --out-dir DIR      where BENCHMARKS.md and benchmarks.json go (default: the working directory, the repository root)
 *   --work-dir DIR     each figure's own JSON (default lapor-benchmarks/target/report)
 *   --only a,b         only these figures: calendar, replay, memory, intake, flowable, storage (the others' rows are
 *                      then missing from the files written)
 *   --reuse true       measure nothing: write the files again from the figures' JSON the last run left in the work
 *                      directory, with the machine, date and load average of the benchmarks.json it wrote</pre>
 */
public final class ReportMain {
    static final String COMMAND = "./mvnw -B -q -Pbenchmarks -pl lapor-benchmarks -am package -Dmaven.test.skip=true"
            + " && java -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.report.ReportMain";
    private static final List<String> ALL = List.of("calendar", "replay", "memory", "intake", "flowable", "storage");
    private static final String QUIET = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

    private ReportMain() {
    }

    /** A figure measured by a main of its own, in its own JVM, within a time limit. */
    private record Child(String name, String title, String mainClass, List<String> jvm, List<String> args, Duration limit) {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        Path outDir = Path.of(o.text("out-dir", "."));
        Path work = Path.of(o.text("work-dir", "lapor-benchmarks/target/report"));
        Set<String> only = Set.copyOf(Arrays.asList(o.text("only", String.join(",", ALL)).split(",")));
        boolean reuse = Boolean.parseBoolean(o.text("reuse", "false"));
        Files.createDirectories(work);
        Machine machine = Machine.now();
        long started = System.nanoTime();
        progress("%d cores (%s), %.1f GiB, %s; load average %s", machine.cores(), machine.cpu(),
                machine.memoryBytes() / (1024.0 * 1024 * 1024), machine.jvm(), machine.loadAverageAtStart());

        List<Child> children = List.of(
                new Child("replay", "Replay through 500 rules", ReplayBenchmark.class.getName(), List.of("-Xmx2g"),
                        List.of(), Duration.ofMinutes(3)),
                new Child("memory", "Memory per complaint", "id.lapor.benchmarks.memory.MemoryBenchmark",
                        List.of("-Xmx2g", "-XX:+UseSerialGC"), List.of(), Duration.ofMinutes(3)),
                new Child("intake", "Intake over HTTP", "id.lapor.benchmarks.intake.IntakeBenchmark", List.of("-Xmx1g"),
                        List.of(), Duration.ofMinutes(3)),
                new Child("flowable", "Lifecycle against Flowable", "id.lapor.benchmarks.flowable.FlowableBenchmark",
                        List.of("-Xmx1g"), List.of(), Duration.ofMinutes(6)),
                new Child("storage", "Storage on PostgreSQL", StorageFigures.MAIN, List.of("-Xmx2g"), List.of(),
                        Duration.ofMinutes(7)));

        List<Section> sections = new ArrayList<>();
        if (only.contains("calendar")) {
            Path file = work.resolve("calendar.json");
            try {
                Section calendar = reuse ? Section.read(file) : CalendarFigures.run();
                calendar.write(file);
                sections.add(calendar);
            } catch (Exception | LinkageError e) {
                sections.add(failed("calendar", "Working-day calendar", "calendar.addWorkingDays", e.toString()));
            }
        }
        for (Child child : children) {
            if (only.contains(child.name())) {
                sections.add(reuse ? reused(child, work) : run(child, work));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String loadAtEnd = Machine.loadAverage();
        Path previous = outDir.resolve("benchmarks.json");
        if (reuse && Files.exists(previous)) {
            // The figures are the last run's: so are the machine, the date, the load and the run's length.
            tools.jackson.databind.JsonNode last = Section.JSON.readTree(Files.readString(previous));
            machine = Section.JSON.treeToValue(last.path("machine"), Machine.class);
            loadAtEnd = last.path("loadAverageAtEnd").asString(loadAtEnd);
            seconds = last.path("runSeconds").asDouble(seconds);
        }
        progress("all figures in %.0f s; load average now %s", seconds, loadAtEnd);

        List<Row> rows = sections.stream().flatMap(s -> s.rows().stream()).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", COMMAND);
        json.put("machine", machine.asMap());
        json.put("loadAverageAtEnd", loadAtEnd);
        json.put("runSeconds", seconds);
        json.put("rows", rows);
        json.put("sections", sections);
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("benchmarks.json"),
                Section.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        Files.writeString(outDir.resolve("BENCHMARKS.md"), Markdown.render(machine, loadAtEnd, seconds, sections));
        progress("written %s and %s", outDir.resolve("BENCHMARKS.md"), outDir.resolve("benchmarks.json"));
        System.out.println();
        System.out.println(Markdown.table(rows));
    }

    private static Section run(Child child, Path work) throws IOException, InterruptedException {
        Path out = work.resolve(child.name() + ".json");
        Files.deleteIfExists(out);
        try {
            Class.forName(child.mainClass(), false, ReportMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return failed(child.name(), child.title(), child.name(), child.mainClass() + " is not in this build: the figure"
                    + " was not measured");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(child.jvm());
        command.add(QUIET);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(child.mainClass());
        command.add("--out");
        command.add(out.toString());
        command.addAll(child.args());
        progress("%s: %s", child.name(), child.mainClass());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(child.limit().toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return failed(child.name(), child.title(), child.name(), "stopped after its limit of "
                    + child.limit().toMinutes() + " minutes: not measured in this run");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0 || !Files.exists(out)) {
            return failed(child.name(), child.title(), child.name(), child.mainClass() + " failed (exit "
                    + process.exitValue() + "); its output is above in the run's log");
        }
        progress("%s done in %.0f s", child.name(), seconds);
        return child.name().equals("storage") ? StorageFigures.read(out, seconds) : Section.read(out);
    }

    private static Section reused(Child child, Path work) throws IOException {
        Path out = work.resolve(child.name() + ".json");
        if (!Files.exists(out)) {
            return failed(child.name(), child.title(), child.name(), "no " + out + " from an earlier run");
        }
        return child.name().equals("storage") ? StorageFigures.read(out, 0) : Section.read(out);
    }

    private static Section failed(String name, String title, String id, String why) {
        progress("%s: %s", name, why);
        return new Section(name, title, 0, List.of(Row.missing(id, title, Goal.none(), why)), Map.of(), List.of());
    }

    private static void progress(String format, Object... args) {
        Windows.progress("report", format, args);
    }
}
