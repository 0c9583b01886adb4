package id.lapor.lab.replay;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.Policy;
import id.lapor.lab.TestPolicies;
import id.lapor.lab.generate.HistoryGenerator;
import id.lapor.lab.history.HistoryLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {
    private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @DisplayName("a diff between the default policy and one that moves a category to another unit names exactly the"
            + " complaints that move")
    void movingACategory() {
        Policy before = TestPolicies.DEFAULT;
        String rule = "    - name: jalan-kota\n      category: jalan\n      region: \"62.71\"\n      unit: ";
        Policy after = TestPolicies.defaultWith(rule + "dinas-pupr-palangkaraya\n", rule + "dinas-perkim-palangkaraya\n");
        List<HistoryLine> history = new ArrayList<>();
        new HistoryGenerator(new HistoryGenerator.Settings(HistoryGenerator.Profile.CITY, 2_000, 7, 2025), before)
                .generate(history::add);

        Replayer a = new Replayer(before, AS_OF);
        Replayer b = new Replayer(after, AS_OF);
        PolicyDiff diff = new PolicyDiff(before, after);
        Set<String> expected = new java.util.TreeSet<>();
        for (HistoryLine h : history) {
            ComplaintResult x = a.replay(h);
            diff.add(x, b.replay(h));
            if (x.rule().filter("jalan-kota"::equals).isPresent()) {
                expected.add(h.id());
            }
        }
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(diff.moves()).extracting(PolicyDiff.Move::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(diff.moves()).allSatisfy(m -> {
            assertThat(m.from()).isEqualTo(UnitId.of("dinas-pupr-palangkaraya"));
            assertThat(m.to()).isEqualTo(UnitId.of("dinas-perkim-palangkaraya"));
            assertThat(m.ruleBefore()).contains("jalan-kota");
            assertThat(m.ruleAfter()).contains("jalan-kota");
        });
        assertThat(diff.compared()).isEqualTo(2_000);
        // Public works loses the road reports; housing gets them; nobody else changes.
        Set<UnitId> changed = diff.rates().stream()
                .filter(r -> !(Double.isNaN(r.before()) && Double.isNaN(r.after())) && r.before() != r.after())
                .map(PolicyDiff.RateChange::unit).collect(Collectors.toSet());
        assertThat(changed).isSubsetOf(UnitId.of("dinas-pupr-palangkaraya"), UnitId.of("dinas-perkim-palangkaraya"));
        assertThat(diff.after().units().get(UnitId.of("dinas-perkim-palangkaraya")).received())
                .isEqualTo(diff.before().units().get(UnitId.of("dinas-perkim-palangkaraya")).received()
                        + expected.size());
    }

    @Test
    @DisplayName("a shorter follow-up target makes complaints newly breach, a longer one stops them breaching")
    void breaches() {
        Policy strict = TestPolicies.defaultWith("followUpDays: 5", "followUpDays: 2");
        List<HistoryLine> history = new ArrayList<>();
        new HistoryGenerator(new HistoryGenerator.Settings(HistoryGenerator.Profile.CITY, 300, 11, 2025),
                TestPolicies.DEFAULT).generate(history::add);
        PolicyDiff diff = new PolicyDiff(TestPolicies.DEFAULT, strict);
        PolicyDiff back = new PolicyDiff(strict, TestPolicies.DEFAULT);
        for (HistoryLine h : history) {
            ComplaintResult x = new Replayer(TestPolicies.DEFAULT, AS_OF).replay(h);
            ComplaintResult y = new Replayer(strict, AS_OF).replay(h);
            diff.add(x, y);
            back.add(y, x);
        }
        assertThat(diff.moves()).isEmpty();
        assertThat(diff.newlyBreached()).isNotEmpty();
        assertThat(diff.noLongerBreached()).isEmpty();
        assertThat(back.noLongerBreached()).extracting(PolicyDiff.BreachChange::id)
                .containsExactlyElementsOf(diff.newlyBreached().stream().map(PolicyDiff.BreachChange::id).toList());
        assertThat(diff.after().total().onTimeRate()).isLessThan(diff.before().total().onTimeRate());
    }
}
