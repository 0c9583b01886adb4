package id.lapor.core.complaint;

/** Why a verifier archived a report instead of dispatching it. */
public enum ArchiveReason {
    FORMAT_ERROR,
    TOO_GENERAL,
    NOT_ABOUT_PUBLIC_SERVICE,
    INCOMPLETE,
    /** Court, legislative, corruption and criminal cases are out of the platform's scope. */
    OUT_OF_SCOPE,
    DUPLICATE,
    OTHER
}
