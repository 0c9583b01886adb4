package id.lapor.sms.kannel;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.SmsKeywords;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of SMS 1708, configured per deployment: a keyword at the start selects the jurisdiction
 * ({@code PALANGKARAYA jalan rusak di ...} goes to the city), flag words right after it mark the report
 * confidential or anonymous ({@code PALANGKARAYA RAHASIA ANONIM ...}), and a status word asks for a
 * complaint's state ({@code STATUS 70674622482}). Words are matched whole, ignoring case and accents;
 * a keyword or flag may be followed by {@code : , . ;}. Flag words count only right after the keyword,
 * so "data saya bocor, ini rahasia" in the text stays text. Immutable.
 */
public final class SmsGrammar {
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])#?([0-9][0-9-]{8,24}[0-9])(?![0-9])");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private final Map<String, UnitId> keywords;
    private final Set<String> confidentialWords;
    private final Set<String> anonymousWords;
    private final Set<String> statusWords;

    private SmsGrammar(Map<String, UnitId> keywords, Set<String> confidentialWords, Set<String> anonymousWords, Set<String> statusWords) {
        this.keywords = keywords;
        this.confidentialWords = confidentialWords;
        this.anonymousWords = anonymousWords;
        this.statusWords = statusWords;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The keywords and flag words of a deployment's policy, with the default status words. */
    public static SmsGrammar from(SmsKeywords policy) {
        Builder b = builder().confidentialWords(policy.confidentialWords()).anonymousWords(policy.anonymousWords());
        policy.jurisdictions().forEach(b::keyword);
        return b.build();
    }

    /** What a message asks for. */
    public sealed interface Request {
    }

    /** {@code STATUS <number>}; the number is empty when it was missing or mistyped. */
    public record Status(Optional<TrackingNumber> number) implements Request {
    }

    /** A new report for {@code unit}, with its text after the keyword and flags. */
    public record Report(String keyword, UnitId unit, boolean confidential, boolean anonymous, String text) implements Request {
    }

    /** A keyword (and flags) with no text after it. */
    public record EmptyReport(String keyword) implements Request {
    }

    /** Anything else: no keyword, no status word. */
    public record Other(String text) implements Request {
    }

    public Request parse(String message) {
        String text = message == null ? "" : message;
        Matcher words = WORD.matcher(text);
        if (!words.find()) {
            return new Other("");
        }
        String first = fold(words.group());
        if (statusWords.contains(first)) {
            String rest = text.substring(words.end()).strip();
            Matcher m = NUMBER.matcher(rest);
            return new Status(m.find() && TrackingNumber.isValid(m.group(1)) ? Optional.of(TrackingNumber.parse(m.group(1)))
                    : Optional.empty());
        }
        UnitId unit = keywords.get(first);
        if (unit == null) {
            return new Other(text.strip());
        }
        String keyword = first;
        boolean confidential = false;
        boolean anonymous = false;
        int textStart = words.end();
        while (words.find()) {
            String w = fold(words.group());
            if (confidentialWords.contains(w)) {
                confidential = true;
            } else if (anonymousWords.contains(w)) {
                anonymous = true;
            } else {
                break;
            }
            textStart = words.end();
        }
        String body = text.substring(textStart).strip();
        return body.isEmpty() ? new EmptyReport(keyword) : new Report(keyword, unit, confidential, anonymous, body);
    }

    /**
     * The tracking numbers written in {@code message}, in order: runs of 10 to 19 digits (dashes and a leading
     * {@code #} allowed) whose check digit is right.
     */
    public List<TrackingNumber> mentionedNumbers(String message) {
        List<TrackingNumber> out = new ArrayList<>();
        if (message == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(message);
        while (m.find()) {
            String digits = m.group(1).replace("-", "");
            if (TrackingNumber.isValid(digits)) {
                TrackingNumber n = TrackingNumber.parse(digits);
                if (!out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The keywords, folded, in the order they were configured. */
    public Set<String> keywords() {
        return keywords.keySet();
    }

    /** The units the keywords select. */
    public Map<String, UnitId> jurisdictions() {
        return keywords;
    }

    /** Upper case, no accents, no trailing {@code : , . ;}: how words are compared. */
    static String fold(String word) {
        String s = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toUpperCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && ":,.;".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Explicit configuration; at least one keyword is required. */
    public static final class Builder {
        private final Map<String, UnitId> keywords = new LinkedHashMap<>();
        private Set<String> confidentialWords = Set.of("RAHASIA");
        private Set<String> anonymousWords = Set.of("ANONIM");
        private Set<String> statusWords = Set.of("STATUS", "CEK");

        private Builder() {
        }

        /** {@code word} at the start of a message selects {@code unit}, e.g. {@code PALANGKARAYA} the city. */
        public Builder keyword(String word, UnitId unit) {
            String k = fold(Objects.requireNonNull(word, "word").strip());
            if (k.isEmpty() || k.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a keyword is one word, not '" + word + "'");
            }
            if (keywords.putIfAbsent(k, Objects.requireNonNull(unit, "unit")) != null) {
                throw new IllegalArgumentException("keyword " + k + " is configured twice");
            }
            return this;
        }

        /** Words that mark a report confidential; {@code RAHASIA} by default. */
        public Builder confidentialWords(Set<String> words) {
            this.confidentialWords = Set.copyOf(words);
            return this;
        }

        /** Words that mark a report anonymous; {@code ANONIM} by default. */
        public Builder anonymousWords(Set<String> words) {
            this.anonymousWords = Set.copyOf(words);
            return this;
        }

        /** Words that ask for a complaint's status; {@code STATUS} and {@code CEK} by default. */
        public Builder statusWords(Set<String> words) {
            this.statusWords = Set.copyOf(words);
            return this;
        }

        public SmsGrammar build() {
            if (keywords.isEmpty()) {
                throw new IllegalStateException("SmsGrammar needs at least one keyword (see SmsGrammar.Builder#keyword)");
            }
            Set<String> conf = foldAll(confidentialWords);
            Set<String> anon = foldAll(anonymousWords);
            Set<String> status = foldAll(statusWords);
            for (String k : keywords.keySet()) {
                if (conf.contains(k) || anon.contains(k) || status.contains(k)) {
                    throw new IllegalStateException("keyword " + k + " is also a flag or status word");
                }
            }
            Set<String> clash = new LinkedHashSet<>(conf);
            clash.retainAll(anon);
            clash.addAll(intersection(conf, status));
            clash.addAll(intersection(anon, status));
            if (!clash.isEmpty()) {
                throw new IllegalStateException("words " + clash + " have two meanings");
            }
            return new SmsGrammar(Collections.unmodifiableMap(new LinkedHashMap<>(keywords)), conf, anon, status);
        }

        private static Set<String> foldAll(Set<String> words) {
            Set<String> out = new LinkedHashSet<>();
            for (String w : words) {
                out.add(fold(w.strip()));
            }
            return Collections.unmodifiableSet(out);
        }

        private static Set<String> intersection(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>(a);
            out.retainAll(b);
            return out;
        }
    }
}
