package id.lapor.policy.jackson;

import java.nio.file.Path;
import java.util.Locale;

/** The source formats a policy is read from. */
public enum PolicyFormat {
    JSON, YAML;

    /** By file name: {@code .json} is JSON, {@code .yaml} and {@code .yml} are YAML. */
    public static PolicyFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        throw new IllegalArgumentException("cannot tell the format of " + file + ": name it .json, .yaml or .yml");
    }
}
