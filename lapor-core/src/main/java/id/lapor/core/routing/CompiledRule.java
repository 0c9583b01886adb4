package id.lapor.core.routing;

import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.directory.UnitId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule made quick to test: kinds and channels as bit masks, keywords folded. Both routers use it. */
final class CompiledRule {
    final int index;
    final RoutingRule rule;
    private final int kindMask;
    private final int channelMask;
    final CategoryId category;
    final String region;
    private final String regionDot;
    private final String[] keywords;
    private final boolean hasInstitutions;

    CompiledRule(int index, RoutingRule rule) {
        this.index = index;
        this.rule = rule;
        this.kindMask = rule.kinds().stream().mapToInt(k -> 1 << k.ordinal()).reduce(0, (a, b) -> a | b);
        this.channelMask = rule.channels().stream().mapToInt(c -> 1 << c.ordinal()).reduce(0, (a, b) -> a | b);
        this.category = rule.category().orElse(null);
        this.region = rule.region().map(r -> r.value()).orElse(null);
        this.regionDot = region == null ? null : region + ".";
        this.keywords = rule.keywords().stream().map(IndonesianText::fold).toArray(String[]::new);
        this.hasInstitutions = !rule.institutions().isEmpty();
    }

    boolean matches(Subject s, CategoryCatalogue catalogue) {
        return matches(s, catalogue, true);
    }

    /**
     * @param checkCategory false when the caller already knows the category condition holds (the indexed router
     *     only offers rules whose category is the report's or an ancestor of it)
     */
    boolean matches(Subject s, CategoryCatalogue catalogue, boolean checkCategory) {
        RoutingInput in = s.input;
        if (kindMask != 0 && (kindMask & (1 << in.kind().ordinal())) == 0) {
            return false;
        }
        if (channelMask != 0 && (channelMask & (1 << in.channel().ordinal())) == 0) {
            return false;
        }
        if (region != null && !(s.region.equals(region) || s.region.startsWith(regionDot))) {
            return false;
        }
        if (checkCategory && category != null
                && (in.category().isEmpty() || !catalogue.isWithin(in.category().get(), category))) {
            return false;
        }
        if (hasInstitutions
                && (in.institution().isEmpty() || !rule.institutions().contains(in.institution().get()))) {
            return false;
        }
        if (keywords.length > 0) {
            String title = s.foldedTitle();
            String body = s.foldedBody();
            for (String k : keywords) {
                if (title.contains(k) || body.contains(k)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    RuleVerdict verdict(Subject s, CategoryCatalogue catalogue) {
        RoutingInput in = s.input;
        List<ConditionCheck> checks = new ArrayList<>(6);
        if (!rule.kinds().isEmpty()) {
            boolean met = rule.kinds().contains(in.kind());
            checks.add(new ConditionCheck(Condition.KIND, met, rule.kinds().toString(), in.kind().name(),
                    "kind " + in.kind() + (met ? " is" : " is not") + " one of " + rule.kinds()));
        }
        if (!rule.channels().isEmpty()) {
            boolean met = rule.channels().contains(in.channel());
            checks.add(new ConditionCheck(Condition.CHANNEL, met, rule.channels().toString(), in.channel().name(),
                    "channel " + in.channel() + (met ? " is" : " is not") + " one of " + rule.channels()));
        }
        if (category != null) {
            Optional<CategoryId> actual = in.category();
            String text;
            boolean met = actual.isPresent() && catalogue.isWithin(actual.get(), category);
            if (actual.isEmpty()) {
                text = "the report has no category (the rule needs " + category + ")";
            } else if (actual.get().equals(category)) {
                text = "category is " + category;
            } else {
                text = "category " + actual.get() + (met ? " is" : " is not") + " within " + category;
            }
            checks.add(new ConditionCheck(Condition.CATEGORY, met, category.value(),
                    actual.map(CategoryId::value).orElse(""), text));
        }
        if (region != null) {
            boolean met = s.region.equals(region) || s.region.startsWith(regionDot);
            String text = s.region.equals(region) ? "region is " + region
                    : "region " + s.region + (met ? " is" : " is not") + " within " + region;
            checks.add(new ConditionCheck(Condition.REGION, met, region, s.region, text));
        }
        if (keywords.length > 0) {
            checks.add(keywordCheck(s));
        }
        if (!rule.institutions().isEmpty()) {
            Optional<UnitId> chosen = in.institution();
            boolean met = chosen.isPresent() && rule.institutions().contains(chosen.get());
            String text = chosen.isEmpty()
                    ? "the reporter chose no institution (the rule needs one of " + rule.institutions() + ")"
                    : met ? "the reporter chose " + chosen.get()
                    : "the reporter chose " + chosen.get() + ", not one of " + rule.institutions();
            checks.add(new ConditionCheck(Condition.INSTITUTION, met, rule.institutions().toString(),
                    chosen.map(UnitId::value).orElse(""), text));
        }
        return new RuleVerdict(index, rule.name(), rule.unit(), checks);
    }

    private ConditionCheck keywordCheck(Subject s) {
        String required = RoutingRule.quoted(rule.keywords());
        for (int i = 0; i < keywords.length; i++) {
            String where = s.foldedTitle().contains(keywords[i]) ? "title"
                    : s.foldedBody().contains(keywords[i]) ? "body" : null;
            if (where != null) {
                String word = rule.keywords().get(i);
                return new ConditionCheck(Condition.KEYWORDS, true, required, word,
                        "keyword \"" + word + "\" is in the " + where);
            }
        }
        String text = keywords.length == 1
                ? "keyword \"" + rule.keywords().get(0) + "\" is not in the title or body"
                : "none of the keywords " + required + " is in the title or body";
        return new ConditionCheck(Condition.KEYWORDS, false, required, "", text);
    }
}
