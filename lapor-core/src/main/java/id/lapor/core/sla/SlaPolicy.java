package id.lapor.core.sla;

import id.lapor.core.complaint.Weight;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deadlines in working days per stage. The defaults are SP4N-LAPOR's: verification and dispatch within
 * 3 working days, the unit's follow-up within 5, completion deemed after 10 without a reporter reply,
 * and resolution targets by weight (minor 2, normal 5, without oversight content 14, needing
 * examination 60) which replace the follow-up target where they are longer. A warning fires at
 * {@code warningShare} of a stage's time (at the end of working day floor(share x N); none when 0).
 */
public record SlaPolicy(int verificationDays, int followUpDays, int replyWindowDays, Map<Weight, Integer> resolutionDays,
                        double warningShare) {
    public SlaPolicy {
        positive("verificationDays", verificationDays);
        positive("followUpDays", followUpDays);
        positive("replyWindowDays", replyWindowDays);
        Objects.requireNonNull(resolutionDays, "resolutionDays");
        EnumMap<Weight, Integer> copy = new EnumMap<>(Weight.class);
        for (Weight w : Weight.values()) {
            Integer days = resolutionDays.get(w);
            if (days == null) {
                throw new IllegalArgumentException("resolutionDays has no target for weight " + w);
            }
            positive("resolutionDays." + w, days);
            copy.put(w, days);
        }
        resolutionDays = Map.copyOf(copy);
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("warningShare must lie strictly between 0 and 1, got " + warningShare);
        }
    }

    public static SlaPolicy standard() {
        return new SlaPolicy(3, 5, 10, Map.of(Weight.MINOR, 2, Weight.NORMAL, 5, Weight.WITHOUT_OVERSIGHT_CONTENT, 14,
                Weight.NEEDING_EXAMINATION, 60), 0.75);
    }

    /** The target of {@code stage} in working days; for the follow-up, the weight's target where it is longer. */
    public int targetDays(Stage stage, Optional<Weight> weight) {
        switch (stage) {
            case VERIFICATION:
                return verificationDays;
            case FOLLOW_UP:
                return Math.max(followUpDays, weight.map(resolutionDays::get).orElse(followUpDays));
            default:
                return replyWindowDays;
        }
    }

    private static void positive(String name, int days) {
        if (days < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 working day, got " + days);
        }
    }
}
