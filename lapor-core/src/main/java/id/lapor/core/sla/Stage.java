package id.lapor.core.sla;

/**
 * A step of a complaint that runs against a deadline. Each time a complaint enters a stage (also when a
 * reply reopens it, or it is reassigned) a new stage instance starts with its own clock.
 */
public enum Stage {
    /** From submission to verification and dispatch; timed in the verifying institution's calendar. */
    VERIFICATION,
    /** From dispatch to the unit's follow-up; timed in the responsible unit's calendar. */
    FOLLOW_UP,
    /** After a follow-up, the reporter's window to reply; when it closes the complaint completes by itself. */
    REPLY_WINDOW
}
