package id.lapor.core.routing;

import id.lapor.core.directory.UnitId;
import java.util.List;
import java.util.Objects;

/**
 * A rule's verdict on one report: every condition the rule sets, checked (none for a catch-all rule).
 *
 * @param index the rule's place in the policy's list, from 0 (as in {@code routing.rules[3]})
 */
public record RuleVerdict(int index, String rule, UnitId unit, List<ConditionCheck> checks) {
    public RuleVerdict {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(unit, "unit");
        checks = List.copyOf(checks);
    }

    /** True when every condition holds. */
    public boolean matched() {
        for (ConditionCheck c : checks) {
            if (!c.met()) {
                return false;
            }
        }
        return true;
    }

    /** The conditions that do not hold: why the rule did not match. Empty when it matched. */
    public List<ConditionCheck> failures() {
        return checks.stream().filter(c -> !c.met()).toList();
    }

    /**
     * One line, e.g. {@code rules[2] jalan-kota -> dinas-pupr-palangkaraya: no match: category kesehatan is not
     * within infrastruktur}. A match lists the conditions that hold; a miss lists only those that do not.
     */
    public String text() {
        String head = "rules[" + index + "] " + rule + " -> " + unit + ": ";
        if (checks.isEmpty()) {
            return head + "match: the rule has no condition";
        }
        List<ConditionCheck> shown = matched() ? checks : failures();
        StringBuilder sb = new StringBuilder(head).append(matched() ? "match: " : "no match: ");
        for (int i = 0; i < shown.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(shown.get(i).text());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
