package id.lapor.benchmarks.report;

import java.util.Locale;

/**
 * What a figure should reach: lapor over the baseline at least {@code value} times, lapor's own figure at least
 * or at most {@code value}, or nothing (a figure shown for context).
 */
public record Goal(Kind kind, double value, String unit) {
    public enum Kind { RATIO_AT_LEAST, AT_LEAST, AT_MOST, NONE }

    public static Goal ratioAtLeast(double times) {
        return new Goal(Kind.RATIO_AT_LEAST, times, "x");
    }

    public static Goal atLeast(double value, String unit) {
        return new Goal(Kind.AT_LEAST, value, unit);
    }

    public static Goal atMost(double value, String unit) {
        return new Goal(Kind.AT_MOST, value, unit);
    }

    public static Goal none() {
        return new Goal(Kind.NONE, Double.NaN, "");
    }

    /** Whether {@code lapor} (and {@code ratio}, for a ratio goal) meets it; null when there is no goal or no figure. */
    public Boolean met(Double lapor, Double ratio) {
        return switch (kind) {
            case RATIO_AT_LEAST -> ratio == null || ratio.isNaN() ? null : ratio >= value;
            case AT_LEAST -> lapor == null || lapor.isNaN() ? null : lapor >= value;
            case AT_MOST -> lapor == null || lapor.isNaN() ? null : lapor <= value;
            case NONE -> null;
        };
    }

    public String text() {
        return switch (kind) {
            case RATIO_AT_LEAST -> "≥ " + plain(value) + "x";
            case AT_LEAST -> "≥ " + plain(value) + unitText();
            case AT_MOST -> "≤ " + plain(value) + unitText();
            case NONE -> "–";
        };
    }

    private String unitText() {
        return unit.isEmpty() || unit.startsWith("/") ? unit : " " + unit;
    }

    /** 15, 0.5, 1,024, 500,000: as a goal is written. */
    private static String plain(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return text().toLowerCase(Locale.ROOT);
    }
}
