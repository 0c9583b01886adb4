package id.lapor.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why lapor missed a goal, and what would close it, per kind of figure: the reasoning is written here once, the
 * numbers come from the run. Rows of one kind (1 and 4 threads, submitted and completed) share one paragraph.
 */
final class Misses {
    private Misses() {
    }

    /** One paragraph per kind of missed figure, as Markdown list items. */
    static List<String> paragraphs(List<Section> sections, Machine machine) {
        Map<String, List<Row>> byFamily = new LinkedHashMap<>();
        Map<String, Section> sectionOf = new LinkedHashMap<>();
        for (Section s : sections) {
            for (Row r : s.rows()) {
                if (Boolean.FALSE.equals(r.met())) {
                    byFamily.computeIfAbsent(family(r.id()), k -> new ArrayList<>()).add(r);
                    sectionOf.put(family(r.id()), s);
                }
            }
        }
        List<String> out = new ArrayList<>();
        byFamily.forEach((family, rows) -> {
            StringBuilder p = new StringBuilder("- **");
            p.append(String.join("; ", rows.stream().map(Row::figure).toList())).append("**: ");
            for (Row r : rows) {
                p.append(figures(r)).append(' ');
            }
            p.append(reason(family, rows, sectionOf.get(family), sections, machine));
            out.add(p.toString().strip());
        });
        return out;
    }

    private static String family(String id) {
        for (String f : List.of("flowable.lifecycle", "intake.http", "memory", "storage.lifecycle", "calendar.addWorkingDays")) {
            if (id.startsWith(f + ".")) {
                return f;
            }
        }
        return id;
    }

    /** What this row measured against what it should, in one sentence. */
    private static String figures(Row r) {
        String who = r.figure().contains(", ") ? r.figure().substring(r.figure().lastIndexOf(", ") + 2) : r.figure();
        if (r.goal().kind() == Goal.Kind.RATIO_AT_LEAST) {
            return String.format(Locale.ROOT, "%s: %s against %s %s, %sx (goal %s).", who, Numbers.format(r.lapor()),
                    Numbers.format(r.baseline()), r.unit(), Numbers.format(r.ratio()), r.goal().text());
        }
        return String.format(Locale.ROOT, "%s: %s %s (goal %s).", who, Numbers.format(r.lapor()), r.unit(), r.goal().text());
    }

