package id.lapor.lab.history;

/** Thrown while reading or replaying a line that cannot be used; becomes a {@link BadLine}. */
public class BadLineException extends RuntimeException {
    public BadLineException(String reason) {
        super(reason, null, false, false);
    }
}
