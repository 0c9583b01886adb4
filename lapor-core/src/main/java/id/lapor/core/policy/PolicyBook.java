package id.lapor.core.policy;

import id.lapor.core.LaporException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The versions of one policy, to choose the one in force at an instant. The rule, the same on every node:
 * a version is in force from the start of its effective-from date to the end of its effective-until date,
 * both read in its switch zone ({@link Policy#isInForceAt}); where versions overlap, the highest version
 * number wins, so a new version takes over from its effective date without editing the old one. A complaint's
 * new events are timed under the version in force when they happen. Immutable and thread-safe.
 */
public final class PolicyBook {
    private final List<Policy> byVersionDescending;

    private PolicyBook(List<Policy> policies) {
        this.byVersionDescending = policies;
    }

    /**
     * @throws LaporException when the versions are of different policy ids, when a version number is used twice,
     *     or when there is none
     */
    public static PolicyBook of(Collection<Policy> policies) {
        if (policies.isEmpty()) {
            throw new LaporException("a policy book needs at least one policy version");
        }
        List<Policy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparingInt(Policy::version).reversed());
        String id = sorted.get(0).id();
        for (int i = 0; i < sorted.size(); i++) {
            Policy p = sorted.get(i);
            if (!p.id().equals(id)) {
                throw new LaporException("a policy book holds versions of one policy: " + p.label() + " is not "
                        + id);
            }
            if (i > 0 && sorted.get(i - 1).version() == p.version()) {
                throw new LaporException("policy " + p.label() + " is given twice");
            }
        }
        return new PolicyBook(List.copyOf(sorted));
    }

    public static PolicyBook of(Policy first, Policy... more) {
        List<Policy> all = new ArrayList<>(List.of(more));
        all.add(0, first);
        return of(all);
    }

    /** The version in force at {@code instant}: the highest whose effective dates contain it; empty in a gap. */
    public Optional<Policy> inForceAt(Instant instant) {
        for (Policy p : byVersionDescending) {
            if (p.isInForceAt(instant)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @throws LaporException when no version is in force at {@code instant} */
    public Policy requireAt(Instant instant) {
        return inForceAt(instant).orElseThrow(() -> new LaporException("no version of policy " + id()
                + " is in force at " + instant));
    }

    public Optional<Policy> version(int version) {
        return byVersionDescending.stream().filter(p -> p.version() == version).findFirst();
    }

    /** Every version, lowest first. */
    public List<Policy> versions() {
        List<Policy> out = new ArrayList<>(byVersionDescending);
        out.sort(Comparator.comparingInt(Policy::version));
        return List.copyOf(out);
    }

    public String id() {
        return byVersionDescending.get(0).id();
    }
}
