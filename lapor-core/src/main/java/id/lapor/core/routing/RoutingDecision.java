package id.lapor.core.routing;

import id.lapor.core.directory.UnitId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a report goes, with its {@link Explanation}: to a unit by a rule, or, when no rule matched, to the
 * verifiers' queue, where a person routes it.
 */
public sealed interface RoutingDecision {
    RoutingInput input();

    Explanation explanation();

    /** The unit chosen; empty for the verifiers' queue. */
    Optional<UnitId> responsibleUnit();

    /** The rule that decided; empty for the verifiers' queue. */
    Optional<RoutingRule> matchedRule();

    default boolean isRouted() {
        return this instanceof Routed;
    }

    /** Routed to {@code unit} by {@code rule}, the {@code ruleIndex}-th rule (from 0). */
    record Routed(RoutingInput input, UnitId unit, RoutingRule rule, int ruleIndex, Explanation explanation)
            implements RoutingDecision {
        public Routed {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public Optional<UnitId> responsibleUnit() {
            return Optional.of(unit);
        }

        @Override
        public Optional<RoutingRule> matchedRule() {
            return Optional.of(rule);
        }
    }

    /** No rule matched: the report waits in the verifiers' queue. */
    record ToVerifiers(RoutingInput input, Explanation explanation) implements RoutingDecision {
        public ToVerifiers {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public Optional<UnitId> responsibleUnit() {
            return Optional.empty();
        }

        @Override
        public Optional<RoutingRule> matchedRule() {
            return Optional.empty();
        }
    }
}
