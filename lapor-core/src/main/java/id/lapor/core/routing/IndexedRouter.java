package id.lapor.core.routing;

import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks only at the rules that can match a report, in rule order, so that its decision is the linear scan's.
 *
 * <p>Each rule is filed once: under its category when it has one (whatever its region), else under its region
 * prefix, else in the fallback list. A report's candidates are the rules filed under its category or an
 * ancestor of it (merged with the fallback list ahead of time, per category of the catalogue), and those filed
 * under each prefix of its region (at most four). These sorted lists are merged lazily and the first candidate
 * that matches wins; no rule outside the candidates can match, since its category or region excludes the report.
 * Every candidate's category condition holds by construction, so only its other conditions are tested.
 */
public final class IndexedRouter implements Router {
    private static final int[] NONE = new int[0];

    private final RuleList rules;
    /** Per category of the catalogue: rules under it or an ancestor, plus the fallback, sorted. */
    private final Map<CategoryId, int[]> byCategoryWithFallback;
    /** Per category named by a rule: the rules under exactly it (for categories missing from the catalogue). */
    private final Map<CategoryId, int[]> byExactCategory;
    /** Per region prefix: the rules with that region and no category. */
    private final Map<String, int[]> byRegion;
    private final int[] fallback;

    public IndexedRouter(List<RoutingRule> rules, CategoryCatalogue catalogue) {
        this.rules = new RuleList(rules, catalogue);
        Map<CategoryId, List<Integer>> exact = new HashMap<>();
        Map<String, List<Integer>> region = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        for (CompiledRule r : this.rules.compiled) {
            if (r.category != null) {
                exact.computeIfAbsent(r.category, k -> new ArrayList<>()).add(r.index);
            } else if (r.region != null) {
                region.computeIfAbsent(r.region, k -> new ArrayList<>()).add(r.index);
            } else {
                rest.add(r.index);
            }
        }
        this.fallback = toArray(rest);
        this.byExactCategory = new HashMap<>();
        exact.forEach((k, v) -> byExactCategory.put(k, toArray(v)));
        this.byRegion = new HashMap<>();
        region.forEach((k, v) -> byRegion.put(k, toArray(v)));
        this.byCategoryWithFallback = new HashMap<>();
        for (Category c : catalogue.all()) {
            List<int[]> lists = new ArrayList<>();
            lists.add(fallback);
            for (CategoryId a : lineage(c.id(), catalogue)) {
                lists.add(byExactCategory.getOrDefault(a, NONE));
            }
            byCategoryWithFallback.put(c.id(), merge(lists));
        }
    }

    @Override
    public RoutingDecision route(RoutingInput input) {
        Subject s = new Subject(input);
        String region = s.region;
        int[][] lists = new int[5][];
        int n = 0;
        lists[n++] = categoryCandidates(input.category());
        // Every prefix of the region at a dot, then the region itself.
        for (int dot = region.indexOf('.'); ; dot = region.indexOf('.', dot + 1)) {
            int[] l = byRegion.get(dot < 0 ? region : region.substring(0, dot));
            if (l != null) {
                lists[n++] = l;
            }
            if (dot < 0) {
                break;
            }
        }
        int matched = n == 1 ? firstMatch(lists[0], s) : firstMatch(lists, n, s);
        return rules.decision(s, matched);
    }

    private int[] categoryCandidates(Optional<CategoryId> category) {
        if (category.isEmpty()) {
            return fallback;
        }
        int[] l = byCategoryWithFallback.get(category.get());
        if (l != null) {
            return l;
        }
        // Not in the catalogue: only a rule on exactly this id can match it.
        int[] own = byExactCategory.get(category.get());
        return own == null ? fallback : merge(List.of(fallback, own));
    }

    private int firstMatch(int[] list, Subject s) {
        CompiledRule[] compiled = rules.compiled;
        for (int i : list) {
            if (compiled[i].matches(s, rules.catalogue, false)) {
                return i;
            }
        }
        return -1;
    }

    /** Walks the sorted lists as one merged list, without building it. */
    private int firstMatch(int[][] lists, int n, Subject s) {
        int[] pos = new int[n];
        CompiledRule[] compiled = rules.compiled;
        while (true) {
            int best = -1;
            int bestValue = Integer.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (pos[i] < lists[i].length && lists[i][pos[i]] < bestValue) {
                    bestValue = lists[i][pos[i]];
                    best = i;
                }
            }
            if (best < 0) {
                return -1;
            }
            pos[best]++;
            if (compiled[bestValue].matches(s, rules.catalogue, false)) {
                return bestValue;
            }
        }
    }

    @Override
    public List<RuleVerdict> verdicts(RoutingInput input) {
        return rules.verdicts(new Subject(input), rules.compiled.length);
    }

    @Override
    public List<RoutingRule> rules() {
        return rules.rules;
    }

    @Override
    public CategoryCatalogue catalogue() {
        return rules.catalogue;
    }

    private static List<CategoryId> lineage(CategoryId id, CategoryCatalogue catalogue) {
        List<CategoryId> out = new ArrayList<>();
        Optional<CategoryId> current = Optional.of(id);
        while (current.isPresent() && out.size() <= catalogue.all().size()) {
            out.add(current.get());
            current = catalogue.find(current.get()).flatMap(Category::parent);
        }
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] merge(List<int[]> lists) {
        return lists.stream().flatMapToInt(java.util.Arrays::stream).sorted().distinct().toArray();
    }
}
