package id.lapor.core.routing;

import static id.lapor.core.routing.Rules.BPBD;
import static id.lapor.core.routing.Rules.CATALOGUE;
import static id.lapor.core.routing.Rules.HEALTH;
import static id.lapor.core.routing.Rules.MINISTRY;
import static id.lapor.core.routing.Rules.PUPR;
import static id.lapor.core.routing.Rules.cat;
import static id.lapor.core.routing.Rules.input;
import static id.lapor.core.routing.Rules.region;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouterTest {
    static final List<RoutingRule> RULES = List.of(
            RoutingRule.to("karhutla", BPBD).withRegion(region("62.71")).withKeywords("kabut asap", "karhutla"),
            RoutingRule.to("sms-banjir", BPBD).withChannels(Channel.SMS).withKeywords("banjir"),
            RoutingRule.to("kemenkes-pilihan", MINISTRY).withCategory(cat("kesehatan"))
                    .withInstitutions(List.of(MINISTRY)),
            RoutingRule.to("jalan-kota", PUPR).withCategory(cat("jalan")).withRegion(region("62.71")),
            RoutingRule.to("kesehatan-kota", HEALTH).withCategory(cat("kesehatan")).withRegion(region("62.71"))
                    .withKinds(Kind.COMPLAINT));

    static Stream<Arguments> routers() {
        BiFunction<List<RoutingRule>, id.lapor.core.complaint.CategoryCatalogue, Router> indexed = Router::indexed;
        BiFunction<List<RoutingRule>, id.lapor.core.complaint.CategoryCatalogue, Router> linear = Router::linear;
        return Stream.of(Arguments.of("indexed", indexed.apply(RULES, CATALOGUE)),
                Arguments.of("linear", linear.apply(RULES, CATALOGUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routers")
    @DisplayName("a rule on a category covers its sub-categories, and a region prefix covers what lies inside it")
    void subCategoriesAndRegionPrefixes(String name, Router router) {
        RoutingDecision d = router.route(input("jalan-desa", "62.71.01.1001", "Jalan rusak", "berlubang"));
        assertThat(d.responsibleUnit()).contains(PUPR);
        assertThat(d.matchedRule().orElseThrow().name()).isEqualTo("jalan-kota");
        assertThat(router.route(input("jalan", "62.72", "Jalan rusak", "")).isRouted()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routers")
    @DisplayName("the first matching rule wins, on keywords, channel, kind and the institution the reporter chose")
    void firstMatchWins(String name, Router router) {
        RoutingInput haze = input("kesehatan", "62.71.02", "Sesak napas", "Kabut Asap pekat sejak pagi");
        assertThat(router.route(haze).matchedRule().orElseThrow().name()).isEqualTo("karhutla");

        RoutingInput sms = RoutingInput.of(Kind.COMPLAINT, Channel.SMS, null, region("64.71"), "", "BANJIR lagi", null);
        assertThat(router.route(sms).responsibleUnit()).contains(BPBD);

        RoutingInput chosen = RoutingInput.of(Kind.COMPLAINT, Channel.WEB, cat("puskesmas"), region("62.71.01"),
                "Obat kosong", "", MINISTRY);
        assertThat(router.route(chosen).responsibleUnit()).contains(MINISTRY);

        RoutingInput aspiration = RoutingInput.of(Kind.ASPIRATION, Channel.WEB, cat("puskesmas"), region("62.71.01"),
                "Usul", "", null);
        assertThat(router.route(aspiration)).isInstanceOf(RoutingDecision.ToVerifiers.class);
    }

    @Test
    @DisplayName("the explanation names the rule, the conditions it matched on, and why each earlier rule did not match")
    void explanationOfARoutedReport() {
        RoutingDecision d = Router.indexed(RULES, CATALOGUE)
                .route(input("jalan-desa", "62.71.01.1001", "Jalan rusak", "berlubang"));
        assertThat(d.explanation().text()).isEqualTo("""
                routed to dinas-pupr by rules[3] jalan-kota: category jalan-desa is within jalan; region 62.71.01.1001 is within 62.71
                  rules[0] karhutla -> bpbd: no match: none of the keywords ["kabut asap", "karhutla"] is in the title or body
                  rules[1] sms-banjir -> bpbd: no match: channel WEB is not one of [SMS]; keyword "banjir" is not in the title or body
                  rules[2] kemenkes-pilihan -> kemenkes: no match: category jalan-desa is not within kesehatan; the reporter chose no institution (the rule needs one of [kemenkes])""");
        RuleVerdict decisive = d.explanation().decisive().orElseThrow();
        assertThat(decisive.matched()).isTrue();
        assertThat(decisive.checks()).extracting(ConditionCheck::condition)
                .containsExactly(Condition.CATEGORY, Condition.REGION);
        RuleVerdict sms = d.explanation().earlier().get(1);
        assertThat(sms.failures()).extracting(ConditionCheck::condition)
                .containsExactly(Condition.CHANNEL, Condition.KEYWORDS);
        assertThat(sms.failures().get(0).required()).isEqualTo("[SMS]");
        assertThat(sms.failures().get(0).actual()).isEqualTo("WEB");
    }

    @Test
    @DisplayName("a report no rule matches goes to the verifiers' queue, with every rule's reason")
    void explanationOfAnUnroutedReport() {
        RoutingDecision d = Router.linear(RULES, CATALOGUE).route(input("lainnya", "64.71", "Usul taman", ""));
        assertThat(d.isRouted()).isFalse();
        assertThat(d.explanation().decisive()).isEmpty();
        assertThat(d.explanation().earlier()).hasSize(5).noneMatch(RuleVerdict::matched);
        assertThat(d.explanation().text()).startsWith("to the verifiers' queue: none of the 5 rules matched\n")
                .contains("rules[0] karhutla -> bpbd: no match: region 64.71 is not within 62.71; none of the keywords")
                .contains("rules[4] kesehatan-kota -> dinas-kesehatan: no match: category lainnya is not within"
                        + " kesehatan; region 64.71 is not within 62.71");
    }

    @Test
    @DisplayName("verdicts say where a keyword was found, and when a report has no category or chosen institution")
    void verdictTexts() {
        Router router = Router.indexed(RULES, CATALOGUE);
        List<RuleVerdict> all = router.verdicts(RoutingInput.of(Kind.ASPIRATION, Channel.SMS, null, region("62.71"),
                "Karhutla", "banjir di gang", MINISTRY));
        assertThat(all).extracting(RuleVerdict::text).containsExactly(
                "rules[0] karhutla -> bpbd: match: region is 62.71; keyword \"karhutla\" is in the title",
                "rules[1] sms-banjir -> bpbd: match: channel SMS is one of [SMS]; keyword \"banjir\" is in the body",
                "rules[2] kemenkes-pilihan -> kemenkes: no match: the report has no category (the rule needs kesehatan)",
                "rules[3] jalan-kota -> dinas-pupr: no match: the report has no category (the rule needs jalan)",
                "rules[4] kesehatan-kota -> dinas-kesehatan: no match: kind ASPIRATION is not one of [COMPLAINT];"
                        + " the report has no category (the rule needs kesehatan)");
        RuleVerdict catchAll = Router.linear(List.of(RoutingRule.to("semua", PUPR)), CATALOGUE)
                .verdicts(input(null, "11", "", "")).get(0);
        assertThat(catchAll.text()).isEqualTo("rules[0] semua -> dinas-pupr: match: the rule has no condition");
    }

    @Test
    @DisplayName("a routing input built from a history line needs no complaint; null text reads as empty")
    void inputDefaults() {
        RoutingInput in = RoutingInput.of(Kind.COMPLAINT, Channel.WEB, null, region("62"), null, null, null);
        assertThat(in.title()).isEmpty();
        assertThat(in.category()).isEmpty();
        assertThat(in.institution()).isEmpty();
    }
}
