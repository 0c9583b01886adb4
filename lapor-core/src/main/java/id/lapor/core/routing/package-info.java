/**
 * Routing: ordered, declarative rules that choose the unit responsible for a report.
 *
 * <p>A {@link id.lapor.core.routing.RoutingRule} sets conditions on the kind, channel, category (covering its
 * sub-categories), region prefix, keywords in the title and body ({@link id.lapor.core.routing.IndonesianText}:
 * case- and accent-insensitive whole words and phrases) and the institution the reporter chose. A
 * {@link id.lapor.core.routing.Router} applies the rules to a {@link id.lapor.core.routing.RoutingInput}: the first
 * rule that matches decides; with none the report goes to the verifiers' queue. Every
 * {@link id.lapor.core.routing.RoutingDecision} carries its {@link id.lapor.core.routing.Explanation}: the rule
 * that matched and on which conditions, and why each earlier rule did not, as values and as text.
 *
 * <p>{@link id.lapor.core.routing.IndexedRouter} looks only at the rules that can match (by category and region),
 * in rule order, and decides exactly as the {@link id.lapor.core.routing.LinearRouter}.
 */
package id.lapor.core.routing;
