package id.lapor.core.notification;

import id.lapor.core.LaporException;

/**
 * A courier could not hand a message over. {@link #isPermanent()} says a retry cannot help (the gateway
 * refused the address or the credentials): the relay parks the message at once instead of retrying.
 */
public class DeliveryException extends LaporException {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** A failure worth retrying later: the receiver is down, timed out or answered 5xx. */
    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanentFailure(String message) {
        return new DeliveryException(message, true);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
