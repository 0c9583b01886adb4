package id.lapor.core.routing;

import java.util.Objects;

/**
 * One condition of a rule checked against one report: whether it holds, what the rule requires, what the
 * report has (empty text when the report has nothing there) and a sentence saying so, e.g.
 * {@code category kesehatan is not within infrastruktur}.
 */
public record ConditionCheck(Condition condition, boolean met, String required, String actual, String text) {
    public ConditionCheck {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
