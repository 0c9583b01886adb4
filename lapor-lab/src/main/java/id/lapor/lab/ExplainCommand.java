package id.lapor.lab;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.Policy;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.core.routing.RuleVerdict;
import id.lapor.lab.history.BadLineException;
import id.lapor.lab.history.HistoryLine;
import id.lapor.lab.replay.ComplaintResult;
import id.lapor.lab.replay.EscalationResult;
import id.lapor.lab.replay.Replayer;
import id.lapor.lab.replay.ResultJson;
import id.lapor.lab.replay.StageResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Route one complaint through a policy and print every rule's verdict: the rule that decides,"
                + " on which conditions, and why each other rule does or does not match.",
                "Take the complaint from a history (--history with --id or --line; its deadlines are replayed too)"
                        + " or type it in (--kind, --channel, --region, ...)."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", description = "Policy file (default: built-in).")
    Path policyFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        FromHistory history;

        @ArgGroup(exclusive = false)
        Typed typed;
    }

    static final class FromHistory {
        @Option(names = "--history", paramLabel = "FILE", required = true)
        Path file;

        @Option(names = "--id", paramLabel = "ID", description = "The complaint's id in the history.")
        String id;

        @Option(names = "--line", paramLabel = "N", description = "The complaint's line number in the history.")
        Long line;

        @Option(names = "--as-of", paramLabel = "TIME", description = "As in simulate (default: latest time in the history).")
        String asOf;
    }

    static final class Typed {
        @Option(names = "--kind", required = true, description = "ASPIRATION, COMPLAINT or INFORMATION_REQUEST.")
        Kind kind;

        @Option(names = "--channel", required = true, description = "WEB, SMS, MOBILE_APP, SOCIAL_MEDIA, FRONT_DESK, EMAIL, API.")
        Channel channel;

        @Option(names = "--region", required = true, description = "Region code, e.g. 62.71.01.1001.")
        String region;

        @Option(names = "--category")
        String category;

        @Option(names = "--title", defaultValue = "")
        String title;

        @Option(names = "--body", defaultValue = "")
        String body;

        @Option(names = "--institution", description = "The institution the reporter chose.")
        String institution;
    }

    @Override
    public Integer call() {
        Policy policy = Policies.load(policyFile);
        PrintWriter out = spec.commandLine().getOut();
        if (source.typed != null) {
            Typed t = source.typed;
            RoutingInput input = RoutingInput.of(t.kind, t.channel, t.category == null ? null : CategoryId.of(t.category),
                    RegionCode.of(t.region), t.title, t.body, t.institution == null ? null : UnitId.of(t.institution));
            out.print(explain(policy, input));
        } else {
            FromHistory h = source.history;
            if ((h.id == null) == (h.line == null)) {
                throw new ParameterException(spec.commandLine(), "give exactly one of --id and --line");
            }
            HistoryLine line = find(h);
            out.print(explain(policy, line.routingInput()));
            ReplayOptions o = new ReplayOptions();
            o.asOf = h.asOf;
            try {
                out.print(replay(new Replayer(policy, o.asOf(h.file)).replay(line)));
            } catch (BadLineException e) {
                out.println("cannot replay line " + line.line() + ": " + e.getMessage());
            }
        }
        out.flush();
        return 0;
    }

    private HistoryLine find(FromHistory h) {
        List<HistoryLine> found = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Progress none = new Progress(System.err, false, 0, "");
        HistoryFiles.read(h.file, none, line -> {
            if (h.id != null ? line.id().equals(h.id) : line.line() == h.line) {
                found.add(line);
            }
        }, b -> {
            if (h.line != null && b.line() == h.line) {
                bad.add(b.toString());
            }
        });
        if (!bad.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "bad " + bad.get(0));
        }
        if (found.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no complaint " + (h.id != null ? "with id " + h.id
                    : "on line " + h.line) + " in " + h.file);
        }
        return found.get(0);
    }

    /** Every rule's verdict, the decisive one marked, then the decision. */
    static String explain(Policy policy, RoutingInput in) {
        StringBuilder sb = new StringBuilder();
        sb.append("policy ").append(policy.label()).append('\n');
        sb.append("report: ").append(in.kind()).append(" via ").append(in.channel())
                .append(", category ").append(in.category().map(CategoryId::value).orElse("(none)"))
                .append(", region ").append(in.region())
                .append(", institution ").append(in.institution().map(UnitId::value).orElse("(none)")).append('\n');
        sb.append("  title: ").append(in.title()).append('\n');
        sb.append("  body: ").append(in.body()).append('\n');
        RoutingDecision d = policy.route(in);
        int decisive = d instanceof RoutingDecision.Routed r ? r.ruleIndex() : -1;
        sb.append("verdicts:\n");
        for (RuleVerdict v : policy.router().verdicts(in)) {
            String mark = v.index() == decisive ? "=> " : "   ";
            String text = v.text();
            if (v.matched() && v.index() > decisive && decisive >= 0) {
                text += " (not reached: rules[" + decisive + "] decided first)";
            }
            sb.append(mark).append(text).append('\n');
        }
        if (d.isRouted()) {
            RoutingDecision.Routed r = (RoutingDecision.Routed) d;
            sb.append("decision: routed to ").append(r.unit()).append(" by rules[").append(r.ruleIndex()).append("] ")
                    .append(r.rule().name()).append('\n');
        } else {
            sb.append("decision: no rule matched; to the verifiers' queue of ")
                    .append(policy.verifierFor(in.region())).append('\n');
        }
        return sb.toString();
    }

    static String replay(ComplaintResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("replay (").append(r.policy()).append("): ").append(r.status())
                .append(r.completedAutomatically() ? " (automatically, the reply window ran out)" : "").append('\n');
        for (StageResult s : r.stages()) {
            sb.append(String.format("  %-12s %-30s start %s, %d working days%s, deadline %s, %s: %s%n", s.stage(),
                    s.unit(), ResultJson.time(s.start(), s.deadline().zone()), s.targetDays(),
                    s.pausedDays() > 0 ? " + " + s.pausedDays() + " paused" : "",
                    ResultJson.time(s.deadline().due(), s.deadline().zone()),
                    s.end().map(e -> "ended " + ResultJson.time(e, s.deadline().zone())).orElse("open"), s.outcome()));
        }
        for (EscalationResult e : r.escalations()) {
            java.time.ZoneId zone = r.stages().stream().filter(s -> s.unit().equals(e.unit())).findFirst()
                    .map(s -> s.deadline().zone()).orElse(r.ownerZone());
            sb.append(String.format("  escalation %s level %d (%s, %s) at %s: %s%n", e.rule(), e.level(), e.stage(),
                    e.unit(), ResultJson.time(e.at(), zone), new java.util.TreeSet<>(e.actions())));
        }
        return sb.toString();
    }
}
