package id.lapor.store.jdbc;

import java.util.Locale;

/**
 * Writes a JSON array of flat objects, each a row for PostgreSQL's {@code json_to_recordset}: plain values
 * are quoted, records already written as JSON are put in as they are, so they travel as JSON, not as
 * escaped text inside text. {@link #quote} also writes SQLite's lists.
 */
final class JsonRows {
    private final StringBuilder out = new StringBuilder(256).append('[');
    private boolean firstField;

    /** Starts the next object. */
    JsonRows row() {
        if (out.length() > 1) {
            out.append("},");
        }
        out.append('{');
        firstField = true;
        return this;
    }

    /** A string field; null is written as JSON null. */
    JsonRows text(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(out, value);
        }
        return this;
    }

    JsonRows number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A field whose value is JSON already (an object written by the codec). */
    JsonRows json(String name, String json) {
        name(name);
        out.append(json);
        return this;
    }

    /** The array, closed. */
    String end() {
        return (out.length() > 1 ? out.append('}') : out).append(']').toString();
    }

    private void name(String name) {
        if (!firstField) {
            out.append(',');
        }
        firstField = false;
        quote(out, name);
        out.append(':');
    }

    /** {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
