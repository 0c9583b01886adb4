package id.lapor.examples.portal;

import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the demo's notifications go: one line per delivery appended to a file ({@code outbox.log} in the data
 * folder), flushed before the courier returns, so a delivery the relay marks done is on disk. A real
 * {@link Courier} for each medium, with no network behind it: swap in the SMS, mail and webhook adapters to
 * send for real. Addresses are written masked (as {@link id.lapor.core.notification.Address#toString()} gives
 * them): the log holds no reporter's phone or e-mail.
 */
final class OutboxLog implements AutoCloseable {
    private final Path file;
    private final Clock clock;
    private final Writer writer;

    OutboxLog(Path file, Clock clock) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    Path file() {
        return file;
    }

    /** A courier per medium, all writing to this log. */
    List<Courier> couriers() {
        List<Courier> out = new ArrayList<>();
        for (Medium m : Medium.values()) {
            out.add(new LogCourier(m));
        }
        return out;
    }

    private synchronized void write(Delivery d) {
        String line = clock.instant() + "\t" + d.address().medium() + "\t" + d.messageId() + "\tattempt " + d.attempt()
                + "\t" + d.address() + "\t" + d.message().topic() + "\t" + oneLine(d.text().subject()) + "\t"
                + oneLine(d.text().body()) + "\n";
        try {
            writer.write(line);
            writer.flush();
        } catch (IOException e) {
            // Transient for the relay: it retries with backoff. The message names no address or text.
            throw DeliveryException.transientFailure("could not append to " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    private final class LogCourier implements Courier {
        private final Medium medium;

        LogCourier(Medium medium) {
            this.medium = medium;
        }

        @Override
        public Medium medium() {
            return medium;
        }

        @Override
        public void deliver(Delivery delivery) {
            write(delivery);
        }

        @Override
        public String toString() {
            return "OutboxLog.Courier[" + medium + " -> " + file + "]";
        }
    }
}
