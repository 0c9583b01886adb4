package id.lapor.core.complaint;

import id.lapor.core.InvalidValueException;

/**
 * The public number of a complaint: digits whose last one is a Damm check digit, so a mistyped
 * digit or two swapped neighbours never name another complaint.
 */
public record TrackingNumber(String value) implements Comparable<TrackingNumber> {
    /** The Damm algorithm's quasigroup of order 10: detects every single-digit error and adjacent transposition. */
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    public static final int MIN_LENGTH = 10;

    public TrackingNumber {
        if (value == null || value.length() < MIN_LENGTH || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            throw new InvalidValueException("tracking number '" + value + "' must be " + MIN_LENGTH + " to 19 digits");
        }
        if (checkDigit(value.substring(0, value.length() - 1)) != value.charAt(value.length() - 1) - '0') {
            throw new InvalidValueException("tracking number '" + value + "' has a wrong check digit (mistyped?)");
        }
    }

    /** Parses user input; spaces, dashes and a leading '#' are ignored. */
    public static TrackingNumber parse(String text) {
        if (text == null) {
            throw new InvalidValueException("tracking number is required");
        }
        return new TrackingNumber(text.replaceAll("[\\s#-]", ""));
    }

    /** Appends the check digit to a payload of digits. */
    public static TrackingNumber withCheckDigit(String payload) {
        return new TrackingNumber(payload + checkDigit(payload));
    }

    /** True when {@code text} parses to a tracking number. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    @Override
    public int compareTo(TrackingNumber o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
