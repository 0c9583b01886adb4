package id.lapor.lab.history;

/** What a history records after the submission. */
public enum EventType {
    /** Verified and dispatched; {@code unit} (optional) is where it was actually sent. */
    VERIFIED,
    /** Put on hold (tunda), waiting for the reporter: the clock stops. */
    HELD,
    /** Back from hold: the clock runs again. */
    RESUMED,
    /** "Not our authority" (bukan wewenang): back to the verifiers for routing. */
    RETURNED,
    /** The unit's follow-up (tindak lanjut) was posted: the reporter's reply window opens. */
    FOLLOWED_UP,
    /** The reporter replied: after a follow-up it reopens the complaint; on hold it resumes it. */
    REPLIED,
    /** Completed by the reporter or a verifier. */
    COMPLETED,
    /** Archived by a verifier (reason optional). */
    ARCHIVED
}
