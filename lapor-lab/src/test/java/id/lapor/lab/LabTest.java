package id.lapor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line, end to end, on files. */
class LabTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static Path city;

    /** Output of one run: exit code, stdout and stderr. */
    record Run(int code, String out, String err) {
    }

    static Run lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lab.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void generateACityYear() {
        city = dir.resolve("city.jsonl");
        Run r = lab("generate", "--profile", "city", "--count", "400", "--seed", "42", "-o", city.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("generated 400 reports (CITY, seed 42, year 2025)");
    }

    @Test
    @DisplayName("generate is reproducible: the same seed writes the same bytes, another seed other ones")
    void generateIsSeeded() throws Exception {
        Path again = dir.resolve("again.jsonl");
        Path other = dir.resolve("other.jsonl");
        lab("generate", "--profile", "city", "--count", "400", "--seed", "42", "-o", again.toString());
        lab("generate", "--profile", "city", "--count", "400", "--seed", "43", "-o", other.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(city));
        assertThat(Files.readString(other)).isNotEqualTo(Files.readString(city));
        assertThat(Files.readAllLines(city)).hasSize(400);
    }

    @Test
    @DisplayName("simulate writes one result per complaint and a summary, the same bytes on every run")
    void simulateIsDeterministic() throws Exception {
        Path out1 = dir.resolve("r1.jsonl");
        Path out2 = dir.resolve("r2.jsonl");
        Path sum1 = dir.resolve("s1.json");
        Path sum2 = dir.resolve("s2.json");
        Run r = lab("simulate", city.toString(), "-o", out1.toString(), "-s", sum1.toString(), "--no-progress");
        lab("simulate", city.toString(), "-o", out2.toString(), "-s", sum2.toString(), "--no-progress");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(out1)).isEqualTo(Files.readString(out2));
        assertThat(Files.readString(sum1)).isEqualTo(Files.readString(sum2));
        List<String> lines = Files.readAllLines(out1);
        assertThat(lines).hasSize(400);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("stages").get(0).get("stage").asString()).isEqualTo("VERIFICATION");
        JsonNode summary = JSON.readTree(Files.readString(sum1));
        JsonNode total = summary.get("total");
        assertThat(total.get("received").asInt()).isEqualTo(400);
        assertThat(total.get("completed").asInt() + total.get("archived").asInt() + total.get("inProgress").asInt())
                .isEqualTo(400);
        assertThat(summary.get("units").get(0).get("months").get(0).get("month").asString()).startsWith("2025-");
        assertThat(r.err()).contains("received 400 / completed").contains("replayed 400 lines in");
    }

    @Test
    @DisplayName("bad lines are reported with their numbers and reasons, counted, and fatal only with --strict")
    void badLines() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(city).subList(0, 5));
        lines.add(2, "{\"id\":\"x\",\"kind\":\"KELUHAN\"}");
        lines.add(4, "");
        lines.add(lines.get(0));
        lines.add("{\"id\":\"late\",\"kind\":\"COMPLAINT\",\"channel\":\"WEB\",\"submittedAt\":"
                + "\"2025-02-03T08:00:00+07:00\",\"region\":\"62.71\",\"events\":[{\"type\":\"COMPLETED\","
                + "\"at\":\"2025-02-04T08:00:00+07:00\"}]}");
        Path history = dir.resolve("bad.jsonl");
        Files.write(history, lines);
        Path summary = dir.resolve("bad-summary.json");
        Run lenient = lab("simulate", history.toString(), "-o", dir.resolve("bad-out.jsonl").toString(), "-s",
                summary.toString(), "--no-progress");
        assertThat(lenient.code()).isZero();
        assertThat(lenient.err()).contains("bad line 3: kind 'KELUHAN' is not valid", "bad line 5: empty line",
                "bad line 8: id 1900000 was already used by an earlier line", "bad line 9: events[0] COMPLETED needs"
                        + " a followed-up complaint");
        JsonNode s = JSON.readTree(Files.readString(summary));
        assertThat(s.get("lines").asInt()).isEqualTo(9);
        assertThat(s.get("replayed").asInt()).isEqualTo(5);
        assertThat(s.get("badLines").get("count").asInt()).isEqualTo(4);
        assertThat(s.get("badLines").get("lines").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(Files.readAllLines(dir.resolve("bad-out.jsonl"))).hasSize(5);
        assertThat(lenient.err()).contains("9 lines: 5 replayed, 4 bad");

        Run strict = lab("simulate", history.toString(), "-o", dir.resolve("strict-out.jsonl").toString(), "--strict",
                "--no-progress");
        assertThat(strict.code()).isEqualTo(Lab.REFUSED);
        assertThat(strict.err()).contains("bad line 3:");
    }

    @Test
    @DisplayName("explain prints every rule's verdict, marks the one that decides, and replays a history line")
    void explain() {
        Run typed = lab("explain", "--kind", "complaint", "--channel", "sms", "--region", "62.71.02.1001", "--body",
                "PALANGKARAYA air MELUAP di gang");
        assertThat(typed.code()).isZero();
        assertThat(typed.out()).contains(
                "   rules[0] karhutla-kota -> bpbd-palangkaraya: no match: none of the keywords [\"karhutla\",",
                "   rules[1] bencana-kota -> bpbd-palangkaraya: no match: the report has no category (the rule needs"
                        + " bencana)",
                "=> rules[2] banjir-sms-kota -> bpbd-palangkaraya: match: channel SMS is one of [SMS]; region"
                        + " 62.71.02.1001 is within 62.71; keyword \"air meluap\" is in the body",
                "decision: routed to bpbd-palangkaraya by rules[2] banjir-sms-kota");
        Run fromHistory = lab("explain", "--history", city.toString(), "--line", "1");
        assertThat(fromHistory.code()).isZero();
        assertThat(fromHistory.out()).contains("decision: ", "replay (sp4n-lapor-palangkaraya v1): ",
                "VERIFICATION");
        Run missing = lab("explain", "--history", city.toString(), "--id", "nope");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("no complaint with id nope");
    }

    @Test
    @DisplayName("diff names the complaints that move and the change of on-time rates, as text or JSON Lines")
    void diff() throws Exception {
        String text = id.lapor.policy.jackson.PolicyResources.defaultPolicyYaml();
        Path moved = dir.resolve("moved.yaml");
        Files.writeString(moved, text.replaceFirst("(?m)^version: 1$", "version: 2").replace(
                "    - name: kependudukan-kota\n      category: kependudukan\n      region: \"62.71\"\n      unit: disdukcapil-palangkaraya",
                "    - name: kependudukan-kota\n      category: kependudukan\n      region: \"62.71\"\n      unit: kota-palangkaraya"));
        Path out = dir.resolve("diff.jsonl");
        Run r = lab("diff", city.toString(), "-b", moved.toString(), "--format", "jsonl", "-o", out.toString(),
                "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        Set<String> changes = new HashSet<>();
        int movedCount = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode n = JSON.readTree(line);
            changes.add(n.get("change").asString());
            if (n.get("change").asString().equals("moved")) {
                movedCount++;
                assertThat(n.get("from").asString()).isEqualTo("disdukcapil-palangkaraya");
                assertThat(n.get("to").asString()).isEqualTo("kota-palangkaraya");
            }
        }
        assertThat(movedCount).isPositive();
        assertThat(changes).contains("moved", "on-time-rate", "summary");
        Run asText = lab("diff", city.toString(), "-b", moved.toString(), "--no-progress", "-o",
                dir.resolve("diff.txt").toString());
        assertThat(Files.readString(dir.resolve("diff.txt")))
                .startsWith("diff sp4n-lapor-palangkaraya v1 -> sp4n-lapor-palangkaraya v2 over 400 complaints")
                .contains(movedCount + " complaints change unit", "disdukcapil-palangkaraya (kependudukan-kota) ->"
                        + " kota-palangkaraya (kependudukan-kota)");
        assertThat(asText.code()).isZero();
    }

    @Test
    @DisplayName("an invalid policy is refused with every problem, and nothing is replayed")
    void invalidPolicy() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "id: x\nversion: 1\nunits: []\n");
        Run r = lab("simulate", city.toString(), "-p", bad.toString(), "-o", dir.resolve("none.jsonl").toString());
        assertThat(r.code()).isEqualTo(Lab.REFUSED);
        assertThat(r.err()).contains("is refused: ", "effective", "units", "calendars", "routing");
        assertThat(dir.resolve("none.jsonl")).doesNotExist();
    }

    @Test
    @DisplayName("the history JSON Schema describes exactly the fields the reader accepts")
    void historySchema() throws Exception {
        JsonNode schema = JSON.readTree(Lab.class.getResourceAsStream("history-line.schema.json"));
        assertThat(Set.copyOf(schema.get("properties").propertyNames()))
                .isEqualTo(id.lapor.lab.history.HistoryReaderFields.line());
        assertThat(Set.copyOf(schema.get("$defs").get("event").get("properties").propertyNames()))
                .isEqualTo(id.lapor.lab.history.HistoryReaderFields.event());
    }
}
