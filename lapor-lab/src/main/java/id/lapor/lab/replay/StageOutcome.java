package id.lapor.lab.replay;

/** How a stage instance stands against its deadline once the history is replayed. */
public enum StageOutcome {
    /** Ended before its deadline. */
    MET,
    /** Ended at or after its deadline. */
    MISSED,
    /** Still open at the as-of instant and past its deadline: counted as missed. */
    OPEN_OVERDUE,
    /** Still open, deadline not reached (or its clock stopped on hold): not yet due. */
    OPEN,
    /** A reply window that closed by itself: the policy implies automatic completion. Not an obligation. */
    CLOSED_AUTOMATICALLY;

    /** Counted in the on-time rate's denominator. */
    public boolean isDue() {
        return this == MET || this == MISSED || this == OPEN_OVERDUE;
    }

    public boolean isBreach() {
        return this == MISSED || this == OPEN_OVERDUE;
    }
}
