package id.lapor.core.routing;

import java.util.List;
import java.util.Optional;

/**
 * Why a report went where it went: the verdict of the rule that matched, on which conditions, and for every
 * earlier rule why it did not. The verdicts are computed when first asked for, so that routing stays as fast
 * as the index allows when nobody reads them; they are then kept. Thread-safe.
 */
public final class Explanation {
    private final RuleList rules;
    private final Subject subject;
    private final int matched;
    private volatile List<RuleVerdict> verdicts;

    Explanation(RuleList rules, Subject subject, int matched) {
        this.rules = rules;
        this.subject = subject;
        this.matched = matched;
    }

    /** The verdict of the rule that decided; empty when no rule matched. */
    public Optional<RuleVerdict> decisive() {
        return matched < 0 ? Optional.empty() : Optional.of(all().get(matched));
    }

    /** The verdicts of the rules before the decisive one (of every rule when none matched): all misses. */
    public List<RuleVerdict> earlier() {
        List<RuleVerdict> all = all();
        return matched < 0 ? all : all.subList(0, matched);
    }

    /**
     * Several lines: the decision first, then one line per earlier rule, e.g.
     * <pre>
     * routed to dinas-pupr-palangkaraya by rules[2] jalan-kota: category jalan is within infrastruktur; region 62.71.01.1001 is within 62.71
     *   rules[0] karhutla -> bpbd-palangkaraya: no match: none of the keywords ["karhutla", "kabut asap"] is in the title or body
     *   rules[1] sms-rahasia -> ...: no match: channel WEB is not one of [SMS]
     * </pre>
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        Optional<RuleVerdict> d = decisive();
        if (d.isPresent()) {
            RuleVerdict v = d.get();
            sb.append("routed to ").append(v.unit()).append(" by rules[").append(v.index()).append("] ")
                    .append(v.rule()).append(": ");
            if (v.checks().isEmpty()) {
                sb.append("the rule has no condition");
            }
            for (int i = 0; i < v.checks().size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(v.checks().get(i).text());
            }
        } else {
            sb.append("to the verifiers' queue: none of the ").append(rules.compiled.length)
                    .append(" rules matched");
        }
        for (RuleVerdict v : earlier()) {
            sb.append('\n').append("  ").append(v.text());
        }
        return sb.toString();
    }

    private List<RuleVerdict> all() {
        List<RuleVerdict> v = verdicts;
        if (v == null) {
            synchronized (this) {
                v = verdicts;
                if (v == null) {
                    v = List.copyOf(rules.verdicts(subject, matched < 0 ? rules.compiled.length : matched + 1));
                    verdicts = v;
                }
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Explanation e && e.matched == matched && e.all().equals(all());
    }

    @Override
    public int hashCode() {
        return all().hashCode() * 31 + matched;
    }

    @Override
    public String toString() {
        return text();
    }
}
