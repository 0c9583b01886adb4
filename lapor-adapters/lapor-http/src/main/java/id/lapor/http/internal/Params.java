package id.lapor.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parameters of a query string or a form body, decoded strictly: a {@code %} must be followed by two
 * hex digits and the bytes must be UTF-8, else the request is refused with the parameter named.
 * Names keep their order; a name may repeat.
 */
public final class Params {
    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Params empty() {
        return new Params(new LinkedHashMap<>());
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} text ({@code a=1&b=2}); {@code +} is a space.
     *
     * @param where "query string" or "body", for messages
     * @throws HttpFailure 400 naming the first malformed parameter, or when there are more than {@code maxParameters}
     */
    public static Params parse(String encoded, String where, int maxParameters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return new Params(out);
        }
        int count = 0;
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > maxParameters) {
                throw HttpFailure.badRequest(null, "the " + where + " has more than " + maxParameters + " parameters");
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name = decode(rawName, where, null);
            if (name.isEmpty()) {
                throw HttpFailure.badRequest(null, "the " + where + " has a parameter without a name");
            }
            String value = decode(rawValue, where, name);
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return new Params(out);
    }

    private static String decode(String raw, String where, String name) {
        String subject = name == null ? "a parameter name in the " + where : "parameter " + Texts.shown(name, 60);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw HttpFailure.badRequest(name, subject + " has a '%' not followed by two hex digits");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7f) {
                // Raw non-ASCII in an encoded form is tolerated by encoding it as UTF-8, as browsers do.
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw HttpFailure.badRequest(name, subject + " is not valid UTF-8 once percent-decoded");
        }
    }

    /** The parameters of both, refusing a name present in both. */
    public Params merge(Params other, String otherWhere) {
        Map<String, List<String>> out = new LinkedHashMap<>(values);
        for (Map.Entry<String, List<String>> e : other.values.entrySet()) {
            if (out.containsKey(e.getKey())) {
                throw HttpFailure.badRequest(e.getKey(), "parameter " + Texts.shown(e.getKey(), 60)
                        + " is given both in the query string and in the " + otherWhere);
            }
            out.put(e.getKey(), e.getValue());
        }
        return new Params(out);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * The single value of {@code name}, empty when absent or empty (the spec treats an empty optional
     * argument as an absent one).
     *
     * @throws HttpFailure 400 when it is given more than once
     */
    public Optional<String> single(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.size() > 1) {
            throw HttpFailure.badRequest(name, "parameter " + Texts.shown(name, 60) + " is given " + v.size() + " times; give it once");
        }
        return v.get(0).isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** {@link #single} limited to {@code maxChars} characters. */
    public Optional<String> single(String name, int maxChars) {
        Optional<String> v = single(name);
        if (v.isPresent() && v.get().codePointCount(0, v.get().length()) > maxChars) {
            throw HttpFailure.badRequest(name, name + " is longer than " + maxChars + " characters");
        }
        return v;
    }
}
