package id.lapor.lab.history;

import java.util.Objects;

/** A history line that could not be replayed, with why. Counted in every summary; fatal with {@code --strict}. */
public record BadLine(long line, String reason) implements Comparable<BadLine> {
    public BadLine {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int compareTo(BadLine o) {
        return Long.compare(line, o.line);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
