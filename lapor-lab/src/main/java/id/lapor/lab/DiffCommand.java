package id.lapor.lab;

import id.lapor.core.policy.Policy;
import id.lapor.lab.history.BadLine;
import id.lapor.lab.replay.ComplaintResult;
import id.lapor.lab.replay.PolicyDiff;
import id.lapor.lab.replay.Replayer;
import id.lapor.lab.replay.ResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Replay the same history through two policies: which complaints change unit, which newly"
                + " breach or stop breaching, and the change in each unit's on-time rate.")
final class DiffCommand implements Callable<Integer> {
    enum Format { TEXT, JSONL }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HISTORY")
    Path history;

    @Option(names = {"-a", "--before"}, paramLabel = "FILE", description = "The current policy (default: built-in).")
    Path before;

    @Option(names = {"-b", "--after"}, paramLabel = "FILE", required = true, description = "The proposed policy.")
    Path after;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write the diff (default: stdout).")
    Path out;

    @Option(names = "--format", defaultValue = "TEXT", description = "TEXT (default) or JSONL: one change per line.")
    Format format;

    @Mixin
    ReplayOptions options;

    @Override
    public Integer call() {
        Policy a = Policies.load(before);
        Policy b = Policies.load(after);
        Instant asOf = options.asOf(history);
        Replayer ra = new Replayer(a, asOf);
        Replayer rb = new Replayer(b, asOf);
        PolicyDiff diff = new PolicyDiff(a, b);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(System.err, options.progress(), HistoryFiles.size(history), "diff");
        Pipeline.run(history, progress, line -> new ComplaintResult[] {ra.replay(line), rb.replay(line)},
                new Pipeline.Sink<ComplaintResult[]>() {
                    @Override
                    public void good(ComplaintResult[] r) {
                        diff.add(r[0], r[1]);
                    }

                    @Override
                    public void bad(BadLine bad) {
                        diff.addBad(bad);
                        err.println("bad " + bad);
                    }
                });
        try (Writer w = Json.writer(out)) {
            if (format == Format.JSONL) {
                writeJsonLines(w, diff, asOf);
            } else {
                w.write(text(diff, asOf));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.flush();
        return options.strict && !diff.before().badLines().isEmpty() ? Lab.REFUSED : 0;
    }

    static String text(PolicyDiff d, Instant asOf) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("diff %s -> %s over %,d complaints (as of %s), %,d bad lines%n",
                d.before().policy().label(), d.after().policy().label(), d.compared(), asOf,
                d.before().badLines().size()));
        sb.append(String.format("%n%,d complaints change unit%n", d.moves().size()));
        for (PolicyDiff.Move m : d.moves()) {
            sb.append(String.format("  line %d  %s: %s -> %s%n", m.line(), m.id(),
                    owner(m.from().value(), m.fromUnrouted(), m.ruleBefore()),
                    owner(m.to().value(), m.toUnrouted(), m.ruleAfter())));
        }
        sb.append(String.format("%n%,d complaints newly breach a deadline%n", d.newlyBreached().size()));
        for (PolicyDiff.BreachChange c : d.newlyBreached()) {
            sb.append(String.format("  line %d  %s: %s at %s%n", c.line(), c.id(), c.stages(), c.unitAfter()));
        }
        sb.append(String.format("%n%,d complaints stop breaching%n", d.noLongerBreached().size()));
        for (PolicyDiff.BreachChange c : d.noLongerBreached()) {
            sb.append(String.format("  line %d  %s: %s at %s%n", c.line(), c.id(), c.stages(), c.unitBefore()));
        }
        sb.append(String.format("%non-time rate by unit (before -> after)%n"));
        for (PolicyDiff.RateChange r : d.rates()) {
            sb.append(String.format("  %-34s %7s -> %7s  %s%n", r.unit(), pct(r.before()), pct(r.after()),
                    Double.isNaN(r.change()) ? "" : String.format(Locale.ROOT, "%+.1f pts", r.change() * 100)));
        }
        return sb.toString();
    }

    private static String owner(String unit, boolean unrouted, Optional<String> rule) {
        return unrouted ? "verifiers' queue of " + unit : unit + " (" + rule.orElse("-") + ")";
    }

    private static String pct(double rate) {
        return Double.isNaN(rate) ? "-" : ResultJson.rate(rate).movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP) + "%";
    }

    private static void writeJsonLines(Writer w, PolicyDiff d, Instant asOf) {
        try (JsonGenerator g = Json.generator(w)) {
            for (PolicyDiff.Move m : d.moves()) {
                g.writeStartObject();
                g.writeStringProperty("change", "moved");
                g.writeNumberProperty("line", m.line());
                g.writeStringProperty("id", m.id());
                g.writeStringProperty("from", m.from().value());
                g.writeBooleanProperty("fromUnrouted", m.fromUnrouted());
                g.writeStringProperty("ruleBefore", m.ruleBefore().orElse(null));
                g.writeStringProperty("to", m.to().value());
                g.writeBooleanProperty("toUnrouted", m.toUnrouted());
                g.writeStringProperty("ruleAfter", m.ruleAfter().orElse(null));
                g.writeEndObject();
                g.writeRaw('\n');
            }
            breaches(g, "newly-breached", d.newlyBreached());
            breaches(g, "no-longer-breached", d.noLongerBreached());
            for (PolicyDiff.RateChange r : d.rates()) {
                g.writeStartObject();
                g.writeStringProperty("change", "on-time-rate");
                g.writeStringProperty("unit", r.unit().value());
                rate(g, "before", r.before());
                rate(g, "after", r.after());
                rate(g, "delta", r.change());
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeStartObject();
            g.writeStringProperty("change", "summary");
            g.writeStringProperty("before", d.before().policy().label());
            g.writeStringProperty("after", d.after().policy().label());
            g.writeStringProperty("asOf", asOf.toString());
            g.writeNumberProperty("complaints", d.compared());
            g.writeNumberProperty("moved", d.moves().size());
            g.writeNumberProperty("newlyBreached", d.newlyBreached().size());
            g.writeNumberProperty("noLongerBreached", d.noLongerBreached().size());
            g.writeNumberProperty("badLines", d.before().badLines().size());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void breaches(JsonGenerator g, String change, java.util.List<PolicyDiff.BreachChange> list) {
        for (PolicyDiff.BreachChange c : list) {
            g.writeStartObject();
            g.writeStringProperty("change", change);
            g.writeNumberProperty("line", c.line());
            g.writeStringProperty("id", c.id());
            g.writeStringProperty("unitBefore", c.unitBefore().value());
            g.writeStringProperty("unitAfter", c.unitAfter().value());
            g.writeArrayPropertyStart("stages");
            c.stages().forEach(s -> g.writeString(s.name()));
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void rate(JsonGenerator g, String name, double v) {
        if (Double.isNaN(v)) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, ResultJson.rate(v));
        }
    }
}
