package id.lapor.benchmarks.memory;

import id.lapor.benchmarks.report.Goal;
import id.lapor.benchmarks.report.Options;
import id.lapor.benchmarks.report.Row;
import id.lapor.benchmarks.report.Section;
import id.lapor.benchmarks.report.Windows;
import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.testkit.Fixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Retained heap per complaint in {@link InMemoryComplaintStore}, beyond its text. Each round fills a new store with
 * {@code --count} complaints whose title and body are distinct ASCII texts of known length (so each is stored in
 * one byte a character), each with its own reporter and location as they would arrive; measures the heap in use
 * after full collections (repeated until it settles) before and after, through {@link MemoryMXBean}; subtracts the
 * text's bytes once. Two kinds of complaint: just submitted, and walked through the whole lifecycle (verify and
 * dispatch, forward, follow-up, complete). A class histogram of the difference says what the rest is made of.
 * Goal: 1 KiB or less beyond the text. Run it in a JVM of its own, with {@code -XX:+UseSerialGC} for exact figures.
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp lapor-benchmarks/target/benchmarks.jar id.lapor.benchmarks.memory.MemoryBenchmark
 *   [--out FILE] [--count 30000] [--body 600] [--rounds 3]</pre>
 */
public final class MemoryBenchmark {
    private static final Instant AT = Instant.parse("2026-03-03T03:00:00Z");
    private static final double GOAL_BYTES = 1024;
    private static final Actor VERIFIER = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
    private static final Actor DISTRICT_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.DISTRICT);
    private static final Actor VILLAGE_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.VILLAGE);
    private static final String WORDS = "jalan berlubang besar di depan pasar sejak dua minggu membahayakan pengendara"
            + " motor mohon segera diperbaiki oleh dinas terkait karena sudah banyak korban jatuh saat hujan ";

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        Path out = Path.of(o.text("out", "lapor-benchmarks/target/report/memory.json"));
        int count = o.integer("count", 30_000);
        int bodyLength = o.integer("body", 600);
        int rounds = o.integer("rounds", 3);
        long started = System.nanoTime();

        Map<String, Object> details = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // A first store, dropped, so that the measured rounds find lapor's classes loaded and its code compiled.
        fill(new InMemoryComplaintStore(), 2_000, bodyLength, true, 0);
        for (boolean lifecycle : new boolean[] {false, true}) {
            String kind = lifecycle ? "completed" : "submitted";
            double[] beyond = new double[rounds];
            double[] total = new double[rounds];
            Map<String, long[]> histogram = null;
            int textBytes = 0;
            for (int r = 0; r < rounds; r++) {
                InMemoryComplaintStore store = new InMemoryComplaintStore();
                long before = settledHeap();
                Map<String, long[]> h0 = r == rounds - 1 ? histogram() : null;
                textBytes = fill(store, count, bodyLength, lifecycle, (r + 1) * 1_000_000);
                long after = settledHeap();
                if (h0 != null) {
                    histogram = difference(h0, histogram());
                }
                total[r] = (after - before) / (double) count;
                beyond[r] = total[r] - textBytes;
                if (store.size() != count) {
                    throw new IllegalStateException("the store holds " + store.size() + " complaints, not " + count);
                }
                progress("%s, round %d: %,.0f bytes per complaint, %,.0f beyond its %d bytes of text", kind, r + 1, total[r],
                        beyond[r], textBytes);
            }
            double median = median(beyond);
            List<String> top = top(histogram, count, 10);
            progress("%s: what the heap holds per complaint (top classes): %s", kind, String.join("; ", top));
            rows.add(Row.of("memory." + kind, "Memory beyond the text, in-memory store, " + kind + " complaint",
                    "B", median, null, null, false, Goal.atMost(GOAL_BYTES, "B"), String.format(Locale.ROOT,
                            "%,.0f B in all with %d B of text (title + body); %s", median(total), textBytes,
                            String.join("; ", top.subList(0, Math.min(5, top.size()))))));
            details.put(kind, Map.of("bytesPerComplaint", total, "beyondText", beyond, "textBytes", textBytes,
                    "topClassesPerComplaint", top));
        }
        notes.add(String.format(Locale.ROOT, "Memory: %,d complaints a round, %d rounds, in a fresh InMemoryComplaintStore"
                + " each; distinct ASCII title and %d-character body (stored one byte a character), distinct reporter (name,"
                + " phone, e-mail, NIK) and location; heap in use after repeated full collections (MemoryMXBean, serial"
                + " collector) before and after, divided by the count, minus the title's and body's bytes; the median of"
                + " the rounds. 'Completed' complaints went through verify, forward, follow-up and complete, so they also"
                + " hold those events and their notifications. The top classes come from a class histogram of the"
                + " difference (last round), per complaint.", count, rounds, bodyLength));
        details.put("count", count);
        details.put("bodyLength", bodyLength);
        details.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        new Section("memory", "Memory per complaint", (System.nanoTime() - started) / 1e9, rows, details, notes).write(out);
        progress("written %s", out.toAbsolutePath());
    }

    /** Submits {@code count} complaints (and walks them through the lifecycle); answers the text bytes of each. */
    private static int fill(InMemoryComplaintStore store, int count, int bodyLength, boolean lifecycle, int salt) {
        Lapor lapor = Fixtures.laporBuilder(store, Clock.fixed(AT, ZoneOffset.UTC)).build();
        int textBytes = -1;
        for (int i = 0; i < count; i++) {
            int id = salt + i;
            String title = String.format(Locale.ROOT, "Jalan rusak nomor %09d di kelurahan", id);
            StringBuilder body = new StringBuilder(bodyLength);
            body.append("Laporan ").append(id).append(": ");
            while (body.length() < bodyLength) {
                body.append(WORDS, 0, Math.min(WORDS.length(), bodyLength - body.length()));
            }
            if (textBytes < 0) {
                textBytes = title.length() + body.length();
            } else if (textBytes != title.length() + body.length()) {
                throw new IllegalStateException("texts of unequal length");
            }
            String digits = String.format(Locale.ROOT, "%09d", id);
            Reporter reporter = Reporter.of("Warga " + digits, "+62812" + digits, "warga" + digits + "@example.org",
                    "6271010101" + digits.substring(3));
            Location location = Location.of("62.71.01." + (1001 + id % 15));
            Command.Submit report = Fixtures.report().title(title).body(body.toString()).reporter(reporter)
                    .location(location).build();
            Submission.Created created = (Submission.Created) lapor.submit(Actor.newReporter(), report);
            if (lifecycle) {
                TrackingNumber n = created.trackingNumber();
                lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();
                lapor.execute(DISTRICT_OPERATOR, n, new Command.Forward(Fixtures.VILLAGE, null)).orElseThrow();
                lapor.execute(VILLAGE_OPERATOR, n, new Command.PostFollowUp("Sudah ditindaklanjuti oleh kelurahan.")).orElseThrow();
                lapor.execute(Actor.reporter(created.secret()), n, new Command.Complete(null)).orElseThrow();
            }
        }
        return textBytes;
    }

    /** Heap in use after full collections, once two in a row agree within 0.1%. */
    private static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) <= last / 1000) {
                return used;
            }
            last = used;
        }
        return last;
    }

    /** Instances and bytes per class, live objects only (the histogram collects first). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }

    private static Map<String, long[]> difference(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> out = new HashMap<>();
        after.forEach((k, v) -> {
            long[] b = before.getOrDefault(k, new long[2]);
            out.put(k, new long[] {v[0] - b[0], v[1] - b[1]});
        });
        return out;
    }

    private static List<String> top(Map<String, long[]> diff, int count, int n) {
        if (diff == null) {
            return List.of();
        }
        return diff.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %.0f B (%.1f objects)", simple(e.getKey()),
                        e.getValue()[1] / (double) count, e.getValue()[0] / (double) count))
                .toList();
    }

    private static String simple(String className) {
        return switch (className) {
            case "[B" -> "byte[]";
            case "[Ljava.lang.Object;" -> "Object[]";
            case "[I" -> "int[]";
            default -> className.startsWith("id.lapor.core.") ? className.substring("id.lapor.core.".length())
                    : className.startsWith("java.util.") ? className.substring("java.util.".length())
                    : className.startsWith("java.lang.") ? className.substring("java.lang.".length())
                    : className.startsWith("java.time.") ? className.substring("java.time.".length()) : className;
        };
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void progress(String format, Object... args) {
        Windows.progress("memory", format, args);
    }
}
