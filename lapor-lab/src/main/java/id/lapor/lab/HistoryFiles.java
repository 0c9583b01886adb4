package id.lapor.lab;

import id.lapor.lab.history.BadLine;
import id.lapor.lab.history.HistoryLine;
import id.lapor.lab.history.HistoryReader;
import id.lapor.lab.history.Times;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/** Opening and scanning history files. */
final class HistoryFiles {
    private static final String[] KEYS = {"\"at\"", "\"submittedAt\""};

    private HistoryFiles() {
    }

    /**
     * The latest time recorded anywhere in the file (submissions and events), found by a quick scan that does not
     * parse the JSON: the default as-of instant, i.e. when the history was exported. Empty for a file without one.
     */
    static Optional<Instant> latestInstant(Path file) {
        Instant latest = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                for (String key : KEYS) {
                    for (int i = line.indexOf(key); i >= 0; i = line.indexOf(key, i + 1)) {
                        Instant t = timeAfter(line, i + key.length());
                        if (t != null && (latest == null || t.isAfter(latest))) {
                            latest = t;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.ofNullable(latest);
    }

    /** The time in quotes after a key and a colon at {@code i}, or null. */
    private static Instant timeAfter(String line, int i) {
        int n = line.length();
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == ':')) {
            i++;
        }
        if (i >= n || line.charAt(i) != '"') {
            return null;
        }
        int end = line.indexOf('"', i + 1);
        if (end < 0) {
            return null;
        }
        try {
            return Times.parse(line.substring(i + 1, end));
        } catch (DateTimeParseException e) {
            // the full read reports it as a bad line
            return null;
        }
    }

    /** Reads every line of {@code file}, good and bad, in order. */
    static void read(Path file, Progress progress, Consumer<HistoryLine> good, Consumer<BadLine> bad) {
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(progress.wrap(raw), StandardCharsets.UTF_8),
                     1 << 16)) {
            new HistoryReader().read(in, good, bad);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } finally {
            progress.done();
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
