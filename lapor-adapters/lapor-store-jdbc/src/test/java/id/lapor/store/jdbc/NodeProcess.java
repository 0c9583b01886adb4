package id.lapor.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link StoreNode} started as a JVM of its own on the test's class path. Its standard output is read
 * line by line on a thread; its standard error goes to a file under {@code target/nodes}, named in every
 * failure. Closing kills what still runs.
 */
final class NodeProcess implements AutoCloseable {
    private static final String END = "\u0000end";

    private final String name;
    private final Process process;
    private final Path errors;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Writer in;

    private NodeProcess(String name, Process process, Path errors) {
        this.name = name;
        this.process = process;
        this.errors = errors;
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("IOException " + e.getMessage());
            } finally {
                lines.add(END);
            }
        }, "node-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <test class path> id.lapor.store.jdbc.StoreNode <args>}. */
    static NodeProcess start(String name, String... args) {
        // Surefire puts the class path in a manifest-only jar; it names the real one here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath, StoreNode.class.getName()));
        command.addAll(List.of(args));
        try {
            Path dir = Files.createDirectories(Path.of("target", "nodes"));
            Path errors = dir.resolve(name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            return new NodeProcess(name, process, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node " + name, e);
        }
    }

    /**
     * Reads lines until one matches, and answers it.
     *
     * @throws AssertionError when the node ends or {@code timeout} passes first
     */
    String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw failure("no awaited line within " + timeout);
            }
            if (line.equals(END)) {
                lines.add(END);
                throw failure("ended before the awaited line");
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Sends one line to the node's standard input. */
    void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    /** Kills the node at once (SIGKILL), then reads what it had written before dying. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw failure("did not die");
        }
        drain(Duration.ofSeconds(30));
    }

    /** Waits for the node to end by itself with status 0, reading all it writes. */
    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw failure("still running after " + timeout);
        }
        drain(Duration.ofSeconds(30));
        if (process.exitValue() != 0) {
            throw failure("ended with status " + process.exitValue());
        }
    }

    /** Every line read so far. */
    List<String> lines() {
        return List.copyOf(seen);
    }

    private void drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS); line != null && !line.equals(END);
             line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            seen.add(line);
        }
        lines.add(END);
    }

    private AssertionError failure(String what) {
        String tail;
        try {
            List<String> err = Files.readAllLines(errors);
            tail = String.join("\n", err.subList(Math.max(0, err.size() - 40), err.size()));
        } catch (IOException e) {
            tail = "(unreadable: " + e.getMessage() + ")";
        }
        return new AssertionError("node " + name + " " + what + "; last lines: "
                + seen.subList(Math.max(0, seen.size() - 5), seen.size()) + "; standard error (" + errors + "):\n" + tail);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            in.close();
        } catch (IOException e) {
            // the node is gone: nothing to tell it
        }
    }
}
