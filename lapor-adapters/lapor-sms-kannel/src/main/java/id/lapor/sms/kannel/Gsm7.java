package id.lapor.sms.kannel;

/**
 * The GSM 03.38 default alphabet: which characters an SMS can carry in 7-bit coding and how many septets
 * each costs (one, or two for the extension table's {@code ^ { } \ [ ~ ] | €} and form feed, sent as an
 * escape and the character).
 */
public final class Gsm7 {
    /** The basic table, code points 0x00-0x7F in order; 0x1B (the escape) is not a character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    /** Septets {@code c} costs in 7-bit coding: 1, 2 (extension table), or 0 when it cannot be sent so. */
    public static int septets(char c) {
        if (c != '\u001B' && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    /** True when every character of {@code text} is in the default alphabet or its extension. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The septets {@code text} takes; only meaningful when {@link #canEncode} is true. */
    public static int length(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += septets(text.charAt(i));
        }
        return n;
    }
}
