package id.lapor.sms.kannel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query string smsbox sends, read as bytes: Kannel escapes the text's bytes in the charset it names
 * in {@code %C} (UTF-8 or WINDOWS-1252 with {@code mo-recode}, UTF-16BE for UCS-2 without it), so the
 * text is decoded by that charset, never by the servlet container's default. {@code +} is a space.
 */
final class KannelQuery {
    private final Map<String, byte[]> values;

    private KannelQuery(Map<String, byte[]> values) {
        this.values = values;
    }

    static KannelQuery parse(String rawQuery) {
        Map<String, byte[]> values = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = new String(unescape(eq < 0 ? pair : pair.substring(0, eq)), StandardCharsets.UTF_8);
                values.putIfAbsent(name, unescape(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        return new KannelQuery(values);
    }

    /** A parameter as text in UTF-8 (numbers, ids, charset names); empty when absent or blank. */
    Optional<String> get(String name) {
        byte[] v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        String s = new String(v, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * The text parameter decoded by {@code charset}, else by {@code coding} (2: UTF-16BE), else UTF-8; bytes
     * that are not valid in that charset fail rather than becoming replacement characters silently.
     */
    Optional<String> text(String name, Optional<String> charset, Optional<String> coding) throws CharacterCodingException {
        byte[] v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        Charset cs = charset.flatMap(KannelQuery::charset)
                .orElse(coding.filter("2"::equals).isPresent() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return Optional.of(decoder.decode(ByteBuffer.wrap(v)).toString());
    }

    private static Optional<Charset> charset(String name) {
        String n = name.strip();
        if (n.equalsIgnoreCase("UCS-2") || n.equalsIgnoreCase("UCS2")) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                // Query strings are ASCII on the wire; anything else is taken as UTF-8.
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
