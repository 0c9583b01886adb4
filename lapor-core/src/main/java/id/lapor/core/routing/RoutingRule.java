package id.lapor.core.routing;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One routing rule: when every condition it sets holds, the report goes to {@code unit}. A condition left
 * empty holds for every report.
 * <ul>
 *   <li>{@code kinds}, {@code channels}: the report's kind or channel is one of them;</li>
 *   <li>{@code category}: the report's category is it or one of its sub-categories (by the catalogue);</li>
 *   <li>{@code region}: the report's region is it or lies inside it ({@code 62.71} covers the whole city);</li>
 *   <li>{@code keywords}: at least one of these words or phrases occurs as whole words in the title or body,
 *       case and accents ignored ({@link IndonesianText});</li>
 *   <li>{@code institutions}: the reporter chose one of these institutions.</li>
 * </ul>
 * Rules are evaluated in order and the first that matches decides. The record checks form, not meaning: a
 * policy's validator checks that the unit and category exist and that no rule is shadowed.
 *
 * @param name unique within a policy: lower-case letters, digits and dashes
 * @param note why the rule exists, for people; may be empty, never null
 */
public record RoutingRule(String name, UnitId unit, Set<Kind> kinds, Set<Channel> channels,
                          Optional<CategoryId> category, Optional<RegionCode> region, List<String> keywords,
                          Set<UnitId> institutions, String note) {
    public RoutingRule {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("routing rule name '" + name
                    + "' must be 1-64 lower-case letters, digits or dashes");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(region, "region");
        kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        channels = channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        for (String k : keywords) {
            if (!IndonesianText.hasWords(k)) {
                throw new IllegalArgumentException("routing rule " + name + ": keyword '" + k
                        + "' has no letter or digit");
            }
        }
        keywords = List.copyOf(keywords);
        institutions = Collections.unmodifiableSet(new TreeSet<>(institutions));
        note = note == null ? "" : note;
    }

    /** A rule with no condition yet, sending everything to {@code unit}; add conditions with the {@code with} methods. */
    public static RoutingRule to(String name, UnitId unit) {
        return new RoutingRule(name, unit, Set.of(), Set.of(), Optional.empty(), Optional.empty(), List.of(), Set.of(),
                "");
    }

    public RoutingRule withKinds(Kind first, Kind... more) {
        return new RoutingRule(name, unit, EnumSet.of(first, more), channels, category, region, keywords, institutions,
                note);
    }

    public RoutingRule withChannels(Channel first, Channel... more) {
        return new RoutingRule(name, unit, kinds, EnumSet.of(first, more), category, region, keywords, institutions,
                note);
    }

    public RoutingRule withCategory(CategoryId category) {
        return new RoutingRule(name, unit, kinds, channels, Optional.of(category), region, keywords, institutions, note);
    }

    public RoutingRule withRegion(RegionCode region) {
        return new RoutingRule(name, unit, kinds, channels, category, Optional.of(region), keywords, institutions, note);
    }

    public RoutingRule withKeywords(String... keywords) {
        return new RoutingRule(name, unit, kinds, channels, category, region, List.of(keywords), institutions, note);
    }

    public RoutingRule withInstitutions(Collection<UnitId> institutions) {
        return new RoutingRule(name, unit, kinds, channels, category, region, keywords,
                new LinkedHashSet<>(institutions), note);
    }

    public RoutingRule withNote(String note) {
        return new RoutingRule(name, unit, kinds, channels, category, region, keywords, institutions, note);
    }

    /** True when the rule sets no condition at all: it matches every report. */
    public boolean isCatchAll() {
        return kinds.isEmpty() && channels.isEmpty() && category.isEmpty() && region.isEmpty() && keywords.isEmpty()
                && institutions.isEmpty();
    }

    /** The conditions as a short text, e.g. {@code category jalan, region 62.71, keywords ["jalan rusak"]}. */
    public String conditionsText() {
        List<String> parts = new ArrayList<>();
        if (!kinds.isEmpty()) {
            parts.add("kind " + kinds);
        }
        if (!channels.isEmpty()) {
            parts.add("channel " + channels);
        }
        category.ifPresent(c -> parts.add("category " + c));
        region.ifPresent(r -> parts.add("region " + r));
        if (!keywords.isEmpty()) {
            parts.add("keywords " + quoted(keywords));
        }
        if (!institutions.isEmpty()) {
            parts.add("institution " + institutions);
        }
        return parts.isEmpty() ? "no condition" : String.join(", ", parts);
    }

    static String quoted(Collection<String> words) {
        List<String> q = new ArrayList<>();
        words.forEach(w -> q.add('"' + w + '"'));
        return "[" + String.join(", ", q) + "]";
    }
}
