package id.lapor.core;

/** A value (region code, category id, tracking number...) that does not have the required form. */
public class InvalidValueException extends LaporException {
    public InvalidValueException(String message) {
        super(message);
    }
}