    private static String reason(String family, List<Row> rows, Section s, List<Section> all, Machine machine) {
        switch (family) {
            case "flowable.lifecycle": {
                double lj = cpu(s, "laporJvm1");
                double lp = cpu(s, "laporPostgres1");
                double fj = cpu(s, "flowableJvm1");
                double fp = cpu(s, "flowablePostgres1");
                String cpu = Double.isNaN(lj + lp + fj + fp) ? "" : String.format(Locale.ROOT, " Per lifecycle on one thread"
                        + " lapor cost %.2f ms of CPU in its JVM and %.2f ms in PostgreSQL, Flowable %.1f + %.1f ms: %.1f"
                        + " times as much, close to the ratio measured, because on %d cores (load average %s at the start)"
                        + " CPU sets the pace of both. For 15x lapor would have to cost %.2f ms in all.",
                        lj, lp, fj, fp, (fj + fp) / (lj + lp), machine.cores(), machine.loadAverageAtStart(), (fj + fp) / 15);
                double flowableOne = Markdown.row(all, "flowable.lifecycle.1").map(Row::baseline).orElse(Double.NaN);
                return "For reference, the issue measured Flowable at 11-16 lifecycles/s on one thread and 23-36 on four"
                        + (flowableOne > 16 ? "; here it did better, which raises the bar for lapor." : ".") + cpu
                        + " Per lifecycle, PostgreSQL's"
                        + " counters show lapor at " + perLifecycle(s, "perLifecycleLapor") + " and Flowable at "
                        + perLifecycle(s, "perLifecycleFlowable") + ". What would close it: less CPU per lapor step. Each"
                        + " step is one statement already (lapor decides a command on the complaint it wrote last, and an"
                        + " event carries its SLA clock change), but that statement rewrites the complaint's whole record"
                        + " (0.7 to 1.7 KB of JSON, parsed by PostgreSQL to check it) with a new entry in each of the"
                        + " complaint table's five indexes, since state, unit and next deadline change with every step;"
                        + " a profile of the database backends (perf) puts JSON parsing, index insertion and the start of"
                        + " each statement's plan first. A smaller record (timer ids and deadlines derived, not stored) and"
                        + " fewer indexes on the complaint table are the places to look.";
            }
            case "intake.http": {
                String where = "";
                Row http = Markdown.row(all, "intake.http.1").orElse(null);
                Row direct = Markdown.row(all, "intake.direct.1").orElse(null);
                double lc = median(s, "threads1", "laporCpuMillis");
                double dc = median(s, "threads1", "laporSubmitCpuMillis");
                double rc = median(s, "threads1", "rawCpuMillis");
                if (http != null && direct != null && http.lapor() != null && direct.lapor() != null && http.baseline() != null
                        && !Double.isNaN(lc + dc + rc)) {
                    where = String.format(Locale.ROOT, " Per complaint on one thread, wall time and CPU: raw inserts %.2f ms"
                            + " and %.2f ms; Lapor.submit without HTTP %.2f ms and %.2f ms; over HTTP %.2f ms and %.2f ms (the"
                            + " CPU includes the HTTP client, in the same JVM).", 1000 / http.baseline(), rc,
                            1000 / direct.lapor(), dc, 1000 / http.lapor(), lc);
                }
                return where.strip() + " lapor commits once per complaint, as the raw inserts do (the store reserves"
                        + " tracking-number sequence values 32 at a time, so a submission no longer commits the sequence"
                        + " on its own); the rows without HTTP show Lapor.submit alone. The gap is CPU: lapor spends what the raw"
                        + " inserts do not on validation, routing, the SLA clock, notifications and JSON in Lapor.submit,"
                        + " then over HTTP on the servlet, the form and the JSON answer, and here on the HTTP client too,"
                        + " which runs in the same JVM on the same two cores. What would close it: less CPU per request,"
                        + " where a profile of this path (JFR) puts Jackson's serialization first (the complaint record"
                        + " and its event written as JSON, and the answer), then the validator.";
            }
            case "memory":
                return String.format(Locale.ROOT, "%s The text itself is kept once (the complaint and its Submitted event"
                        + " share the title and body). The rest is structure: every event of the history stays in the store"
                        + " as a record with its envelope (RecordedEvent, ActorRef, Instant; the clock's changes ride inside"
                        + " the event that caused them); the SLA clock keeps a Timer per"
                        + " warning, breach and escalation level, each with an id string and its own Deadline (an Instant, a"
                        + " LocalDate and the zone), three of them from the moment of submission; every notification stays as"
                        + " an OutboxMessage and a Delivery keyed by a fresh id string, delivered or not; the reporter's four"
                        + " fields, the tracking number, the region code and the salted secret hash (69 Base64 characters)"
                        + " are strings of their own. What would close it: timer ids derived from stage, instance, kind and"
                        + " level instead of stored; deadlines shared between timers due at the same instant, their last day"
                        + " derived from the instant and zone; the secret hash as 48 bytes; the in-memory store dropping"
                        + " delivered notifications (it is for tests and demos); and, for complaints with a long history,"
                        + " events kept in a compact form once folded.", String.join(" ", rows.stream().map(Misses::topClasses).toList()));
            case "storage.lifecycle": {
                double lj = storageCpu(s, "lifecycle1Threads", "cpuMillisPerLifecycle", "laporJvm");
                double lp = storageCpu(s, "lifecycle1Threads", "cpuMillisPerLifecycle", "laporPostgres");
                double jj = storageCpu(s, "lifecycle1Threads", "cpuMillisPerLifecycle", "handWrittenJdbcJvm");
                double jp = storageCpu(s, "lifecycle1Threads", "cpuMillisPerLifecycle", "handWrittenJdbcPostgres");
                Object breakEven = Markdown.detail(s, "storageBenchmark", "lifecycle1Threads", "breakEvenExtraRoundTripMillis")
                        .orElse(null);
                Object laporTrips = Markdown.detail(s, "storageBenchmark", "lifecycle1Threads", "roundTripsPerLifecycle", "lapor")
                        .orElse("?");
                Object jdbcTrips = Markdown.detail(s, "storageBenchmark", "lifecycle1Threads", "roundTripsPerLifecycle",
                        "handWrittenJdbc").orElse("?");
                return "lapor makes " + laporTrips + " round trips to the database per lifecycle, the hand-written code "
                        + jdbcTrips + " (three statements and a commit a step), yet lapor is behind: on this machine, with the"
                        + " database on the same host, CPU sets the pace, not the network."
                        + (Double.isNaN(lj + lp + jj + jp) ? "" : String.format(Locale.ROOT, " On one thread lapor spent %.2f"
                        + " ms of CPU in its JVM and %.2f ms in PostgreSQL per lifecycle, the hand-written code %.2f + %.2f"
                        + " ms.", lj, lp, jj, jp))
                        + (breakEven == null ? "" : " Against a database across a network lapor's fewer round trips win:"
                        + " the storage benchmark reckons that a round trip " + breakEven + " ms dearer than here brings it"
                        + " to 1.0x on one thread.") + fourThreads(s) + " What would close it here: less CPU per step in"
                        + " PostgreSQL, where a profile of the backends (perf) puts index insertion first, then the round"
                        + " trip, the start of each statement's plan and the check of each JSON record. Every step rewrites"
                        + " the complaint's whole record (0.6 to 1.6 KB of JSON) with a new entry in each of the complaint"
                        + " table's five indexes (the hand-written table has three), since state, unit and next deadline"
                        + " change; a smaller record (timer ids derived, not stored), fewer indexes, or several threads'"
                        + " appends written in one statement are the places to look.";
            }
            case "storage.sweep": {
                String query = "";
                Object rounds = Markdown.detail(s, "storageBenchmark", "dueWork", "rounds").orElse(null);
                if (rounds instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> last) {
                    double due = number(last.get("due"));
                    query = String.format(Locale.ROOT, " (%.0f µs per due complaint against %.2f ms for the whole sweep"
                            + " of each)", number(last.get("queryMillis")) * 1000 / due, number(last.get("sweepMillis")) / due);
                }
                return "Each due complaint here has three timers due at once (its verification warning, breach and first"
                        + " escalation); one DueWorkDriver on one thread fires them in one append per complaint, after"
                        + " one read per batch of 200 complaints: " + Numbers.format(rows.get(0).lapor() * 3) + " timers a second. The"
                        + " sweep's query is not the cost" + query + ", and the cost per due complaint falls as more are"
                        + " due (" + rows.get(0).note() + "): it follows the number due, not the million open. One sweeper"
                        + " waits on each round trip; what closes it is a second sweeper, on another thread or node, which"
                        + " the claiming query (FOR UPDATE SKIP LOCKED) lets share the work: see the next row.";
            }
            case "storage.twoSweepers": {
                double jvm = storageCpu(s, "dueWork", "twoSweepers", "cpuMillisPerDueComplaint", "jvm");
                double postgres = storageCpu(s, "dueWork", "twoSweepers", "cpuMillisPerDueComplaint", "postgres");
                // CPU milliseconds per complaint times complaints a second: the cores kept busy.
                String cpu = Double.isNaN(jvm + postgres) ? "" : String.format(Locale.ROOT, " At the rate measured, that"
                        + " CPU kept %.1f of the %d cores busy (load average %s at the start); however many sweepers share"
                        + " them, %d cores at this cost fire at most about %,.0f complaints a second.",
                        rows.get(0).lapor() * (jvm + postgres) / 1000, machine.cores(), machine.loadAverageAtStart(),
                        machine.cores(), machine.cores() * 1000 / (jvm + postgres));
                return rows.get(0).note() + "." + cpu + " What would close it: less work per due complaint (the read"
                        + " before the append, and the complaint record rewritten whole), then more sweepers where there"
                        + " are cores for them.";
            }
            default:
                if (family.startsWith("storage.")) {
                    return rows.get(0).note() + ". The plan of the sweep's query is in benchmarks.json (the storage"
                            + " section's details).";
                }
                return String.format(Locale.ROOT, "The figure is CPU-bound and measured on one thread of a machine whose load"
                        + " average was %s on %d cores, so a busy machine lowers it directly; run it alone (`--only %s`) on a"
                        + " quiet machine to tell whether the code or the machine misses.", machine.loadAverageAtStart(),
                        machine.cores(), family.substring(0, family.indexOf('.')));
        }
    }

