package id.lapor.lab.generate;

import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import id.lapor.core.routing.RoutingInput;
import id.lapor.core.routing.RoutingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A nation-sized rule set for measuring routing: a catalogue of 20 categories with 5 sub-categories each, and
 * rules as a national policy would write them: 70% on a category and a region (a province or a regency), 15% on a
 * regency alone (a regional government taking the rest of its territory), 10% on a category with specific
 * keywords, 5% on a channel with a specific keyword; 10% of them also on a kind. Reports are written in common
 * words; 3% mention one of the specific terms. Seeded.
 */
public final class SyntheticRules {
    private static final String[] WORDS = {"jalan", "rusak", "sampah", "antrean", "listrik", "air", "sekolah", "ktp",
            "izin", "bantuan", "lampu", "parkir", "pelayanan", "lambat", "petugas", "kantor", "warga", "mohon"};
    private static final String[] TERMS = {"karhutla", "kabut asap", "pungli", "banjir bandang", "tanah longsor",
            "gizi buruk", "stunting", "narkoba", "calo", "pemadaman listrik", "jembatan putus", "sekolah roboh"};

    public final CategoryCatalogue catalogue;
    public final List<CategoryId> leaves = new ArrayList<>();
    public final List<RoutingRule> rules = new ArrayList<>();
    private final SplittableRandom random;

    public SyntheticRules(int ruleCount, long seed) {
        this.random = new SplittableRandom(seed);
        List<Category> categories = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            String top = "topik-" + t;
            categories.add(Category.top(top, "Topik " + t));
            for (int s = 0; s < 5; s++) {
                String sub = top + "-" + s;
                categories.add(Category.under(top, sub, "Subtopik " + t + "." + s));
                leaves.add(CategoryId.of(sub));
            }
        }
        this.catalogue = CategoryCatalogue.of(categories);
        for (int i = 0; i < ruleCount; i++) {
            RoutingRule r = RoutingRule.to("rule-" + i, UnitId.of("unit-" + random.nextInt(200)));
            double x = random.nextDouble();
            if (x < 0.7) {
                r = r.withCategory(category()).withRegion(region(random.nextBoolean() ? 1 : 2));
            } else if (x < 0.85) {
                r = r.withRegion(region(2));
            } else if (x < 0.95) {
                r = r.withCategory(category()).withKeywords(term(), term());
            } else {
                r = r.withChannels(Channel.values()[random.nextInt(Channel.values().length)]).withKeywords(term());
            }
            if (random.nextDouble() < 0.1) {
                r = r.withKinds(Kind.values()[random.nextInt(Kind.values().length)]);
            }
            rules.add(r);
        }
    }

    /** {@code n} reports spread over the same provinces, categories and words. */
    public List<RoutingInput> inputs(int n) {
        List<RoutingInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                body.append(random.nextDouble() < 0.03 / 12 ? term() : word()).append(' ');
            }
            out.add(new RoutingInput(Kind.values()[random.nextInt(3)], Channel.values()[random.nextInt(4)],
                    random.nextDouble() < 0.05 ? java.util.Optional.empty()
                            : java.util.Optional.of(leaves.get(random.nextInt(leaves.size()))),
                    region(4), word() + " " + word(), body.toString(), java.util.Optional.empty()));
        }
        return out;
    }

    private CategoryId category() {
        // Rules name a top category twice as often as a sub-category.
        CategoryId leaf = leaves.get(random.nextInt(leaves.size()));
        return random.nextDouble() < 0.67 ? catalogue.topLevelOf(leaf) : leaf;
    }

    private RegionCode region(int depth) {
        String province = Distributions.PROVINCES.pick(random);
        int regency = random.nextDouble() < 0.3 ? 71 + random.nextInt(3) : 1 + random.nextInt(12);
        return switch (depth) {
            case 1 -> RegionCode.of(province);
            case 2 -> RegionCode.of(String.format(Locale.ROOT, "%s.%02d", province, regency));
            default -> RegionCode.of(String.format(Locale.ROOT, "%s.%02d.%02d.%d", province, regency,
                    1 + random.nextInt(15), 2001 + random.nextInt(15)));
        };
    }

    private String term() {
        return TERMS[random.nextInt(TERMS.length)];
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
