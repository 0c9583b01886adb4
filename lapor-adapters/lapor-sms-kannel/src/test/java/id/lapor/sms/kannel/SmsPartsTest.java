package id.lapor.sms.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsPartsTest {

    @Test
    @DisplayName("a GSM text of up to 160 septets is one SMS; 161 makes parts of at most 153")
    void gsmLimits() {
        assertThat(SmsParts.of("a".repeat(160)).parts()).hasSize(1);
        SmsParts p = SmsParts.of("a".repeat(161));
        assertThat(p.encoding()).isEqualTo(SmsParts.Encoding.GSM7);
        assertThat(p.parts()).extracting(String::length).containsExactly(153, 8);
        assertThat(SmsParts.of("a".repeat(306)).parts()).extracting(String::length).containsExactly(153, 153);
    }

    @Test
    @DisplayName("extension characters count two septets and are never cut in half")
    void extensionCharacters() {
        assertThat(Gsm7.length("{€}")).isEqualTo(6);
        assertThat(SmsParts.of("€".repeat(80)).parts()).hasSize(1);
        SmsParts p = SmsParts.of("€".repeat(81));
        assertThat(p.encoding()).isEqualTo(SmsParts.Encoding.GSM7);
        // 153 septets hold 76 euro signs (152 septets): the 77th would need 154
        assertThat(p.parts()).extracting(String::length).containsExactly(76, 5);
        SmsParts q = SmsParts.of("a".repeat(152) + "[" + "b".repeat(10));
        assertThat(q.parts().get(0)).hasSize(152).doesNotContain("[");
        assertThat(q.parts().get(1)).startsWith("[");
    }

    @Test
    @DisplayName("one character outside the GSM alphabet makes the whole text UCS-2: 70 units in one SMS, 67 per part")
    void ucs2Limits() {
        assertThat(SmsParts.of("—" + "a".repeat(69)).parts()).hasSize(1);
        SmsParts p = SmsParts.of("—" + "a".repeat(70));
        assertThat(p.encoding()).isEqualTo(SmsParts.Encoding.UCS2);
        assertThat(p.encoding().kannelCoding()).isEqualTo(2);
        assertThat(p.parts()).extracting(String::length).containsExactly(67, 4);
    }

    @Test
    @DisplayName("an emoji (a surrogate pair) is never split across parts")
    void surrogatePairs() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        SmsParts p = SmsParts.of(text);
        assertThat(p.parts().get(0)).isEqualTo("a".repeat(66));
        assertThat(p.parts().get(1)).startsWith("😀");
        SmsParts emojis = SmsParts.of("😀".repeat(40));
        assertThat(emojis.parts()).extracting(String::length).containsExactly(66, 14);
        assertThat(emojis.parts()).allSatisfy(s -> assertThat(s.codePoints().allMatch(c -> c == 0x1F600)).isTrue());
    }

    @Test
    @DisplayName("parts end after a space when one is near, so words stay whole")
    void wordBoundaries() {
        String text = "jalan rusak ".repeat(20).strip();
        SmsParts p = SmsParts.of(text);
        assertThat(p.parts()).hasSizeGreaterThan(1);
        for (int i = 0; i < p.parts().size() - 1; i++) {
            assertThat(p.parts().get(i)).endsWith(" ");
        }
        assertThat(String.join("", p.parts())).isEqualTo(text);
    }

    @Test
    @DisplayName("for any text: the parts join to the text, each fits its limit, no pair is split (seeded)")
    void properties() {
        long seed = new SplittableRandom().nextLong();
        System.out.println("SmsPartsTest.properties seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        String[] alphabet = {"a", "b", " ", "é", "Ä", "€", "{", "}", "[", "\\", "~", "^", "|", "\n", "—", "’", "😀", "👍🏽", "ñ", "ß", "1"};
        for (int run = 0; run < 2_000; run++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(500);
            boolean gsmOnly = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                String s = alphabet[random.nextInt(alphabet.length)];
                if (gsmOnly && !Gsm7.canEncode(s)) {
                    s = "x";
                }
                sb.append(s);
            }
            String text = sb.toString();
            SmsParts p = SmsParts.of(text);
            assertThat(String.join("", p.parts())).as("seed %d run %d", seed, run).isEqualTo(text);
            boolean gsm = Gsm7.canEncode(text);
            assertThat(p.encoding()).isEqualTo(gsm ? SmsParts.Encoding.GSM7 : SmsParts.Encoding.UCS2);
            int single = gsm ? 160 : 70;
            int limit = p.parts().size() == 1 ? single : gsm ? 153 : 67;
            for (String part : p.parts()) {
                assertThat(part).isNotEmpty();
                assertThat(gsm ? Gsm7.length(part) : part.length()).as("seed %d run %d", seed, run).isLessThanOrEqualTo(limit);
                assertThat(Character.isLowSurrogate(part.charAt(0))).as("seed %d run %d", seed, run).isFalse();
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("seed %d run %d", seed, run).isFalse();
            }
        }
    }

    @Test
    @DisplayName("an empty text, or one longer than 255 parts, is refused")
    void bounds() {
        assertThatThrownBy(() -> SmsParts.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsParts.of("a".repeat(153 * 255 + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmsParts.of("a".repeat(153 * 255)).parts()).hasSize(255);
    }
}
