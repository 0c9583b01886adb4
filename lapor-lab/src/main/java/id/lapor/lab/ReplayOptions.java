package id.lapor.lab;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import picocli.CommandLine.Option;

/** Options shared by the commands that replay a history. */
final class ReplayOptions {
    @Option(names = "--as-of", paramLabel = "TIME",
            description = "When to judge open stages (ISO-8601 with offset, e.g. 2025-12-31T23:59:59+07:00)."
                    + " Default: the latest time recorded in the history.")
    String asOf;

    @Option(names = "--strict", description = "Any bad line is fatal (exit code 1), after all are reported.")
    boolean strict;

    @Option(names = "--progress", negatable = true,
            description = "Draw a progress bar on stderr, or not (--no-progress). Default: when there is a terminal.")
    Boolean progress;

    Instant asOf(Path history) {
        if (asOf != null) {
            return OffsetDateTime.parse(asOf).toInstant();
        }
        return HistoryFiles.latestInstant(history).orElse(Instant.EPOCH);
    }

    boolean progress() {
        return progress == null ? System.console() != null : progress;
    }
}
