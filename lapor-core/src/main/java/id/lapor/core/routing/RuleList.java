package id.lapor.core.routing;

import id.lapor.core.complaint.CategoryCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The compiled rules and the catalogue both routers share; computes verdicts for explanations. */
final class RuleList {
    final List<RoutingRule> rules;
    final CompiledRule[] compiled;
    final CategoryCatalogue catalogue;

    RuleList(List<RoutingRule> rules, CategoryCatalogue catalogue) {
        this.rules = List.copyOf(rules);
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.compiled = new CompiledRule[this.rules.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = new CompiledRule(i, this.rules.get(i));
        }
    }

    /** The verdicts of rules {@code [0, end)}. */
    List<RuleVerdict> verdicts(Subject s, int end) {
        List<RuleVerdict> out = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            out.add(compiled[i].verdict(s, catalogue));
        }
        return out;
    }

    RoutingDecision decision(Subject s, int matched) {
        Explanation explanation = new Explanation(this, s, matched);
        if (matched < 0) {
            return new RoutingDecision.ToVerifiers(s.input, explanation);
        }
        RoutingRule rule = rules.get(matched);
        return new RoutingDecision.Routed(s.input, rule.unit(), rule, matched, explanation);
    }
}
