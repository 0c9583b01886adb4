package id.lapor.lab;

import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.lab.history.BadLine;
import id.lapor.lab.replay.ComplaintResult;
import id.lapor.lab.replay.Replayer;
import id.lapor.lab.replay.ResultJson;
import id.lapor.lab.replay.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replay a history (JSON Lines) through a policy: one result line per complaint (unit, rule,"
                + " deadlines per stage, breaches, escalations) and a summary per unit and month.",
                "Bad lines are reported on stderr with their numbers and counted in the summary."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "The history, one complaint per line.")
    Path history;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE",
            description = "Policy file (.yaml, .yml, .json). Repeat it for several versions: each complaint is then"
                    + " replayed under the version in force at its submission. Default: the built-in policy.")
    List<Path> policies;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Results, JSON Lines (default: stdout).")
    Path out;

    @Option(names = {"-s", "--summary"}, paramLabel = "FILE", description = "Also write the summary as JSON here.")
    Path summaryFile;

    @Mixin
    ReplayOptions options;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        List<Policy> loaded = Policies.loadAll(policies);
        Instant asOf = options.asOf(history);
        Replayer replayer = loaded.size() == 1 ? new Replayer(loaded.get(0), asOf)
                : new Replayer(PolicyBook.of(loaded), asOf);
        Policy reference = loaded.get(loaded.size() - 1);
        long replayStarted = System.nanoTime();
        Summary summary = new Summary(reference);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(System.err, options.progress(), HistoryFiles.size(history), "simulate");
        try (Writer w = Json.writer(out)) {
            Pipeline.run(history, progress, line -> {
                ComplaintResult r = replayer.replay(line);
                return new Done(r, json(r));
            }, new Pipeline.Sink<Done>() {
                @Override
                public void good(Done d) {
                    summary.add(d.result);
                    try {
                        w.write(d.json);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void bad(BadLine b) {
                    SimulateCommand.bad(summary, err, b);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (summaryFile != null) {
            try (Writer w = Json.writer(summaryFile); JsonGenerator g = Json.generator(w)) {
                ResultJson.writeSummary(g, summary, asOf);
                g.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        err.print(SummaryText.render(summary, asOf));
        err.printf("replayed %,d lines in %,d ms (policy loaded in %,d ms before)%n", summary.lines(),
                (System.nanoTime() - replayStarted) / 1_000_000, (replayStarted - started) / 1_000_000);
        err.flush();
        return options.strict && !summary.badLines().isEmpty() ? Lab.REFUSED : 0;
    }

    private record Done(ComplaintResult result, String json) {
    }

    /** One result as a JSON line, newline included. */
    static String json(ComplaintResult r) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = Json.generator(out)) {
            ResultJson.writeResult(g, r);
        }
        return out.append('\n').toString();
    }

    static void bad(Summary summary, PrintWriter err, BadLine b) {
        summary.addBad(b);
        err.println("bad " + b);
    }
}
