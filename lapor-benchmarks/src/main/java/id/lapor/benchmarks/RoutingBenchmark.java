package id.lapor.benchmarks;

import id.lapor.core.calendar.Deadline;
import id.lapor.core.calendar.IndonesianCalendars;
import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import id.lapor.core.routing.Router;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import id.lapor.core.routing.RoutingRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing one report through a nation-sized rule set and computing its verification (3) and follow-up (5)
 * working-day deadlines: the indexed router against the linear scan of the same rules. Goal: at least 500,000
 * reports per second per core with 500 rules, indexed. The rule set is the lab's ({@code lapor-lab bench}):
 * 20 categories with 5 sub-categories each; 70% of rules on a category and a province or regency, 15% on a
 * regency alone, 10% on a category with specific keywords, 5% on a channel with a specific keyword; 10% also on
 * a kind. Reports are in common words, 3% mention a specific term. Setup checks that both routers decide alike
 * on every report.
 *
 * <pre>java -jar lapor-benchmarks/target/benchmarks.jar Routing</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingBenchmark {
    private static final int REPORTS = 4096;
    private static final String[] WORDS = {"jalan", "rusak", "sampah", "antrean", "listrik", "air", "sekolah", "ktp",
            "izin", "bantuan", "lampu", "parkir", "pelayanan", "lambat", "petugas", "kantor", "warga", "mohon"};
    private static final String[] TERMS = {"karhutla", "kabut asap", "pungli", "banjir bandang", "tanah longsor",
            "gizi buruk", "stunting", "narkoba", "calo", "pemadaman listrik", "jembatan putus", "sekolah roboh"};
    private static final String[] PROVINCES = {"11", "12", "13", "14", "16", "18", "31", "32", "33", "34", "35",
            "36", "51", "52", "53", "61", "62", "63", "64", "71", "73", "81", "91", "94"};

    @Param({"500"})
    public int rules;

    @Param({"indexed", "linear"})
    public String router;

    private Router routerUnderTest;
    private RoutingInput[] inputs;
    private Instant[] submitted;
    private WorkingCalendar[] calendars;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1708);
        List<Category> categories = new ArrayList<>();
        List<CategoryId> leaves = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            categories.add(Category.top("topik-" + t, "Topik " + t));
            for (int s = 0; s < 5; s++) {
                categories.add(Category.under("topik-" + t, "topik-" + t + "-" + s, "Subtopik"));
                leaves.add(CategoryId.of("topik-" + t + "-" + s));
            }
        }
        CategoryCatalogue catalogue = CategoryCatalogue.of(categories);
        List<RoutingRule> list = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            RoutingRule r = RoutingRule.to("rule-" + i, UnitId.of("unit-" + random.nextInt(200)));
            double x = random.nextDouble();
            CategoryId leaf = leaves.get(random.nextInt(leaves.size()));
            CategoryId category = random.nextDouble() < 0.67 ? catalogue.topLevelOf(leaf) : leaf;
            if (x < 0.7) {
                r = r.withCategory(category).withRegion(region(random, random.nextBoolean() ? 1 : 2));
            } else if (x < 0.85) {
                r = r.withRegion(region(random, 2));
            } else if (x < 0.95) {
                r = r.withCategory(category).withKeywords(term(random), term(random));
            } else {
                r = r.withChannels(Channel.values()[random.nextInt(Channel.values().length)]).withKeywords(term(random));
            }
            if (random.nextDouble() < 0.1) {
                r = r.withKinds(Kind.values()[random.nextInt(3)]);
            }
            list.add(r);
        }
        Router indexed = Router.indexed(list, catalogue);
        Router linear = Router.linear(list, catalogue);
        routerUnderTest = router.equals("indexed") ? indexed : linear;
        WorkingCalendar wib = IndonesianCalendars.national(IndonesianTimeZone.WIB).build();
        WorkingCalendar wita = IndonesianCalendars.national(IndonesianTimeZone.WITA).build();
        WorkingCalendar wit = IndonesianCalendars.national(IndonesianTimeZone.WIT).build();
        inputs = new RoutingInput[REPORTS];
        submitted = new Instant[REPORTS];
        calendars = new WorkingCalendar[REPORTS];
        long start = LocalDate.of(2025, 1, 1).atStartOfDay(wib.zone()).toEpochSecond();
        for (int i = 0; i < REPORTS; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                body.append(random.nextDouble() < 0.03 / 12 ? term(random) : word(random)).append(' ');
            }
            RegionCode region = region(random, 4);
            inputs[i] = new RoutingInput(Kind.values()[random.nextInt(3)], Channel.values()[random.nextInt(4)],
                    random.nextDouble() < 0.05 ? Optional.empty()
                            : Optional.of(leaves.get(random.nextInt(leaves.size()))),
                    region, word(random) + " " + word(random), body.toString(), Optional.empty());
            int province = Integer.parseInt(region.value().substring(0, 2));
            calendars[i] = province >= 81 ? wit : province >= 51 && province != 61 && province != 62 ? wita : wib;
            submitted[i] = Instant.ofEpochSecond(start + (long) (random.nextDouble() * 360 * 86_400));
            if (!indexed.route(inputs[i]).matchedRule().equals(linear.route(inputs[i]).matchedRule())) {
                throw new IllegalStateException("indexed and linear routers disagree on report " + i);
            }
        }
    }

    /** One report: route it, then its verification deadline and the follow-up deadline after that. */
    @Benchmark
    public Deadline routeAndTime() {
        int i = next++ & (REPORTS - 1);
        RoutingDecision d = routerUnderTest.route(inputs[i]);
        Deadline verification = calendars[i].deadline(submitted[i], 3);
        Deadline followUp = calendars[i].deadline(verification.due(), d.isRouted() ? 5 : 6);
        return followUp;
    }

    private static RegionCode region(SplittableRandom random, int depth) {
        String province = PROVINCES[random.nextInt(PROVINCES.length)];
        int regency = random.nextDouble() < 0.3 ? 71 + random.nextInt(3) : 1 + random.nextInt(12);
        return switch (depth) {
            case 1 -> RegionCode.of(province);
            case 2 -> RegionCode.of(String.format(Locale.ROOT, "%s.%02d", province, regency));
            default -> RegionCode.of(String.format(Locale.ROOT, "%s.%02d.%02d.%d", province, regency,
                    1 + random.nextInt(15), 2001 + random.nextInt(15)));
        };
    }

    private static String term(SplittableRandom random) {
        return TERMS[random.nextInt(TERMS.length)];
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
