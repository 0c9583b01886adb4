package id.lapor.core.policy;

import id.lapor.core.directory.UnitId;
import id.lapor.core.routing.IndonesianText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of SMS 1708: a keyword at the start of a message names the jurisdiction ({@code PALANGKARAYA
 * jalan rusak...} goes to the city), and flag words anywhere mark it confidential ({@code RAHASIA}) or
 * anonymous ({@code ANONIM}). Words are matched case- and accent-insensitively, as whole words.
 */
public record SmsKeywords(Map<String, UnitId> jurisdictions, Set<String> confidentialWords, Set<String> anonymousWords) {
    public SmsKeywords {
        Map<String, UnitId> folded = new LinkedHashMap<>();
        jurisdictions.forEach((k, v) -> folded.put(IndonesianText.fold(k).strip(), v));
        jurisdictions = Collections.unmodifiableMap(folded);
        confidentialWords = foldAll(confidentialWords);
        anonymousWords = foldAll(anonymousWords);
    }

    public static SmsKeywords none() {
        return new SmsKeywords(Map.of(), Set.of(), Set.of());
    }

    /**
     * Reads one message: the jurisdiction of its first word if that is a keyword (the keyword is then taken off
     * the text), and the flags found anywhere (flag words are taken off too).
     */
    public SmsMessage read(String message) {
        String text = message == null ? "" : message.strip();
        List<String> words = new ArrayList<>(List.of(text.isEmpty() ? new String[0] : text.split("\\s+")));
        Optional<UnitId> unit = Optional.empty();
        if (!words.isEmpty()) {
            UnitId u = jurisdictions.get(IndonesianText.fold(words.get(0)).strip());
            if (u != null) {
                unit = Optional.of(u);
                words.remove(0);
            }
        }
        boolean confidential = false;
        boolean anonymous = false;
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            String f = IndonesianText.fold(w).strip();
            if (confidentialWords.contains(f)) {
                confidential = true;
            } else if (anonymousWords.contains(f)) {
                anonymous = true;
            } else {
                kept.add(w);
            }
        }
        return new SmsMessage(unit, confidential, anonymous, String.join(" ", kept));
    }

    /** A message read by {@link #read}: its jurisdiction if keyed, its flags, and the text left. */
    public record SmsMessage(Optional<UnitId> unit, boolean confidential, boolean anonymous, String text) {
    }

    private static Set<String> foldAll(Set<String> words) {
        Set<String> out = new LinkedHashSet<>();
        words.forEach(w -> out.add(IndonesianText.fold(w).strip()));
        return Collections.unmodifiableSet(out);
    }
}
