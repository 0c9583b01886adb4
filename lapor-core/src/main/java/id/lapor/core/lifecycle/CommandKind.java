package id.lapor.core.lifecycle;

/** The kinds of command the transition table knows. */
public enum CommandKind {
    SUBMIT,
    VERIFY,
    HOLD,
    RESUME,
    NOT_OUR_AUTHORITY,
    ARCHIVE,
    FORWARD,
    REASSIGN,
    POST_FOLLOW_UP,
    APPROVE_FOLLOW_UP,
    RETURN_FOLLOW_UP,
    REPLY,
    RATE,
    COMPLETE,
    ESCALATE
}
