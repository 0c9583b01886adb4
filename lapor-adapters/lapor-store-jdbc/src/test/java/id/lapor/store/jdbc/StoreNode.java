package id.lapor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.timing.DueWorkDriver;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lapor node in a JVM of its own, for the tests that need several at once or one to kill. It talks in
 * lines: what it did on standard output, flushed line by line, and it waits for {@code GO} on standard
 * input before sweeping, so that a test can start two sweeps together.
 *
 * <pre>
 * intake &lt;jdbc-url&gt; &lt;submitted-at&gt; &lt;first&gt; &lt;count&gt;
 *     submits SMS complaints with message ids sms-&lt;i&gt;; after each answer prints
 *     "ACK &lt;i&gt; &lt;tracking number&gt; created|already", the moment a gateway would be acknowledged
 * sweep &lt;jdbc-url&gt; &lt;lease-millis&gt; &lt;batch&gt; &lt;instant&gt;...
 *     prints READY, waits for GO, then runs a DueWorkDriver at each instant in turn until nothing more
 *     fires; prints "FIRED &lt;k&gt;" each time the timers fired pass a multiple of 10, "SWEPT &lt;instant&gt; &lt;fired&gt;" after each
 *     instant and "DONE &lt;fired&gt; &lt;start-millis&gt; &lt;end-millis&gt;" (wall clock) at the end
 * </pre>
 */
final class StoreNode {
    private static final byte[] KEY = "lapor-store-node-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final PrintStream OUT = System.out;

    private StoreNode() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(2);
        config.setPoolName("node");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            switch (mode) {
                case "intake" -> intake(dataSource, Instant.parse(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                case "sweep" -> sweep(dataSource, Duration.ofMillis(Long.parseLong(args[2])), Integer.parseInt(args[3]),
                        List.of(args).subList(4, args.length).stream().map(Instant::parse).toList());
                default -> throw new IllegalArgumentException("no mode " + mode);
            }
        }
    }

    /**
     * A lapor over {@code store} as every node builds it: the fixtures' world, tracking numbers from the
     * database's sequence, so that processes never hand out a number twice.
     */
    static Lapor lapor(JdbcComplaintStore store, Clock clock) {
        return Fixtures.laporBuilder(store, clock).trackingNumbers(new KeyedTrackingNumbers(KEY, store::nextSequence)).build();
    }

    /** The report an SMS gateway would deliver as message {@code i}. */
    static id.lapor.core.lifecycle.Command.Submit sms(int i) {
        return Fixtures.report().channel(Channel.SMS).title("Laporan SMS " + i).channelMessageId("sms-" + i).build();
    }

    /** Submits {@code count} SMS complaints from {@code threads} threads, in the test's own JVM: setup, not a node. */
    static List<TrackingNumber> submitAll(Lapor lapor, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<List<TrackingNumber>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    List<TrackingNumber> mine = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        mine.add(lapor.submit(Actor.system("sms"), sms(i)).trackingNumberOrThrow());
                    }
                    return mine;
                }));
            }
            List<TrackingNumber> all = new ArrayList<>();
            for (Future<List<TrackingNumber>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void intake(HikariDataSource dataSource, Instant at, int first, int count) {
        JdbcComplaintStore store = JdbcComplaintStore.builder(dataSource).build();
        Lapor lapor = lapor(store, new SettableClock(at));
        for (int i = first; i < first + count; i++) {
            Submission answer = lapor.submit(Actor.system("sms"), sms(i));
            String kind;
            if (answer instanceof Submission.Created) {
                kind = "created";
            } else if (answer instanceof Submission.AlreadySubmitted) {
                kind = "already";
            } else {
                throw new IllegalStateException("message " + i + " was not taken: " + answer);
            }
            OUT.println("ACK " + i + " " + answer.trackingNumberOrThrow().value() + " " + kind);
            OUT.flush();
        }
    }

    private static void sweep(HikariDataSource dataSource, Duration lease, int batch, List<Instant> instants) throws Exception {
        JdbcComplaintStore store = JdbcComplaintStore.builder(dataSource).dueLease(lease).build();
        SettableClock clock = new SettableClock(instants.get(0));
        AtomicInteger fired = new AtomicInteger();
        Lapor lapor = Fixtures.laporBuilder(store, clock)
                .trackingNumbers(new KeyedTrackingNumbers(KEY, store::nextSequence))
                .listener(events -> {
                    // Each event is a timer fired (a complaint's due timers are one append); the sweep is all
                    // this node stores.
                    int before = fired.getAndAdd(events.size());
                    int k = before + events.size();
                    if (k / 10 > before / 10) {
                        OUT.println("FIRED " + k);
                        OUT.flush();
                    }
                })
                .build();
        DueWorkDriver driver = new DueWorkDriver(lapor, store, batch);
        store.due(Instant.EPOCH, 1); // warms the pool and the statement: nothing was due in 1970
        OUT.println("READY");
        OUT.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); !"GO".equals(line); line = in.readLine()) {
            if (line == null) {
                throw new IllegalStateException("standard input closed before GO");
            }
        }
        long start = System.currentTimeMillis();
        int total = 0;
        for (Instant at : instants) {
            clock.set(at);
            int firedAt = 0;
            for (int n = driver.sweep(); n > 0; n = driver.sweep()) {
                firedAt += n;
            }
            total += firedAt;
            OUT.println("SWEPT " + at + " " + firedAt);
        }
        long end = System.currentTimeMillis();
        OUT.println("DONE " + total + " " + start + " " + end);
        OUT.flush();
    }
}
