package id.lapor.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.InvalidValueException;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumberTest {
    private static final byte[] KEY = "a-key-of-sixteen-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("a sequence gives distinct 11-digit numbers with valid check digits, never starting with 0")
    void distinctNumbers() {
        AtomicLong seq = new AtomicLong();
        KeyedTrackingNumbers numbers = new KeyedTrackingNumbers(KEY, seq::getAndIncrement);
        Set<TrackingNumber> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            TrackingNumber n = numbers.next();
            assertThat(n.value()).hasSize(11).doesNotStartWith("0");
            assertThat(TrackingNumber.isValid(n.value())).isTrue();
            assertThat(seen.add(n)).as("number %s repeated at %d", n, i).isTrue();
        }
    }

    @Test
    @DisplayName("consecutive sequence values give numbers that look unrelated, and another key gives other numbers")
    void keyedAndScattered() {
        KeyedTrackingNumbers a = new KeyedTrackingNumbers(KEY, () -> 0);
        KeyedTrackingNumbers b = new KeyedTrackingNumbers("another-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8), () -> 0);
        long first = Long.parseLong(a.forSequence(1000).value());
        long second = Long.parseLong(a.forSequence(1001).value());
        assertThat(Math.abs(first - second)).isGreaterThan(1000);
        assertThat(a.forSequence(7)).isNotEqualTo(b.forSequence(7));
        assertThat(a.forSequence(7)).isEqualTo(a.forSequence(7));
    }

    @Test
    @DisplayName("a guessed number almost never names an issued complaint")
    void guessesMiss() {
        KeyedTrackingNumbers numbers = new KeyedTrackingNumbers(KEY, () -> 0);
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            issued.add(numbers.forSequence(i).value());
        }
        Random random = new Random(42);
        int hits = 0;
        for (int i = 0; i < 200_000; i++) {
            String guess = Long.toString(1_000_000_000L + (long) (random.nextDouble() * 9_000_000_000L)) + random.nextInt(10);
            if (issued.contains(guess)) {
                hits++;
            }
        }
        assertThat(hits).isLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("every single mistyped digit and every swap of neighbours is caught by the check digit")
    void checkDigitCatchesTypos() {
        TrackingNumber n = new KeyedTrackingNumbers(KEY, () -> 0).forSequence(123);
        char[] digits = n.value().toCharArray();
        for (int i = 0; i < digits.length; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits[i]) {
                    char[] typo = digits.clone();
                    typo[i] = d;
                    assertThat(TrackingNumber.isValid(new String(typo))).as("typo at %d", i).isFalse();
                }
            }
            if (i + 1 < digits.length && digits[i] != digits[i + 1]) {
                char[] swap = digits.clone();
                swap[i] = digits[i + 1];
                swap[i + 1] = digits[i];
                assertThat(TrackingNumber.isValid(new String(swap))).as("swap at %d", i).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345678901234567890", "abcdefghijk", "1234567890a"})
    @DisplayName("malformed numbers are refused with a message naming them")
    void malformed(String text) {
        assertThatThrownBy(() -> TrackingNumber.parse(text)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("tracking number");
    }

    @Test
    @DisplayName("spaces, dashes and a leading # are ignored when parsing")
    void lenientParsing() {
        TrackingNumber n = TrackingNumber.withCheckDigit("1916449000");
        String v = n.value();
        assertThat(TrackingNumber.parse("#" + v.substring(0, 4) + " " + v.substring(4, 8) + "-" + v.substring(8))).isEqualTo(n);
    }
}
