package id.lapor.core.notification;

/** How a message travels; each medium has one {@link Courier}. */
public enum Medium {
    SMS, EMAIL, WEBHOOK
}
