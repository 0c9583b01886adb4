package id.lapor.lab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** JSON output: one mapper, and writers for files or stdout ({@code -}). */
final class Json {
    /** No separator between root values: each is ended by a newline written by the caller (JSON Lines). */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().rootValueSeparator("").build()).build();

    private Json() {
    }

    /** A writer to {@code file}, or to stdout for null or {@code -} (closing it then only flushes). */
    static Writer writer(Path file) {
        try {
            if (file == null || file.toString().equals("-")) {
                return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static JsonGenerator generator(Writer out) {
        return MAPPER.createGenerator(out);
    }
}
