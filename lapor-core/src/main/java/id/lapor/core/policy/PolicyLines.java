package id.lapor.core.policy;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Where each path of a document starts in its source, for formats that have lines. A path without its own
 * line takes its nearest ancestor's: a missing {@code units[2].parent} is reported on the line of {@code units[2]}.
 */
@FunctionalInterface
public interface PolicyLines {
    /** The line of {@code path} itself, if known. */
    OptionalInt exactLineOf(String path);

    /** The line of {@code path} or of its nearest ancestor that has one. */
    default OptionalInt lineOf(String path) {
        String p = path;
        while (true) {
            OptionalInt line = exactLineOf(p);
            if (line.isPresent() || p.isEmpty()) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** For sources without lines (a document built in code). */
    static PolicyLines none() {
        return path -> OptionalInt.empty();
    }

    /** From a map of path to line, as an adapter records while parsing. */
    static PolicyLines of(Map<String, Integer> lines) {
        Map<String, Integer> copy = Map.copyOf(lines);
        return path -> {
            Integer line = copy.get(path);
            return line == null ? OptionalInt.empty() : OptionalInt.of(line);
        };
    }
}
