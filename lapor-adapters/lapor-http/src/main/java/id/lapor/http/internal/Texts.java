package id.lapor.http.internal;

/** Small text helpers for messages and documents. */
public final class Texts {
    private Texts() {
    }

    /**
     * {@code value} as it may be echoed in an error message: quoted, at most {@code max} characters,
     * control characters shown as escapes. Never use it on a reporter's personal data.
     */
    public static String shown(String value, int max) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        int n = 0;
        for (int i = 0; i < value.length() && n < max; ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            n++;
            if (cp < 0x20 || cp == 0x7f || !Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (n >= max && value.codePointCount(0, value.length()) > max) {
            out.append("...");
        }
        return out.append('\'').toString();
    }

    /**
     * The first code point in {@code text} that a text field may not hold: a control character other
     * than tab, line feed and carriage return, or a non-character (U+FFFE, U+FFFF). -1 when there is none.
     */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!allowedInText(cp)) {
                return cp;
            }
        }
        return -1;
    }

    /** True for code points that XML 1.0 allows and a person may type: no C0 controls but tab, CR and LF. */
    public static boolean allowedInText(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        if (cp < 0x20 || cp == 0x7f) {
            return false;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return false;
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }

    /** {@code text} with every code point XML 1.0 cannot carry replaced by U+FFFD. */
    public static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
