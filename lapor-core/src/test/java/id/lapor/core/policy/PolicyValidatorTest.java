package id.lapor.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.PolicyDocument.CategoryEntry;
import id.lapor.core.policy.PolicyDocument.EscalationEntry;
import id.lapor.core.policy.PolicyDocument.RuleEntry;
import id.lapor.core.policy.PolicyDocument.UnitCalendarEntry;
import id.lapor.core.sla.EscalationLadder;
import id.lapor.core.sla.SlaPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

    private static List<PolicyProblem> problems(Doc doc) {
        PolicyCheck check = doc.check();
        assertThat(check).isInstanceOf(PolicyCheck.Invalid.class);
        return check.problems();
    }

    private static PolicyProblem only(Doc doc) {
        List<PolicyProblem> p = problems(doc);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    @Test
    @DisplayName("a valid document becomes a policy with its directory, calendars, defaults and router")
    void valid() {
        Policy p = new Doc().policy();
        assertThat(p.label()).isEqualTo("test-policy v1");
        assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(p.directory().all()).hasSize(5);
        assertThat(p.calendarRefOf(UnitId.of("pupr")).toString()).isEqualTo("id-national-wib@1");
        assertThat(p.calendarOf(UnitId.of("prov-kaltim")).id().value()).isEqualTo("id-national-wita");
        assertThat(p.sla()).isEqualTo(SlaPolicy.standard());
        assertThat(p.escalation()).isEqualTo(EscalationLadder.standard());
        assertThat(p.verifierFor(RegionCode.of("62.71.01"))).isEqualTo(UnitId.of("kota"));
        assertThat(p.verifierFor(RegionCode.of("11"))).isEqualTo(UnitId.of("nasional"));
        assertThat(p.rules()).hasSize(2);
        assertThat(p.sms().jurisdictions()).isEmpty();
    }

    @Nested
    @DisplayName("unknown unit")
    class UnknownUnit {
        @Test
        @DisplayName("a rule's unit not in units")
        void ruleUnit() {
            Doc d = new Doc();
            d.rules.set(1, Doc.rule("kesehatan-kota", "dinas-x", "kesehatan", "62.71"));
            PolicyProblem p = only(d);
            assertThat(p.path()).isEqualTo("routing.rules[1].unit");
            assertThat(p.kind()).isEqualTo(ProblemKind.UNKNOWN_UNIT);
            assertThat(p.message()).isEqualTo("unknown unit 'dinas-x': it is not in units");
        }

        @Test
        @DisplayName("a parent, a chosen institution, the verifiers, an SMS keyword's unit and a calendar's unit")
        void everywhere() {
            Doc d = new Doc();
            d.units.set(2, Doc.unit("pupr", "kota-x", "REGIONAL_AGENCY", "WIB", null));
            d.rules.set(0, new RuleEntry("jalan-kota", "pupr", null, null, "jalan", "62.71", null,
                    List.of("kemen-x"), null));
            d.verifiers = "admin-x";
            d.sms = new PolicyDocument.Sms(List.of(new PolicyDocument.SmsKeywordEntry("PALANGKARAYA", "kota-y")),
                    List.of("RAHASIA"), List.of("ANONIM"));
            d.unitCalendars.add(new UnitCalendarEntry("dinas-z", "id-national-wib", 1));
            assertThat(problems(d)).allMatch(p -> p.kind() == ProblemKind.UNKNOWN_UNIT)
                    .extracting(PolicyProblem::path).containsExactlyInAnyOrder("units[2].parent",
                            "routing.rules[0].institutions[0]", "routing.verifiers", "sms.keywords[0].unit",
                            "calendars.units[1].unit");
        }
    }

    @Nested
    @DisplayName("shadowed rule")
    class Shadowed {
        @Test
        @DisplayName("an earlier rule on a broader category and the same region hides a later one")
        void broaderCategory() {
            Doc d = new Doc();
            d.rules.add(0, Doc.rule("infrastruktur-kota", "pupr", "infrastruktur", "62.71"));
            PolicyProblem p = only(d);
            assertThat(p.path()).isEqualTo("routing.rules[1]");
            assertThat(p.kind()).isEqualTo(ProblemKind.SHADOWED_RULE);
            assertThat(p.message()).isEqualTo("rule jalan-kota can never match: rule infrastruktur-kota"
                    + " (routing.rules[0]) comes first and covers every report it covers (category infrastruktur,"
                    + " region 62.71)");
        }

        @Test
        @DisplayName("an earlier rule on a broader region prefix, or with no condition, hides later ones")
        void broaderRegionAndCatchAll() {
            Doc d = new Doc();
            d.rules.add(0, Doc.rule("jalan-provinsi", "pupr", "jalan", "62"));
            assertThat(only(d).path()).isEqualTo("routing.rules[1]");

            Doc all = new Doc();
            all.rules.add(0, Doc.rule("semua", "kota", null, null));
            assertThat(problems(all)).extracting(PolicyProblem::path)
                    .containsExactly("routing.rules[1]", "routing.rules[2]");
        }

        @Test
        @DisplayName("an earlier rule with any kinds and channels hides a later one that narrows them")
        void kindsAndChannels() {
            Doc d = new Doc();
            d.rules.add(new RuleEntry("jalan-sms", "kota", List.of("COMPLAINT"), List.of("SMS"), "jalan", "62.71.01",
                    null, null, null));
            assertThat(only(d).message()).startsWith("rule jalan-sms can never match: rule jalan-kota");

            Doc wider = new Doc();
            wider.rules.add(0, new RuleEntry("sms-web", "kota", null, List.of("SMS", "WEB"), null, null, null, null,
                    null));
            wider.rules.add(1, new RuleEntry("sms", "kota", null, List.of("SMS"), "jalan", null, null, null, null));
            assertThat(only(wider).path()).isEqualTo("routing.rules[1]");
        }

        @Test
        @DisplayName("no shadow when the earlier rule has keywords, is narrower, or limits what the later one does not")
        void notShadowed() {
            Doc keywords = new Doc();
            keywords.rules.add(0, new RuleEntry("banjir", "kota", null, null, "infrastruktur", "62.71",
                    List.of("banjir"), null, null));
            assertThat(keywords.check()).isInstanceOf(PolicyCheck.Valid.class);

            Doc narrower = new Doc();
            narrower.rules.add(Doc.rule("infrastruktur-kota", "pupr", "infrastruktur", "62.71"));
            assertThat(narrower.check()).isInstanceOf(PolicyCheck.Valid.class);

            Doc channel = new Doc();
            channel.rules.add(0, new RuleEntry("sms", "kota", null, List.of("SMS"), null, null, null, null, null));
            channel.rules.add(1, new RuleEntry("chosen", "kota", null, null, null, null, null, List.of("dinkes"), null));
            assertThat(channel.check()).isInstanceOf(PolicyCheck.Valid.class);
        }
    }

    @Test
    @DisplayName("a cycle in the unit hierarchy is refused once, naming its members")
    void unitCycle() {
        Doc d = new Doc();
        d.units.set(1, Doc.unit("kota", "pupr", "CITY_OR_REGENCY", "WIB", "62.71"));
        PolicyProblem p = only(d);
        assertThat(p.kind()).isEqualTo(ProblemKind.UNIT_CYCLE);
        assertThat(p.path()).isEqualTo("units[1].parent");
        assertThat(p.message()).isEqualTo("units kota -> pupr -> kota form a cycle of parents");
    }

    @Test
    @DisplayName("a cycle in the category hierarchy is refused")
    void categoryCycle() {
        Doc d = new Doc();
        d.categories.set(0, new CategoryEntry("infrastruktur", "Infrastruktur", "jalan"));
        PolicyProblem p = only(d);
        assertThat(p.kind()).isEqualTo(ProblemKind.CATEGORY_CYCLE);
        assertThat(p.message()).isEqualTo("categories infrastruktur -> jalan -> infrastruktur form a cycle of parents");
    }

    @Nested
    @DisplayName("calendar missing")
    class CalendarMissing {
        @Test
        @DisplayName("a calendar id not published, or a version not published")
        void notPublished() {
            Doc d = new Doc();
            d.defaultCalendar = new PolicyDocument.CalendarEntry("id-62.71", 1);
            d.unitCalendars.set(0, new UnitCalendarEntry("prov-kaltim", "id-national-wita", 3));
            assertThat(problems(d)).extracting(PolicyProblem::path, PolicyProblem::kind, PolicyProblem::message)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("calendars.default", ProblemKind.CALENDAR_MISSING,
                                    "calendar id-62.71 is not published"),
                            org.assertj.core.groups.Tuple.tuple("calendars.units[0]", ProblemKind.CALENDAR_MISSING,
                                    "calendar id-national-wita has no version 3 (published: 1-1)"));
        }

        @Test
        @DisplayName("a calendar that does not cover the effective dates")
        void notCovering() {
            Doc d = new Doc();
            d.from = "2024-07-01";
            assertThat(problems(d)).extracting(PolicyProblem::message).contains(
                    "calendar id-national-wib@1 covers 2025-2036, but the policy is in force in 2024");
            Doc late = new Doc();
            late.until = "2037-01-31";
            assertThat(problems(late)).extracting(PolicyProblem::kind).containsOnly(ProblemKind.CALENDAR_MISSING);
        }

        @Test
        @DisplayName("a strict calendar without a decree for an effective year")
        void strictProvisional() {
            Doc d = new Doc();
            d.defaultCalendar = new PolicyDocument.CalendarEntry("strict-wib", 1);
            d.until = "2027-06-30";
            d.unitCalendars.clear();
            d.units.remove(4);
            assertThat(only(d).message()).isEqualTo("calendar strict-wib@1 is strict and has no decree for 2027, when"
                    + " the policy is in force");
        }
    }

    @Test
    @DisplayName("a category id unknown to the catalogue, in a rule or as a parent")
    void unknownCategory() {
        Doc d = new Doc();
        d.rules.set(0, Doc.rule("jalan-kota", "pupr", "jalan-raya", "62.71"));
        d.categories.add(new CategoryEntry("puskesmas", "Puskesmas", "sehat"));
        assertThat(problems(d)).extracting(PolicyProblem::path, PolicyProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("routing.rules[0].category", ProblemKind.UNKNOWN_CATEGORY),
                org.assertj.core.groups.Tuple.tuple("categories[3].parent", ProblemKind.UNKNOWN_CATEGORY));
    }

    @Test
    @DisplayName("a unit timed in a calendar of another zone")
    void zoneMismatch() {
        Doc d = new Doc();
        d.unitCalendars.clear();
        PolicyProblem p = only(d);
        assertThat(p.kind()).isEqualTo(ProblemKind.ZONE_MISMATCH);
        assertThat(p.path()).isEqualTo("units[4].zone");
        assertThat(p.message()).isEqualTo("unit prov-kaltim is in Asia/Makassar but its calendar id-national-wib@1 is"
                + " in Asia/Jakarta");
    }

    @Test
    @DisplayName("values of the wrong form, duplicates and missing values, each by path")
    void forms() {
        Doc d = new Doc();
        d.id = "Test Policy";
        d.version = 0;
        d.from = "1 Januari 2025";
        d.units.set(3, new PolicyDocument.UnitEntry("dinkes", "", "DINAS", "kota", "WIB", "62.7", null));
        d.units.add(Doc.unit("pupr", "kota", "REGIONAL_AGENCY", "Asia/Nowhere", null));
        d.rules.add(new RuleEntry("jalan-kota", "pupr", List.of("KELUHAN"), null, null, "62.71", List.of("!!"), null,
                null));
        d.sla = new PolicyDocument.Sla(0, null, null, Map.of("BERAT", 3), 1.5);
        assertThat(problems(d)).extracting(PolicyProblem::path).containsExactlyInAnyOrder(
                "id", "version", "effective.from", "units[3].name", "units[3].level", "units[3].region",
                "units[5].id", "units[5].zone", "routing.rules[2].name", "routing.rules[2].kinds[0]",
                "routing.rules[2].keywords[0]", "sla.verificationDays", "sla.resolutionDays.BERAT",
                "sla.warningShare");
    }

    @Test
    @DisplayName("an escalation ladder with a gap or a bad action is refused with its path")
    void escalation() {
        Doc d = new Doc();
        d.escalation = List.of(
                new EscalationEntry("late", "FOLLOW_UP", 1, "BREACH", null, List.of("NOTIFY_SUPERVISOR")),
                new EscalationEntry("later", "FOLLOW_UP", 3, null, 2, List.of("CALL_THE_MAYOR")));
        assertThat(only(d).path()).isEqualTo("escalation[1].actions[0]");
        d.escalation = List.of(
                new EscalationEntry("late", "FOLLOW_UP", 1, "BREACH", null, List.of("NOTIFY_SUPERVISOR")),
                new EscalationEntry("later", "FOLLOW_UP", 3, null, 2, List.of("REASSIGN_TO_PARENT")));
        PolicyProblem p = only(d);
        assertThat(p.path()).isEqualTo("escalation");
        assertThat(p.message()).contains("has level 3 where level 2 was expected");
        d.escalation = List.of();
        assertThat(d.policy().escalation()).isEqualTo(EscalationLadder.none());
    }

    @Test
    @DisplayName("an invalid policy is refused whole, listing every problem with its line where the source has lines")
    void refusedWhole() {
        Doc d = new Doc();
        d.rules.set(0, Doc.rule("jalan-kota", "dinas-x", "jalan", "62.71"));
        d.units.set(1, Doc.unit("kota", "pupr", "CITY_OR_REGENCY", "WIB", "62.71"));
        d.defaultCalendar = new PolicyDocument.CalendarEntry("id-62.71", 1);
        PolicyLines lines = PolicyLines.of(Map.of("routing.rules[0].unit", 40, "units[1]", 7, "calendars.default", 20));
        PolicyCheck check = new PolicyValidator(Doc.CALENDARS).check(d.build(), lines);
        assertThat(check.problems()).extracting(PolicyProblem::line).containsExactly(OptionalInt.of(7),
                OptionalInt.of(20), OptionalInt.of(40));
        assertThatThrownBy(() -> check.orThrow("policy.yaml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessage("""
                        policy policy.yaml is refused: 3 problems
                          units[1].parent (line 7): units kota -> pupr -> kota form a cycle of parents
                          calendars.default (line 20): calendar id-62.71 is not published
                          routing.rules[0].unit (line 40): unknown unit 'dinas-x': it is not in units""");
    }

    @Test
    @DisplayName("SMS keywords name a jurisdiction by the first word and flag confidential and anonymous messages")
    void sms() {
        Doc d = new Doc();
        d.sms = new PolicyDocument.Sms(List.of(new PolicyDocument.SmsKeywordEntry("PALANGKARAYA", "kota")),
                List.of("RAHASIA"), List.of("ANONIM"));
        SmsKeywords sms = d.policy().sms();
        SmsKeywords.SmsMessage m = sms.read("palangkaraya Rahasia jalan rusak di Jl. Beliang");
        assertThat(m.unit()).contains(UnitId.of("kota"));
        assertThat(m.confidential()).isTrue();
        assertThat(m.anonymous()).isFalse();
        assertThat(m.text()).isEqualTo("jalan rusak di Jl. Beliang");
        assertThat(sms.read("jalan rusak ANONIM").unit()).isEmpty();
        assertThat(sms.read("jalan rusak ANONIM").anonymous()).isTrue();

        d.sms = new PolicyDocument.Sms(List.of(new PolicyDocument.SmsKeywordEntry("PALANGKA RAYA", "kota"),
                new PolicyDocument.SmsKeywordEntry("KOTA", "kota"), new PolicyDocument.SmsKeywordEntry("kota", "kota")),
                List.of("RAHASIA"), List.of("rahasia"));
        assertThat(problems(d)).extracting(PolicyProblem::path, PolicyProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("sms.keywords[0].keyword", ProblemKind.INVALID_VALUE),
                org.assertj.core.groups.Tuple.tuple("sms.keywords[2].keyword", ProblemKind.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple("sms.anonymous", ProblemKind.DUPLICATE));
    }
}
