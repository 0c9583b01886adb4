package id.lapor.core.access;

/** Who acts on or reads a complaint. What each may do is in the lifecycle's transition table. */
public enum Role {
    /** The citizen who reported, proven by the secret received with the tracking number. */
    REPORTER,
    /** Checks new reports and dispatches them (admin instansi, admin koordinator). */
    VERIFIER,
    /** Operator of a working unit: drafts follow-ups, forwards to sub-units. */
    UNIT_OPERATOR,
    /** Liaison officer (pejabat penghubung): approves a unit's follow-up. */
    LIAISON_OFFICER,
    /** The unit above: sees breaches, receives escalations, reassigns. */
    SUPERVISOR,
    /** Reads statistics and public reports. */
    AUDITOR,
    /** lapor itself: SLA sweeps, automatic completion, channel intake. */
    SYSTEM,
    /** Anyone on the internet. */
    PUBLIC
}
