package id.lapor.examples.portal;

/**
 * Builds an HTML page as text. Everything that did not come from the portal's own templates goes through
 * {@link #text} or {@link #attr}, which escape it: a report's title, a unit's name and a query parameter are all
 * text, never markup. {@link #raw} takes only the portal's own constant markup.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8 * 1024);

    /** Escapes for text and for double- or single-quoted attribute values alike. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r;
            switch (c) {
                case '&' -> r = "&amp;";
                case '<' -> r = "&lt;";
                case '>' -> r = "&gt;";
                case '"' -> r = "&quot;";
                case '\'' -> r = "&#39;";
                case '`' -> r = "&#96;";
                default -> r = null;
            }
            if (r == null && c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                r = "\uFFFD";
            }
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Constant markup of the portal's templates. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped. */
    Html text(Object value) {
        out.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /** {@code <tag attrs>text</tag>} with the text escaped; {@code attrs} is constant markup. */
    Html el(String tag, String attrs, Object text) {
        out.append('<').append(tag);
        if (attrs != null && !attrs.isEmpty()) {
            out.append(' ').append(attrs);
        }
        out.append('>').append(escape(text == null ? "" : text.toString())).append("</").append(tag).append('>');
        return this;
    }

    /** {@code name="value"} with the value escaped, preceded by a space. */
    static String attr(String name, Object value) {
        return " " + name + "=\"" + escape(value == null ? "" : value.toString()) + "\"";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
