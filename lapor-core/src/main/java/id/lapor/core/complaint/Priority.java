package id.lapor.core.complaint;

/** How urgently a complaint is handled; escalation may raise it. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** The next priority up, or this one when it is already the highest. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
