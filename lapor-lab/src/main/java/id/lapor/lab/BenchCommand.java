package id.lapor.lab;

import id.lapor.core.calendar.Deadline;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.routing.Router;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.lab.generate.Distributions;
import id.lapor.lab.generate.SyntheticRules;
import id.lapor.policy.jackson.PolicyResources;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure routing throughput on one core: a synthetic nation-sized rule set, each report routed"
                + " and its verification and follow-up deadlines computed, indexed router against the linear scan.",
                "A measurement, not a test: run it on a quiet machine."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", defaultValue = "500", description = "Rules (default: ${DEFAULT-VALUE}).")
    int ruleCount;

    @Option(names = "--reports", defaultValue = "100000", description = "Distinct reports cycled (default: ${DEFAULT-VALUE}).")
    int reports;

    @Option(names = "--seconds", defaultValue = "3", description = "Measured seconds per router (default: ${DEFAULT-VALUE}), after as long a warm-up.")
    int seconds;

    @Option(names = "--seed", defaultValue = "1708")
    long seed;

    private long sink;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SyntheticRules synthetic = new SyntheticRules(ruleCount, seed);
        List<RoutingInput> inputs = synthetic.inputs(reports);
        Router indexed = Router.indexed(synthetic.rules, synthetic.catalogue);
        Router linear = Router.linear(synthetic.rules, synthetic.catalogue);
        Map<IndonesianTimeZone, WorkingCalendar> calendars = new EnumMap<>(IndonesianTimeZone.class);
        var book = PolicyResources.defaultCalendars();
        for (IndonesianTimeZone z : IndonesianTimeZone.values()) {
            calendars.put(z, book.require(id.lapor.core.calendar.CalendarId.of(
                    "id-national-" + z.name().toLowerCase(java.util.Locale.ROOT))));
        }
        WorkingCalendar[] byInput = new WorkingCalendar[inputs.size()];
        Instant[] submitted = new Instant[inputs.size()];
        Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(IndonesianTimeZone.WIB.zoneId()).toInstant();
        for (int i = 0; i < inputs.size(); i++) {
            byInput[i] = calendars.get(Distributions.zoneOf(inputs.get(i).region()));
            submitted[i] = start.plusSeconds((long) i * 313 % (360L * 86_400));
        }
        int routed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            RoutingDecision a = indexed.route(inputs.get(i));
            RoutingDecision b = linear.route(inputs.get(i));
            if (!a.matchedRule().equals(b.matchedRule())) {
                throw new IllegalStateException("indexed and linear routers disagree on report " + i);
            }
            routed += a.isRouted() ? 1 : 0;
        }
        out.printf("%,d rules, %,d distinct reports (%.1f%% routed, the rest to the verifiers' queue); same decisions"
                + " from both routers%n", synthetic.rules.size(), inputs.size(), 100.0 * routed / inputs.size());
        double fast = measure("indexed", indexed, inputs, byInput, submitted, out);
        double slow = measure("linear", linear, inputs, byInput, submitted, out);
        out.printf("indexed / linear: %.1fx%n", fast / slow);
        out.flush();
        return sink == 42 ? 0 : 0;
    }

    private double measure(String name, Router router, List<RoutingInput> inputs, WorkingCalendar[] calendars,
                           Instant[] submitted, PrintWriter out) {
        run(router, inputs, calendars, submitted, seconds * 1_000_000_000L);
        long started = System.nanoTime();
        long done = run(router, inputs, calendars, submitted, seconds * 1_000_000_000L);
        double perSecond = done / ((System.nanoTime() - started) / 1e9);
        out.printf("%-8s %,12.0f reports/s (route + verification and follow-up deadlines, one thread)%n", name,
                perSecond);
        return perSecond;
    }

    private long run(Router router, List<RoutingInput> inputs, WorkingCalendar[] calendars, Instant[] submitted,
                     long nanos) {
        long end = System.nanoTime() + nanos;
        long done = 0;
        int n = inputs.size();
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                int i = (int) (done % n);
                RoutingDecision d = router.route(inputs.get(i));
                Deadline verification = calendars[i].deadline(submitted[i], 3);
                Deadline followUp = calendars[i].deadline(verification.due(), 5);
                sink += followUp.lastDay().getDayOfYear() + (d.isRouted() ? 1 : 0);
                done++;
            }
        }
        return done;
    }
}