    /** The four-thread CPU per lifecycle, where both sides are bound by the machine's cores. */
    private static String fourThreads(Section s) {
        double lj = storageCpu(s, "lifecycle4Threads", "cpuMillisPerLifecycle", "laporJvm");
        double lp = storageCpu(s, "lifecycle4Threads", "cpuMillisPerLifecycle", "laporPostgres");
        double jj = storageCpu(s, "lifecycle4Threads", "cpuMillisPerLifecycle", "handWrittenJdbcJvm");
        double jp = storageCpu(s, "lifecycle4Threads", "cpuMillisPerLifecycle", "handWrittenJdbcPostgres");
        if (Double.isNaN(lj + lp + jj + jp)) {
            return "";
        }
        return String.format(Locale.ROOT, " On four threads the two cores are the limit for both sides, and what counts is"
                + " CPU per lifecycle: lapor %.2f ms in its JVM and %.2f ms in PostgreSQL, the hand-written code %.2f + %.2f"
                + " ms, so lapor can do at most %.2fx of its lifecycles here.", lj, lp, jj, jp, (jj + jp) / (lj + lp));
    }

    private static String perLifecycle(Section s, String key) {
        return Markdown.detail(s, key).filter(v -> v instanceof Map).map(v -> {
            Map<?, ?> m = (Map<?, ?>) v;
            return String.format(Locale.ROOT, "%.1f write transactions and %.0f rows written (%.0f inserted, %.0f updated,"
                            + " %.0f deleted)", number(m.get("writeTransactions")),
                    number(m.get("rowsInserted")) + number(m.get("rowsUpdated"))
                            + number(m.get("rowsDeleted")), number(m.get("rowsInserted")), number(m.get("rowsUpdated")),
                    number(m.get("rowsDeleted")));
        }).orElse("(not counted)");
    }

