package id.lapor.lab;

import id.lapor.lab.history.BadLine;
import id.lapor.lab.history.BadLineException;
import id.lapor.lab.history.HistoryLine;
import id.lapor.lab.history.HistoryReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Reads a history in chunks, parses and works on each chunk's lines on every core, and hands the outcomes on in
 * file order, on the calling thread: the output is the same as a one-thread run, byte for byte.
 */
final class Pipeline {
    private static final int CHUNK = 4096;

    /** What the caller does with each line's outcome, in file order. */
    interface Sink<R> {
        void good(R result);

        void bad(BadLine bad);
    }

    private Pipeline() {
    }

    /** {@code work} may throw {@link BadLineException}: the line is then bad. */
    static <R> void run(Path file, Progress progress, Function<HistoryLine, R> work, Sink<R> sink) {
        HistoryReader reader = new HistoryReader();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(progress.wrap(raw), StandardCharsets.UTF_8),
                     1 << 16)) {
            long number = 0;
            List<String> texts = new ArrayList<>(CHUNK);
            while (true) {
                texts.clear();
                for (String t = in.readLine(); t != null; t = texts.size() < CHUNK - 1 ? in.readLine() : null) {
                    texts.add(t);
                }
                if (texts.isEmpty()) {
                    break;
                }
                chunk(reader, number, texts, work, sink);
                number += texts.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } finally {
            progress.done();
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> void chunk(HistoryReader reader, long first, List<String> texts, Function<HistoryLine, R> work,
                                  Sink<R> sink) {
        int n = texts.size();
        Object[] parsed = new Object[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                parsed[i] = reader.parseAlone(first + i + 1, texts.get(i));
            } catch (BadLineException e) {
                parsed[i] = new BadLine(first + i + 1, e.getMessage());
            }
        });
        // Repeated ids depend on order: checked in file order.
        for (int i = 0; i < n; i++) {
            if (parsed[i] instanceof HistoryLine line) {
                try {
                    reader.checkId(line);
                } catch (BadLineException e) {
                    parsed[i] = new BadLine(line.line(), e.getMessage());
                }
            }
        }
        Object[] done = new Object[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            if (parsed[i] instanceof HistoryLine line) {
                try {
                    done[i] = work.apply(line);
                } catch (BadLineException e) {
                    done[i] = new BadLine(line.line(), e.getMessage());
                }
            } else {
                done[i] = parsed[i];
            }
        });
        for (Object o : done) {
            if (o instanceof BadLine b) {
                sink.bad(b);
            } else {
                sink.good((R) o);
            }
        }
    }
}
