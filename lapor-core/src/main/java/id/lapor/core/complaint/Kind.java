package id.lapor.core.complaint;

/** What a report is. */
public enum Kind {
    ASPIRATION, COMPLAINT, INFORMATION_REQUEST
}
