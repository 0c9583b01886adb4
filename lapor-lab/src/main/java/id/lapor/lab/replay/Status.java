package id.lapor.lab.replay;

/** Where a replayed complaint stands at the as-of instant. */
public enum Status {
    IN_PROGRESS, COMPLETED, ARCHIVED
}
