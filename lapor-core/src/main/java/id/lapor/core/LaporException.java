package id.lapor.core;

/**
 * The root of every fault lapor throws: a broken invariant, a misconfiguration, a store that failed.
 * Expected business outcomes (a refused command, invalid input, a concurrent writer) are values of
 * {@link Outcome}, never exceptions.
 */
public class LaporException extends RuntimeException {
    public LaporException(String message) {
        super(message);
    }

    public LaporException(String message, Throwable cause) {
        super(message, cause);
    }
}