    /** The median of a list of numbers under {@code path} in the section's details, NaN when absent. */
    private static double median(Section s, String... path) {
        return Markdown.detail(s, path).filter(v -> v instanceof List).map(v -> {
            List<?> values = (List<?>) v;
            return Numbers.median(values.stream().mapToDouble(Misses::number).toArray());
        }).orElse(Double.NaN);
    }

    /** CPU milliseconds under {@code path} in the storage benchmark's JSON, NaN when not measured. */
    private static double storageCpu(Section s, String... path) {
        List<String> full = new ArrayList<>(List.of("storageBenchmark"));
        full.addAll(List.of(path));
        return number(Markdown.detail(s, full.toArray(String[]::new)).orElse(null));
    }

    /** Mean CPU milliseconds per lifecycle of one series in the Flowable section, NaN when not measured. */
    private static double cpu(Section s, String series) {
        return Markdown.detail(s, "cpuMillisPerLifecycle", series).filter(v -> v instanceof List).map(v -> {
            List<?> values = (List<?>) v;
            double sum = 0;
            for (Object x : values) {
                sum += number(x);
            }
            return values.isEmpty() ? Double.NaN : sum / values.size();
        }).orElse(Double.NaN);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String topClasses(Row r) {
        String note = r.note() == null ? "" : r.note();
        String kind = r.id().substring(r.id().indexOf('.') + 1);
        int at = note.indexOf("; ");
        return at < 0 ? note : "A " + kind + " complaint takes " + note.substring(0, at) + "; the largest classes per"
                + " complaint: " + note.substring(at + 2) + ".";
    }
}
