package id.lapor.core.routing;

/** The conditions a {@link RoutingRule} can set. */
public enum Condition {
    KIND, CHANNEL, CATEGORY, REGION, KEYWORDS, INSTITUTION
}
