package id.lapor.core.routing;

import static id.lapor.core.routing.Rules.CATALOGUE;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The indexed router decides exactly as the linear scan, over random rules and reports. */
class RouterEquivalenceTest {
    private static final String[] REGIONS = {"62", "62.71", "62.71.01", "62.71.01.1001", "62.71.02", "62.71.02.2003",
            "62.72", "64", "64.71", "64.71.03.1002", "91"};
    private static final String[] WORDS = {"banjir", "jalan rusak", "kabut asap", "sampah", "antre", "air meluap"};
    private static final String[] TEXTS = {"Banjir di gang", "JALAN RUSAK parah", "kabut asap pekat", "sampah numpuk",
            "air sungai meluap", "air meluap ke rumah", "antrean panjang", "tidak ada apa-apa", ""};

    static LongStream seeds() {
        long base = Long.getLong("lapor.seed", 20_251_128L);
        return LongStream.range(base, base + 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("the indexed router gives the linear scan's decision for every report (seeded property)")
    void indexedEqualsLinear(long seed) {
        System.out.println("RouterEquivalenceTest seed " + seed + " (rerun with -Dlapor.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        List<CategoryId> categories = CATALOGUE.all().stream().map(Category::id).toList();
        List<RoutingRule> rules = new ArrayList<>();
        int count = 1 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            RoutingRule r = RoutingRule.to("r" + i, UnitId.of("u" + random.nextInt(5)));
            if (random.nextInt(3) > 0) {
                r = r.withCategory(pick(random, categories));
            }
            if (random.nextInt(3) > 0) {
                r = r.withRegion(RegionCode.of(REGIONS[random.nextInt(REGIONS.length)]));
            }
            if (random.nextInt(4) == 0) {
                r = r.withKinds(Kind.values()[random.nextInt(3)]);
            }
            if (random.nextInt(4) == 0) {
                r = r.withChannels(Channel.WEB, Channel.values()[random.nextInt(Channel.values().length)]);
            }
            if (random.nextInt(3) == 0) {
                r = r.withKeywords(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]);
            }
            if (random.nextInt(6) == 0) {
                r = r.withInstitutions(List.of(UnitId.of("u" + random.nextInt(5))));
            }
            rules.add(r);
        }
        Router indexed = Router.indexed(rules, CATALOGUE);
        Router linear = Router.linear(rules, CATALOGUE);
        for (int n = 0; n < 300; n++) {
            Optional<CategoryId> category = random.nextInt(8) == 0 ? Optional.empty()
                    : random.nextInt(20) == 0 ? Optional.of(CategoryId.of("not-in-catalogue"))
                    : Optional.of(pick(random, categories));
            RoutingInput in = new RoutingInput(Kind.values()[random.nextInt(3)],
                    Channel.values()[random.nextInt(Channel.values().length)], category,
                    RegionCode.of(REGIONS[random.nextInt(REGIONS.length)]), TEXTS[random.nextInt(TEXTS.length)],
                    TEXTS[random.nextInt(TEXTS.length)],
                    random.nextInt(3) == 0 ? Optional.of(UnitId.of("u" + random.nextInt(5))) : Optional.empty());
            RoutingDecision a = indexed.route(in);
            RoutingDecision b = linear.route(in);
            assertThat(a.matchedRule()).as("seed %d, report %s", seed, in).isEqualTo(b.matchedRule());
            // The explanation agrees with the decision: the decisive rule matches, every earlier one does not.
            List<RuleVerdict> all = linear.verdicts(in);
            int first = -1;
            for (RuleVerdict v : all) {
                if (v.matched()) {
                    first = v.index();
                    break;
                }
            }
            assertThat(a instanceof RoutingDecision.Routed r ? r.ruleIndex() : -1).isEqualTo(first);
            assertThat(a.explanation().earlier()).noneMatch(RuleVerdict::matched);
            assertThat(a.explanation()).isEqualTo(b.explanation());
        }
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

}
