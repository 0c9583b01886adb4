package id.lapor.lab;

import id.lapor.core.policy.Policy;
import id.lapor.policy.jackson.PolicyFormat;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;

/** The default policy, and variants of its text, read once. */
public final class TestPolicies {
    public static final PolicyReader READER = new PolicyReader(PolicyResources.defaultCalendars());
    public static final Policy DEFAULT = READER.readDefault();

    private TestPolicies() {
    }

    /** The default policy with {@code from} replaced by {@code to} in its text (exactly once). */
    public static Policy defaultWith(String from, String to) {
        String text = PolicyResources.defaultPolicyYaml();
        if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
            throw new IllegalArgumentException("'" + from + "' is not in the default policy exactly once");
        }
        return READER.read("variant", text.replace(from, to), PolicyFormat.YAML);
    }
}
