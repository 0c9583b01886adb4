package id.lapor.sms.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers phones = PhoneNumbers.indonesia();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "081234567890, +6281234567890",
            "6281234567890, +6281234567890",
            "+6281234567890, +6281234567890",
            "006281234567890, +6281234567890",
            "'+62 812-3456-7890', +6281234567890",
            "'0812 3456 7890', +6281234567890",
            "085712345678, +6285712345678",
            "0536 3221234, +625363221234",
            "+60123456789, +60123456789"})
    void normalisesToE164(String raw, String e164) {
        assertThat(phones.toE164(raw)).hasValue(e164);
    }

    @ParameterizedTest(name = "{0} is not a phone")
    @ValueSource(strings = {"1708", "TELKOMSEL", "", "  ", "12", "0812345678901234567"})
    void refusesWhatIsNoPhone(String raw) {
        assertThat(phones.toE164(raw)).isEmpty();
    }
}
