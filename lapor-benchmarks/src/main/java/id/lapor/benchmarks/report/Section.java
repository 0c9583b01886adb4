package id.lapor.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one benchmark hands to the report: its rows, the details behind them (every window, the settings) and notes
 * for the reader. Written as JSON by the benchmark's own JVM, read back by {@link ReportMain}.
 */
public record Section(String name, String title, double seconds, List<Row> rows, Map<String, Object> details,
                      List<String> notes) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    public Section {
        rows = List.copyOf(rows);
        details = details == null ? Map.of() : new LinkedHashMap<>(details);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Section read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Section.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
