package id.lapor.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** BENCHMARKS.md: the command, the machine, the table, how each figure was measured, and why a goal was missed. */
final class Markdown {
    private Markdown() {
    }

    static String render(Machine machine, String loadAtEnd, double seconds, List<Section> sections) {
        List<Row> rows = sections.stream().flatMap(s -> s.rows().stream()).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("lapor measured against what a Java team would otherwise write or embed: a BPMN engine (Flowable),\n"
                + "hand-written JDBC, raw SQLite inserts, a linear scan of the routing rules, a day-by-day calendar loop.\n"
                + "Every figure below comes from one run of one command on the machine described under it, and each ratio\n"
                + "is taken between two figures of that run. This file and `benchmarks.json` are written by the command:\n\n");
        md.append("```sh\n").append(ReportMain.COMMAND).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "The run took %.1f minutes, after the build. How each"
                + " benchmark works and how to run one alone: [lapor-benchmarks/README.md](lapor-benchmarks/README.md).\n\n",
                seconds / 60));
        md.append(String.format(Locale.ROOT, "**Machine**: %d cores (%s), %.1f GiB of memory, %s; %s. Run started %s."
                        + " Load average (1, 5, 15 min) at the start %s, at the end %s: %s\n\n",
                machine.cores(), machine.cpu(), machine.memoryBytes() / (1024.0 * 1024 * 1024), machine.os(), machine.jvm(),
                machine.date(), machine.loadAverageAtStart(), loadAtEnd, loadNote(machine)));
        md.append(table(rows)).append('\n');
        md.append("The ratio is lapor over the baseline for rates, and the baseline over lapor for times and sizes: above 1\n"
                + "means lapor does better. A goal on a ratio is judged on the ratio; any other goal on lapor's own figure.\n\n");

        md.append("## How each figure was measured\n\n");
        for (Section s : sections) {
            for (String note : s.notes()) {
                md.append("- ").append(note).append('\n');
            }
        }
        md.append('\n');

        List<String> misses = Misses.paragraphs(sections, machine);
        md.append("## Where lapor misses a goal\n\n");
        md.append(misses.isEmpty() ? "Nowhere in this run.\n" : String.join("\n", misses) + "\n");
        List<String> missing = rows.stream().filter(r -> r.lapor() == null)
                .map(r -> "- **" + r.figure() + "**: " + r.note()).toList();
        if (!missing.isEmpty()) {
            md.append("\n## Not measured in this run\n\n").append(String.join("\n", missing)).append('\n');
        }
        return md.toString();
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder("| figure | lapor | baseline | ratio | goal | met? |\n"
                + "| --- | ---: | --- | ---: | --- | --- |\n");
        for (Row r : rows) {
            t.append("| ").append(r.figure())
                    .append(" | ").append(r.lapor() == null ? "not measured" : Numbers.format(r.lapor()) + " " + r.unit())
                    .append(" | ").append(r.baseline() == null ? "–" : Numbers.format(r.baseline()) + " " + r.unit()
                            + " (" + r.baselineName() + ")")
                    .append(" | ").append(r.ratio() == null ? "–" : Numbers.format(r.ratio()) + "x")
                    .append(" | ").append(r.goal().text())
                    .append(" | ").append(r.met() == null ? "–" : r.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return t.toString();
    }

    private static String loadNote(Machine machine) {
        double load;
        try {
            load = Double.parseDouble(machine.loadAverageAtStart().split(" ")[0]);
        } catch (RuntimeException e) {
            return "";
        }
        return load > machine.cores() * 0.5
                ? "other work was running on this shared machine, so every figure here is lower and noisier than on a"
                + " quiet one; the ratios, taken between alternating windows of the same run, suffer less."
                : "a quiet machine.";
    }

    static Optional<Row> row(List<Section> sections, String id) {
        return sections.stream().flatMap(s -> s.rows().stream()).filter(r -> r.id().equals(id)).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Optional<Object> detail(Section s, String... path) {
        Object at = s.details();
        for (String p : path) {
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(p)) {
                return Optional.empty();
            }
            at = ((Map<String, Object>) m).get(p);
        }
        return Optional.ofNullable(at);
    }
}
