package id.lapor.core.routing;

import id.lapor.core.complaint.CategoryCatalogue;
import java.util.List;

/**
 * Chooses the responsible unit for a report by ordered rules: the first rule whose conditions all hold
 * decides; when none does, the report goes to the verifiers' queue. Implementations are immutable and
 * thread-safe, and give identical decisions for the same rules, catalogue and input.
 *
 * <pre>{@code
 * Router router = Router.indexed(policy.rules(), policy.categories());
 * RoutingDecision d = router.route(RoutingInput.of(complaint));
 * d.responsibleUnit();          // empty: the verifiers' queue
 * d.explanation().text();       // which rule matched on what, and why each earlier rule did not
 * }</pre>
 */
public interface Router {
    RoutingDecision route(RoutingInput input);

    /** The verdict of every rule on {@code input}, in rule order, also those after the first match. */
    List<RuleVerdict> verdicts(RoutingInput input);

    /** The rules, in evaluation order. */
    List<RoutingRule> rules();

    CategoryCatalogue catalogue();

    /** A router that looks only at the rules that can match (by category and region), in rule order. */
    static Router indexed(List<RoutingRule> rules, CategoryCatalogue catalogue) {
        return new IndexedRouter(rules, catalogue);
    }

    /** A router that tries every rule in turn: the baseline the indexed one is measured against. */
    static Router linear(List<RoutingRule> rules, CategoryCatalogue catalogue) {
        return new LinearRouter(rules, catalogue);
    }
}
