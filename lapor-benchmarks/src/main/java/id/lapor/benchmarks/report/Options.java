package id.lapor.benchmarks.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs, nothing else: the benchmarks' mains take a handful of numbers. */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    public Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("options are --name value; got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public int integer(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    public Duration seconds(String name, double otherwise) {
        double s = values.containsKey(name) ? Double.parseDouble(values.get(name)) : otherwise;
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
