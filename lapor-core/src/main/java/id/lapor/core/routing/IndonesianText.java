package id.lapor.core.routing;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folded for keyword matching: accents removed (NFKD, combining marks dropped, so {@code café} reads
 * {@code cafe}), lower case, and every run of characters that are not letters or digits turned into one space,
 * with one space before and after. A keyword or phrase folded the same way is found as whole words by a plain
 * {@link String#contains}: {@code " banjir "} is in {@code " jalan banjir lagi "} but not in
 * {@code " kebanjiran "}, and the phrase {@code " air meluap "} needs its words adjacent and in order.
 *
 * <p>Indonesian reduplication written with a hyphen ({@code jalan-jalan}) folds to two words.
 */
public final class IndonesianText {
    private IndonesianText() {
    }

    /**
     * The folded form of {@code text}, always starting and ending with a space; {@code " "} for null, blank or
     * punctuation-only text.
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return " ";
        }
        if (isAscii(text)) {
            return foldAscii(text);
        }
        String source = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(source.length() + 2);
        out.append(' ');
        for (int i = 0; i < source.length(); ) {
            int cp = source.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                    || Character.getType(cp) == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (cp < 128) {
                    out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
                } else {
                    out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
                }
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    // Most reports are plain ASCII: no marks to drop, and case folding is arithmetic.
    private static String foldAscii(String text) {
        char[] out = new char[text.length() + 2];
        int n = 0;
        out[n++] = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out[n++] = c;
            } else if (c >= 'A' && c <= 'Z') {
                out[n++] = (char) (c + ('a' - 'A'));
            } else if (out[n - 1] != ' ') {
                out[n++] = ' ';
            }
        }
        if (out[n - 1] != ' ') {
            out[n++] = ' ';
        }
        return new String(out, 0, n);
    }

    /** True when {@code keyword} folds to at least one word. */
    public static boolean hasWords(String keyword) {
        return fold(keyword).length() > 1;
    }

    /** True when the folded {@code keyword} occurs as whole words in {@code foldedText} (a {@link #fold} result). */
    public static boolean containsWords(String foldedText, String foldedKeyword) {
        return foldedKeyword.length() > 1 && foldedText.contains(foldedKeyword);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
