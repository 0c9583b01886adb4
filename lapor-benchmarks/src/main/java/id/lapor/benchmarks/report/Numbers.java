package id.lapor.benchmarks.report;

import java.util.Arrays;
import java.util.Locale;

/** Figures as people read them: thousands separated, as many decimals as the size calls for. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%,.1f" : a >= 1 ? "%,.2f" : "%,.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** {@code 12.3 45.6 ...}: a run's windows, for people. */
    public static String list(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " ").append(format(v));
        }
        return b.toString();
    }

    public static String list(java.util.List<Double> values) {
        return list(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
