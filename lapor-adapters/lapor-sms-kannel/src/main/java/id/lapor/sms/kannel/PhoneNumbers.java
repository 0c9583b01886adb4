package id.lapor.sms.kannel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Objects;
import java.util.Optional;

/**
 * Phone numbers as lapor stores them: E.164 ({@code +6281234567890}), whatever form the gateway or a
 * person wrote ({@code 081234567890}, {@code 6281234567890}, {@code +62 812-3456-7890}). Numbers without a
 * country code are read in the default region, Indonesia. Thread-safe.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("unknown region " + defaultRegion);
        }
    }

    /** Numbers without a country code are Indonesian. */
    public static PhoneNumbers indonesia() {
        return new PhoneNumbers("ID");
    }

    /**
     * {@code raw} in E.164, or empty when it is not a possible phone number (a short code such as 1708, an
     * alphanumeric sender, garbage).
     */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        // Gateways often drop the plus of an international number: 6281234567890.
        if (s.startsWith("62") && !s.startsWith("+") && s.replaceAll("\\D", "").length() >= 10) {
            s = "+" + s;
        } else if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(s, defaultRegion);
            if (!UTIL.isValidNumber(n) && !possibleMobileLength(n)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Numbering plans grow faster than libraries update: a possible length for the country is enough. */
    private static boolean possibleMobileLength(Phonenumber.PhoneNumber n) {
        return UTIL.isPossibleNumberForType(n, PhoneNumberUtil.PhoneNumberType.MOBILE);
    }
}
