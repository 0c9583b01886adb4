package id.lapor.policy.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.policy.InvalidPolicyException;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyCheck;
import id.lapor.core.policy.PolicyProblem;
import id.lapor.core.policy.ProblemKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolicyReaderTest {
    private static final CalendarBook CALENDARS = PolicyResources.defaultCalendars();
    private static final PolicyReader READER = new PolicyReader(CALENDARS);

    private static final String SMALL = """
            id: kecil
            version: 2
            effective: { from: 2025-01-01, until: 2025-12-31 }
            units:
              - { id: nasional, name: Nasional, level: NATIONAL, zone: WIB }
              - { id: kota, name: Kota, level: CITY_OR_REGENCY, parent: nasional, zone: WIB, region: "62.71" }
              - { id: pupr, name: PUPR, level: REGIONAL_AGENCY, parent: kota, zone: WIB, approval: true }
            categories:
              - { id: jalan, name: Jalan }
            calendars:
              default: { id: id-national-wib, version: 1 }
            routing:
              verifiers: nasional
              rules:
                - name: jalan-kota
                  category: jalan
                  region: "62.71"
                  unit: pupr
            """;

    private static List<PolicyProblem> problems(String yaml) {
        PolicyCheck check = READER.check(yaml, PolicyFormat.YAML);
        assertThat(check).isInstanceOf(PolicyCheck.Invalid.class);
        return check.problems();
    }

    @Test
    @DisplayName("the same policy reads the same from YAML and from JSON")
    void yamlAndJson() {
        Policy fromYaml = READER.read("small.yaml", SMALL, PolicyFormat.YAML);
        JsonNode tree = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(SMALL);
        String json = JsonMapper.builder().build().writeValueAsString(tree);
        Policy fromJson = READER.read("small.json", json, PolicyFormat.JSON);
        assertThat(fromJson.toString()).isEqualTo(fromYaml.toString());
        assertThat(fromJson.rules()).isEqualTo(fromYaml.rules());
        assertThat(fromJson.directory().all()).containsExactlyElementsOf(fromYaml.directory().all());
        assertThat(fromYaml.directory().get(id.lapor.core.directory.UnitId.of("pupr")).followUpNeedsApproval()).isTrue();
    }

    @Test
    @DisplayName("a problem of meaning carries the line of the path it is about")
    void linesOfMeaning() {
        List<PolicyProblem> p = problems(SMALL.replace("      unit: pupr", "      unit: dinas-x"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("routing.rules[0].unit");
            assertThat(x.line()).isEqualTo(OptionalInt.of(18));
            assertThat(x.kind()).isEqualTo(ProblemKind.UNKNOWN_UNIT);
            assertThat(x).hasToString("routing.rules[0].unit (line 18): unknown unit 'dinas-x': it is not in units");
        });
        // A missing value is reported on the line of the object it is missing from.
        List<PolicyProblem> missing = problems(SMALL.replace("- { id: jalan, name: Jalan }", "- { id: jalan }"));
        assertThat(missing).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("categories[0].name");
            assertThat(x.line()).isEqualTo(OptionalInt.of(9));
        });
    }

    @Test
    @DisplayName("JSON problems carry lines too")
    void jsonLines() {
        String json = """
                {
                  "id": "kecil",
                  "version": 1,
                  "effective": {"from": "2025-01-01"},
                  "units": [
                    {"id": "nasional", "name": "Nasional", "level": "NATIONAL", "zone": "WIB"},
                    {"id": "kota", "name": "Kota", "level": "CITY", "zone": "WIB"}
                  ],
                  "calendars": {"default": {"id": "id-national-wib", "version": 1}},
                  "routing": {"verifiers": "nasional"}
                }
                """;
        PolicyCheck check = READER.check(json, PolicyFormat.JSON);
        assertThat(check.problems()).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("units[1].level");
            assertThat(x.line()).isEqualTo(OptionalInt.of(7));
            assertThat(x.message()).startsWith("unknown level 'CITY' (one of [NATIONAL, OVERSIGHT,");
        });
    }

    @Test
    @DisplayName("a file that is not well formed is refused with the line of the error")
    void syntax() {
        List<PolicyProblem> p = problems(SMALL.replace("  - { id: jalan, name: Jalan }", "  - { id: jalan, name: Jalan"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(ProblemKind.SYNTAX);
            assertThat(x.line()).isPresent();
            assertThat(x.line().getAsInt()).isBetween(9, 11);
        });
        PolicyCheck json = READER.check("{\"id\": \"x\",\n \"version\": }", PolicyFormat.JSON);
        assertThat(json.problems()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(ProblemKind.SYNTAX);
            assertThat(x.line()).isEqualTo(OptionalInt.of(2));
        });
        assertThat(READER.check("", PolicyFormat.YAML).problems()).extracting(PolicyProblem::message)
                .containsExactly("the document is empty");
    }

    @Test
    @DisplayName("an unknown field, a value of the wrong type and a key given twice are refused with their lines")
    void shape() {
        String yaml = SMALL.replace("version: 2", "version: dua")
                .replace("      category: jalan", "      categroy: jalan")
                .replace("  verifiers: nasional", "  verifiers: [nasional]\n  verifiers: kota");
        List<PolicyProblem> p = problems(yaml);
        assertThat(p).extracting(PolicyProblem::path, PolicyProblem::kind, PolicyProblem::line).contains(
                org.assertj.core.groups.Tuple.tuple("version", ProblemKind.WRONG_TYPE, OptionalInt.of(2)),
                org.assertj.core.groups.Tuple.tuple("routing.rules[0].categroy", ProblemKind.UNKNOWN_FIELD,
                        OptionalInt.of(17)),
                org.assertj.core.groups.Tuple.tuple("routing.verifiers", ProblemKind.DUPLICATE, OptionalInt.of(14)),
                org.assertj.core.groups.Tuple.tuple("routing.verifiers", ProblemKind.WRONG_TYPE, OptionalInt.of(13)));
        // Read as absent, the wrong-typed version is not also reported missing.
        assertThat(p).filteredOn(x -> x.path().equals("version")).hasSize(1);
    }

    @Test
    @DisplayName("every problem of form and meaning is listed at once and the policy is refused whole")
    void refusedWhole(@TempDir Path dir) throws Exception {
        String yaml = SMALL.replace("parent: kota", "parent: kota-lama")
                .replace("      category: jalan", "      category: jalan-raya")
                .replace("  - { id: jalan, name: Jalan }", "  - { id: jalan, name: Jalan, kode: 1 }");
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> READER.read(file))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("policy " + file + " is refused: 3 problems")
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems())
                        .extracting(PolicyProblem::kind).containsExactly(ProblemKind.UNKNOWN_UNIT,
                                ProblemKind.UNKNOWN_FIELD, ProblemKind.UNKNOWN_CATEGORY));
    }

    @Test
    @DisplayName("a region written as a YAML number keeps its digits as written")
    void regionsAsNumbers() {
        Policy p = READER.read("x.yaml", SMALL.replace("region: \"62.71\"\n      unit", "region: 62.71\n      unit"),
                PolicyFormat.YAML);
        assertThat(p.rules().get(0).region().orElseThrow().value()).isEqualTo("62.71");
        Policy trailingZero = READER.read("x.yaml", SMALL.replace("region: \"62.71\"\n      unit",
                "region: 62.10\n      unit"), PolicyFormat.YAML);
        assertThat(trailingZero.rules().get(0).region().orElseThrow().value()).isEqualTo("62.10");
    }

    @Test
    @DisplayName("the JSON Schema describes exactly the fields the reader knows")
    void schemaMatchesReader() {
        JsonNode schema = JsonMapper.builder().build().readTree(PolicyResources.policySchema());
        Set<String> inSchema = new HashSet<>();
        collectProperties(schema, inSchema);
        Set<String> known = new HashSet<>();
        DocumentMapper.FIELDS.values().forEach(known::addAll);
        // resolutionDays' keys are weights, not fields of the format.
        inSchema.removeAll(Set.of("MINOR", "NORMAL", "WITHOUT_OVERSIGHT_CONTENT", "NEEDING_EXAMINATION"));
        assertThat(inSchema).isEqualTo(known);
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        for (Map.Entry<String, Set<String>> e : DocumentMapper.FIELDS.entrySet()) {
            JsonNode def = e.getKey().equals("policy") ? schema : schema.get("$defs").get(e.getKey());
            assertThat(def).as(e.getKey()).isNotNull();
            assertThat(Set.copyOf(def.get("properties").propertyNames())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(def.get("additionalProperties").asBoolean()).as(e.getKey()).isFalse();
        }
    }

    private static void collectProperties(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null) {
                out.addAll(props.propertyNames());
            }
            node.values().forEach(v -> collectProperties(v, out));
        } else if (node.isArray()) {
            node.values().forEach(v -> collectProperties(v, out));
        }
    }
}
