package id.lapor.core.routing;

import id.lapor.core.complaint.CategoryCatalogue;
import java.util.List;

/** Tries every rule in order until one matches. Cost grows with the number of rules: the benchmark's baseline. */
public final class LinearRouter implements Router {
    private final RuleList rules;

    public LinearRouter(List<RoutingRule> rules, CategoryCatalogue catalogue) {
        this.rules = new RuleList(rules, catalogue);
    }

    @Override
    public RoutingDecision route(RoutingInput input) {
        Subject s = new Subject(input);
        CompiledRule[] compiled = rules.compiled;
        for (CompiledRule r : compiled) {
            if (r.matches(s, rules.catalogue)) {
                return rules.decision(s, r.index);
            }
        }
        return rules.decision(s, -1);
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
}
