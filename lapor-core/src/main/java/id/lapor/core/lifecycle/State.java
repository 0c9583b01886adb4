package id.lapor.core.lifecycle;

/** Where a complaint stands. COMPLETED and ARCHIVED are terminal. */
public enum State {
    /** Received, not yet verified (also after a unit said "not our authority"). */
    SUBMITTED,
    /** Waiting for the reporter; resuming returns to the state it was held from. The SLA clock pauses. */
    ON_HOLD,
    /** With an institution or unit. */
    DISPATCHED,
    /** A follow-up is drafted and waits for the liaison officer. */
    AWAITING_APPROVAL,
    /** Answered; the reporter's reply window is open. */
    FOLLOWED_UP,
    COMPLETED,
    ARCHIVED;

    public boolean isTerminal() {
        return this == COMPLETED || this == ARCHIVED;
    }
}
