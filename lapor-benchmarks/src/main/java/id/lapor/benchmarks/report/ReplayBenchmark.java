package id.lapor.benchmarks.report;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.CalendarId;
import id.lapor.core.calendar.Deadline;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.directory.Unit;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyCheck;
import id.lapor.core.policy.PolicyProblem;
import id.lapor.core.policy.ProblemKind;
import id.lapor.core.routing.Router;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.lab.generate.Distributions;
import id.lapor.lab.generate.HistoryGenerator;
import id.lapor.lab.history.HistoryLine;
import id.lapor.lab.replay.ComplaintResult;
import id.lapor.lab.replay.Replayer;
import id.lapor.policy.jackson.PolicyFormat;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy lab's nation-scale year through 500 routing rules, on one thread (per core).
 *
 * <p>The year is the lab's own: {@link HistoryGenerator} with the NATION profile (300,000 reports, seed 1708, 2025)
 * on the default policy, exactly what {@code lapor-lab generate --profile nation} writes. The 500 rules replace the
 * default policy's rules, over its own catalogue and units, in the mix of the lab's {@code bench} (70% a category and
 * a province or regency, 15% a regency alone, 10% a category with keywords, 5% a channel with a keyword; 10% also a
 * kind), drawn with a seed; rules the validator finds shadowed are drawn again, so the policy passes validation.
 *
 * <ul>
 *   <li>Routing and deadlines: each complaint routed and its verification (3) and follow-up (5) working-day
 *       deadlines computed, as the lab's {@code bench} and {@code RoutingBenchmark} do, through the indexed router
 *       and through the linear scan of the same rules ({@link Router#linear}); both must decide alike on every
 *       complaint of the year. Goal: indexed at least 500,000 per second.</li>
 *   <li>Full replay: {@link Replayer#replay} of each complaint (routing, every stage with its deadline and pauses,
 *       escalations), what {@code lapor-lab simulate} does per line.</li>
 * </ul>
 *
 * <pre>java -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.report.ReplayBenchmark
 *   [--out FILE] [--count 300000] [--rules 500] [--warmup 3] [--seconds 5]</pre>
 */
public final class ReplayBenchmark {
    private static final double GOAL = 500_000;
    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32",
            "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
            "81", "82", "91", "92", "93", "94", "95", "96"};
    /** Words and phrases the lab's texts contain now and then (titles, the haze season's sentence, SMS). */
    private static final String[] TERMS = {"kabut asap", "karhutla", "jalan provinsi", "pungutan", "bansos", "bpjs",
            "ppdb", "limbah", "zonasi", "blangko", "juru parkir", "pdam", "pkl", "igd", "obat", "trotoar", "asn",
            "imbalan", "genangan", "longsor"};

    private static volatile long sink;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) {
        Options o = new Options(args);
        Path out = Path.of(o.text("out", "lapor-benchmarks/target/report/replay.json"));
        int count = o.integer("count", HistoryGenerator.Profile.NATION.defaultCount());
        int ruleCount = o.integer("rules", 500);
        Duration warmup = o.seconds("warmup", 3);
        Duration window = o.seconds("seconds", 5);
        long started = System.nanoTime();

        CalendarBook calendars = PolicyResources.defaultCalendars();
        PolicyReader reader = new PolicyReader(calendars);
        Policy defaults = reader.readDefault();
        long t = System.nanoTime();
        List<HistoryLine> year = new ArrayList<>(count);
        new HistoryGenerator(new HistoryGenerator.Settings(HistoryGenerator.Profile.NATION, count, 1708, 2025), defaults)
                .generate(year::add);
        progress("the lab's nation year: %,d complaints generated in %.1f s", year.size(), (System.nanoTime() - t) / 1e9);

        t = System.nanoTime();
        int[] redrawn = {0};
        Policy policy = nationPolicy(reader, defaults, ruleCount, redrawn);
        progress("a policy of %d rules, valid (%d shadowed rules drawn again), in %.1f s", policy.rules().size(), redrawn[0],
                (System.nanoTime() - t) / 1e9);

        RoutingInput[] inputs = new RoutingInput[year.size()];
        Instant[] submitted = new Instant[year.size()];
        WorkingCalendar[] byLine = new WorkingCalendar[year.size()];
        Map<IndonesianTimeZone, WorkingCalendar> zones = new EnumMap<>(IndonesianTimeZone.class);
        for (IndonesianTimeZone z : IndonesianTimeZone.values()) {
            zones.put(z, calendars.require(CalendarId.of("id-national-" + z.name().toLowerCase(Locale.ROOT))));
        }
        Instant asOf = Instant.MIN;
        for (int i = 0; i < inputs.length; i++) {
            HistoryLine h = year.get(i);
            inputs[i] = h.routingInput();
            submitted[i] = h.submittedAt();
            byLine[i] = zones.get(Distributions.zoneOf(h.region()));
            asOf = h.lastInstant().isAfter(asOf) ? h.lastInstant() : asOf;
        }
        Router indexed = Router.indexed(policy.rules(), policy.categories());
        Router linear = Router.linear(policy.rules(), policy.categories());
        int routed = 0;
        for (int i = 0; i < inputs.length; i++) {
            RoutingDecision a = indexed.route(inputs[i]);
            if (!a.matchedRule().equals(linear.route(inputs[i]).matchedRule())) {
                throw new IllegalStateException("indexed and linear routers disagree on line " + (i + 1));
            }
            routed += a.isRouted() ? 1 : 0;
        }
        progress("both routers decide alike on all %,d; %.1f%% routed by a rule", inputs.length, 100.0 * routed / inputs.length);

        double fast = measure("indexed", i -> routeAndTime(indexed, inputs, submitted, byLine, i), inputs.length, warmup, window);
        double slow = measure("linear", i -> routeAndTime(linear, inputs, submitted, byLine, i), inputs.length, warmup, window);
        Replayer replayer = new Replayer(policy, asOf);
        double full = measure("full replay", i -> {
            ComplaintResult r = replayer.replay(year.get(i));
            sink += r.stages().size();
        }, year.size(), warmup, window);
        int[] fullPass = {0};
        long onePass = System.nanoTime();
        for (HistoryLine h : year) {
            sink += replayer.replay(h).stages().size();
            fullPass[0]++;
        }
        double fullYearSeconds = (System.nanoTime() - onePass) / 1e9;
        progress("the whole year once through the full replay: %.2f s", fullYearSeconds);

        List<Row> rows = List.of(
                Row.of("replay.routing", "Replay: nation year (300,000) routed + 2 deadlines, 500 rules, per core",
                        "complaints/s", fast, "linear scan of the same rules", slow, true, Goal.atLeast(GOAL, "/s"),
                        String.format(Locale.ROOT, "%.1f%% routed by a rule; indexed and linear decide alike on every line",
                                100.0 * routed / inputs.length)),
                Row.of("replay.full", "Replay: nation year, full lab replay (stages, pauses, escalations), per core",
                        "complaints/s", full, null, null, true, Goal.none(),
                        String.format(Locale.ROOT, "the whole year once: %.1f s on one thread", fullYearSeconds)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("complaints", year.size());
        details.put("rules", policy.rules().size());
        details.put("shadowedRulesDrawnAgain", redrawn[0]);
        details.put("routedShare", (double) routed / inputs.length);
        details.put("indexedPerSecond", fast);
        details.put("linearPerSecond", slow);
        details.put("fullReplayPerSecond", full);
        details.put("fullYearSeconds", fullYearSeconds);
        details.put("asOf", asOf.toString());
        List<String> notes = List.of(String.format(Locale.ROOT, "Replay: the lab's nation year (HistoryGenerator, NATION"
                + " profile, %,d complaints, seed 1708, 2025, on the default policy) through a policy of %d rules over the"
                + " default catalogue and units, in the mix of the lab's bench, drawn with seed 1708 (%d shadowed rules"
                + " drawn again, so that it validates); %.1f%% of the year is routed by a rule. One thread, %d s warm-up"
                + " and %d s measured per router, cycling over the year; routing plus the verification and follow-up"
                + " deadlines as the lab's bench does. Full replay: the lab's Replayer on each complaint.", year.size(),
                policy.rules().size(), redrawn[0], 100.0 * routed / inputs.length, warmup.toSeconds(), window.toSeconds()));
        new Section("replay", "Replay through 500 rules", (System.nanoTime() - started) / 1e9, rows, details, notes).write(out);
        progress("written %s", out.toAbsolutePath());
    }

    private static void routeAndTime(Router router, RoutingInput[] inputs, Instant[] submitted, WorkingCalendar[] calendars,
                                     int i) {
        RoutingDecision d = router.route(inputs[i]);
        Deadline verification = calendars[i].deadline(submitted[i], 3);
        Deadline followUp = calendars[i].deadline(verification.due(), 5);
        sink += followUp.lastDay().getDayOfYear() + (d.isRouted() ? 1 : 0);
    }

    private interface Step {
        void run(int i);
    }

    /** Complaints per second on this thread, cycling over the year, after as long a warm-up as {@code warmup}. */
    private static double measure(String name, Step step, int n, Duration warmup, Duration window) {
        cycle(step, n, warmup.toNanos(), 0);
        long begin = System.nanoTime();
        long done = cycle(step, n, window.toNanos(), 0);
        double perSecond = done / ((System.nanoTime() - begin) / 1e9);
        progress("%-12s %,12.0f complaints/s on one thread", name, perSecond);
        return perSecond;
    }

    private static long cycle(Step step, int n, long nanos, int from) {
        long end = System.nanoTime() + nanos;
        long done = 0;
        int i = from;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 256; k++) {
                step.run(i);
                i = i + 1 == n ? 0 : i + 1;
                done++;
            }
        }
        return done;
    }

    /** The default policy with its rules replaced by {@code count} drawn ones; shadowed ones are drawn again. */
    static Policy nationPolicy(PolicyReader reader, Policy defaults, int count, int[] redrawn) {
        String yaml = PolicyResources.defaultPolicyYaml();
        int rulesAt = yaml.indexOf("\n  rules:\n");
        int smsAt = yaml.indexOf("\nsms:");
        if (rulesAt < 0 || smsAt < rulesAt) {
            throw new IllegalStateException("the default policy no longer has routing.rules before sms");
        }
        String head = yaml.substring(0, rulesAt + "\n  rules:\n".length())
                .replace("id: sp4n-lapor-palangkaraya", "id: sp4n-lapor-nation-bench")
                .replaceFirst("\nname: [^\n]*", "\nname: SP4N-LAPOR nation, " + count + " synthetic rules");
        String tail = yaml.substring(smsAt);

        CategoryCatalogue catalogue = defaults.categories();
        List<CategoryId> leaves = new ArrayList<>();
        for (Category c : catalogue.all()) {
            if (catalogue.isLeaf(c.id())) {
                leaves.add(c.id());
            }
        }
        List<String> units = defaults.directory().all().stream().map(Unit::id).map(u -> u.value()).sorted().toList();
        SplittableRandom random = new SplittableRandom(1708);
        List<String> rules = new ArrayList<>();
        int serial = 0;
        Pattern index = Pattern.compile("^routing\\.rules\\[(\\d+)]");
        for (int attempt = 0; attempt < 50; attempt++) {
            while (rules.size() < count) {
                rules.add(rule(random, "r-" + (serial++), leaves, catalogue, units));
            }
            String text = head + String.join("", rules) + tail;
            PolicyCheck check = reader.check(text, PolicyFormat.YAML);
            if (check instanceof PolicyCheck.Valid valid) {
                return valid.orThrow("nation policy");
            }
            TreeSet<Integer> drop = new TreeSet<>();
            for (PolicyProblem p : check.problems()) {
                Matcher m = index.matcher(p.path());
                if ((p.kind() == ProblemKind.SHADOWED_RULE || p.kind() == ProblemKind.DUPLICATE) && m.find()) {
                    drop.add(Integer.parseInt(m.group(1)));
                } else {
                    throw new IllegalStateException("the drawn policy is invalid: " + p);
                }
            }
            for (int i : drop.descendingSet()) {
                rules.remove(i);
            }
            redrawn[0] += drop.size();
        }
        throw new IllegalStateException("no valid policy of " + count + " rules after 50 draws");
    }

    private static String rule(SplittableRandom random, String name, List<CategoryId> leaves, CategoryCatalogue catalogue,
                               List<String> units) {
        StringBuilder r = new StringBuilder("    - name: ").append(name).append('\n');
        double x = random.nextDouble();
        if (x < 0.7) {
            r.append("      category: ").append(category(random, leaves, catalogue)).append('\n');
            r.append("      region: \"").append(region(random, random.nextBoolean() ? 1 : 2)).append("\"\n");
        } else if (x < 0.85) {
            r.append("      region: \"").append(region(random, 2)).append("\"\n");
        } else if (x < 0.95) {
            r.append("      category: ").append(category(random, leaves, catalogue)).append('\n');
            String a = TERMS[random.nextInt(TERMS.length)];
            String b = TERMS[random.nextInt(TERMS.length)];
            r.append("      keywords: [").append(a).append(a.equals(b) ? "" : ", " + b).append("]\n");
        } else {
            r.append("      channels: [").append(Channel.values()[random.nextInt(Channel.values().length)]).append("]\n");
            r.append("      keywords: [").append(TERMS[random.nextInt(TERMS.length)]).append("]\n");
        }
        if (random.nextDouble() < 0.1) {
            r.append("      kinds: [").append(Kind.values()[random.nextInt(Kind.values().length)]).append("]\n");
        }
        r.append("      unit: ").append(units.get(random.nextInt(units.size()))).append('\n');
        return r.toString();
    }

    private static String category(SplittableRandom random, List<CategoryId> leaves, CategoryCatalogue catalogue) {
        // Rules name a top category twice as often as a leaf, as in the lab's bench.
        CategoryId leaf = leaves.get(random.nextInt(leaves.size()));
        return (random.nextDouble() < 0.67 ? catalogue.topLevelOf(leaf) : leaf).value();
    }

    private static String region(SplittableRandom random, int depth) {
        String province = PROVINCES[random.nextInt(PROVINCES.length)];
        if (depth == 1) {
            return province;
        }
        int regency = random.nextDouble() < 0.3 ? 71 + random.nextInt(3) : 1 + random.nextInt(12);
        return String.format(Locale.ROOT, "%s.%02d", province, regency);
    }

    private static void progress(String format, Object... args) {
        Windows.progress("replay", format, args);
    }
}
