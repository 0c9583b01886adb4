package id.lapor.core.complaint;

/**
 * The weight a verifier gives a complaint; SLA policies map each weight to a resolution target
 * (by default minor 2, normal 5, without oversight content 14, needing examination 60 working days).
 */
public enum Weight {
    MINOR, NORMAL, WITHOUT_OVERSIGHT_CONTENT, NEEDING_EXAMINATION
}
