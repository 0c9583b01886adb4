package id.lapor.core;

/** One thing wrong with a command: the field (a path such as {@code reporter.phone}) and what is wrong. */
public record Violation(String field, String message) implements Comparable<Violation> {
    @Override
    public int compareTo(Violation o) {
        int byField = field.compareTo(o.field);
        return byField != 0 ? byField : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
