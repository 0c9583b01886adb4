package id.lapor.sms.kannel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text cut into the SMS that carry it, by the sender, so that no gateway has to cut (Kannel cuts
 * silently at {@code max-messages}). One SMS holds 160 GSM-7 septets or 70 UCS-2 units; a concatenated
 * one loses room to its header and holds 153 septets or 67 units. An extension character (two septets)
 * and a surrogate pair (an emoji: two units) are never split across parts; a part ends after a space
 * when one is near, so words stay whole. Joined, the parts are the text exactly.
 */
public record SmsParts(Encoding encoding, List<String> parts) {
    public static final int SINGLE_GSM7 = 160;
    public static final int PART_GSM7 = 153;
    public static final int SINGLE_UCS2 = 70;
    public static final int PART_UCS2 = 67;
    /** The concatenation header counts parts in one byte. */
    public static final int MAX_PARTS = 255;

    public SmsParts {
        Objects.requireNonNull(encoding, "encoding");
        parts = List.copyOf(parts);
    }

    /** How the text travels: 7-bit (Kannel coding 0) or UCS-2 (coding 2). */
    public enum Encoding {
        GSM7(0), UCS2(2);

        private final int kannelCoding;

        Encoding(int kannelCoding) {
            this.kannelCoding = kannelCoding;
        }

        /** The value of Kannel's {@code coding} parameter and {@code X-Kannel-Coding} header. */
        public int kannelCoding() {
            return kannelCoding;
        }
    }

    public boolean isConcatenated() {
        return parts.size() > 1;
    }

    /**
     * Cuts {@code text}: GSM-7 when every character allows, else UCS-2.
     *
     * @throws IllegalArgumentException when it is empty or would take more than {@value #MAX_PARTS} parts
     */
    public static SmsParts of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an SMS needs some text");
        }
        boolean gsm = Gsm7.canEncode(text);
        Encoding encoding = gsm ? Encoding.GSM7 : Encoding.UCS2;
        int single = gsm ? SINGLE_GSM7 : SINGLE_UCS2;
        if (cost(text, 0, text.length(), gsm) <= single) {
            return new SmsParts(encoding, List.of(text));
        }
        int limit = gsm ? PART_GSM7 : PART_UCS2;
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int used = 0;
            while (end < text.length()) {
                int step = 1;
                int c = gsm ? Gsm7.septets(text.charAt(end)) : 1;
                if (!gsm && Character.isHighSurrogate(text.charAt(end)) && end + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(end + 1))) {
                    step = 2;
                    c = 2;
                }
                if (used + c > limit) {
                    break;
                }
                used += c;
                end += step;
            }
            if (end < text.length()) {
                end = atSpace(text, start, end);
            }
            parts.add(text.substring(start, end));
            if (parts.size() > MAX_PARTS) {
                throw new IllegalArgumentException("text of " + text.length() + " characters needs more than " + MAX_PARTS + " SMS");
            }
            start = end;
        }
        return new SmsParts(encoding, parts);
    }

    /** The cut moved back to just after the last space in the second half of the part, if there is one. */
    private static int atSpace(String text, int start, int end) {
        for (int i = end; i > start + (end - start) / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return end;
    }

    private static int cost(String text, int from, int to, boolean gsm) {
        return gsm ? Gsm7.length(text.subSequence(from, to)) : to - from;
    }
}
