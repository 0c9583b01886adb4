package id.lapor.lab.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.directory.UnitId;
import id.lapor.core.sla.Stage;
import id.lapor.lab.TestPolicies;
import id.lapor.lab.history.BadLineException;
import id.lapor.lab.history.HistoryLine;
import id.lapor.lab.history.HistoryReader;
import id.lapor.lab.history.Times;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayerTest {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant AS_OF = Times.parse("2025-06-30T00:00:00+07:00");

    /** A road report in Kota Palangka Raya with the given events (JSON objects, comma-separated). */
    private static HistoryLine road(String submittedAt, String events) {
        return line("62.71.01.1001", "jalan", submittedAt, events);
    }

    private static HistoryLine line(String region, String category, String submittedAt, String events) {
        return new HistoryReader().parse(1, "{\"id\":\"1916449\",\"kind\":\"COMPLAINT\",\"channel\":\"WEB\","
                + "\"submittedAt\":\"" + submittedAt + "\",\"category\":\"" + category + "\",\"region\":\"" + region
                + "\",\"title\":\"Jalan rusak\",\"weight\":\"NORMAL\",\"events\":[" + events + "]}");
    }

    private static String e(String type, String at) {
        return "{\"type\":\"" + type + "\",\"at\":\"" + at + "\"}";
    }

    private static ComplaintResult replay(HistoryLine h) {
        return new Replayer(TestPolicies.DEFAULT, AS_OF).replay(h);
    }

    private static String due(StageResult s) {
        return Times.format(s.deadline().due(), WIB);
    }

    @Test
    @DisplayName("deadlines count working days in the unit's calendar: Idul Fitri 2025 and its leave push them out")
    void deadlinesSkipHolidays() {
        ComplaintResult r = replay(road("2025-03-27T10:00:00+07:00", String.join(",",
                e("VERIFIED", "2025-04-09T10:00:00+07:00"), e("FOLLOWED_UP", "2025-04-16T15:00:00+07:00"),
                e("COMPLETED", "2025-04-17T08:00:00+07:00"))));
        assertThat(r.owner()).isEqualTo(UnitId.of("dinas-pupr-palangkaraya"));
        assertThat(r.rule()).contains("jalan-kota");
        assertThat(r.stages()).extracting(StageResult::stage)
                .containsExactly(Stage.VERIFICATION, Stage.FOLLOW_UP, Stage.REPLY_WINDOW);
        StageResult verification = r.stages().get(0);
        assertThat(verification.unit()).isEqualTo(UnitId.of("kota-palangkaraya"));
        // 28 March leave, 29-30 weekend, 31 March and 1 April Idul Fitri, 2-4 and 7 April leave.
        assertThat(due(verification)).isEqualTo("2025-04-11T00:00:00+07:00");
        assertThat(verification.outcome()).isEqualTo(StageOutcome.MET);
        assertThat(due(r.stages().get(1))).isEqualTo("2025-04-17T00:00:00+07:00");
        assertThat(r.stages().get(1).outcome()).isEqualTo(StageOutcome.MET);
        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(r.breached()).isFalse();
        assertThat(r.escalations()).isEmpty();
    }

    @Test
    @DisplayName("a hold stops the clock: the deadline moves by the working days on hold")
    void holdPausesTheClock() {
        ComplaintResult r = replay(road("2025-05-05T08:00:00+07:00", String.join(",",
                e("VERIFIED", "2025-05-05T09:00:00+07:00"), e("HELD", "2025-05-07T10:00:00+07:00"),
                e("RESUMED", "2025-05-09T15:00:00+07:00"), e("FOLLOWED_UP", "2025-05-16T14:00:00+07:00"))));
        StageResult followUp = r.stages().get(1);
        // 5 working days after 5 May skip Waisak (12) and its leave (13): 14 May; 8-9 May on hold add 2: 16 May.
        assertThat(followUp.pausedDays()).isEqualTo(2);
        assertThat(due(followUp)).isEqualTo("2025-05-17T00:00:00+07:00");
        assertThat(followUp.outcome()).isEqualTo(StageOutcome.MET);
    }

    @Test
    @DisplayName("a late follow-up is a breach, and the ladder's escalations are due while it stays late")
    void breachAndEscalations() {
        ComplaintResult r = replay(road("2025-03-03T08:00:00+07:00", String.join(",",
                e("VERIFIED", "2025-03-03T10:00:00+07:00"), e("FOLLOWED_UP", "2025-03-20T10:00:00+07:00"))));
        StageResult followUp = r.stages().get(1);
        assertThat(due(followUp)).isEqualTo("2025-03-11T00:00:00+07:00");
        assertThat(followUp.outcome()).isEqualTo(StageOutcome.MISSED);
        assertThat(r.breached()).isTrue();
        assertThat(r.escalations()).extracting(EscalationResult::rule, EscalationResult::level,
                x -> Times.format(x.at(), WIB)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("late-follow-up", 1, "2025-03-11T00:00:00+07:00"),
                org.assertj.core.groups.Tuple.tuple("late-follow-up-to-supervisor", 2, "2025-03-13T00:00:00+07:00"),
                org.assertj.core.groups.Tuple.tuple("late-follow-up-to-national", 3, "2025-03-20T00:00:00+07:00"));
        // No reply recorded: the reply window (10 working days, Idul Fitri inside) closes it automatically.
        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(r.completedAutomatically()).isTrue();
        assertThat(Times.format(r.closedAt().orElseThrow(), WIB)).isEqualTo("2025-04-15T00:00:00+07:00");
    }

    @Test
    @DisplayName("an open stage past its deadline at the as-of instant counts as missed; one not yet due does not")
    void openStages() {
        ComplaintResult overdue = replay(road("2025-06-02T08:00:00+07:00", e("VERIFIED", "2025-06-02T10:00:00+07:00")));
        assertThat(overdue.stages().get(1).outcome()).isEqualTo(StageOutcome.OPEN_OVERDUE);
        assertThat(overdue.status()).isEqualTo(Status.IN_PROGRESS);
        ComplaintResult fresh = replay(road("2025-06-27T08:00:00+07:00", ""));
        assertThat(fresh.stages()).singleElement().extracting(StageResult::outcome).isEqualTo(StageOutcome.OPEN);
        ComplaintResult held = replay(road("2025-05-02T08:00:00+07:00", e("HELD", "2025-05-02T09:00:00+07:00")));
        assertThat(held.stages()).singleElement().extracting(StageResult::outcome).isEqualTo(StageOutcome.OPEN);
    }

    @Test
    @DisplayName("a reply after the follow-up reopens it; a return sends it back to verification")
    void replyAndReturn() {
        ComplaintResult r = replay(road("2025-03-03T08:00:00+07:00", String.join(",",
                e("VERIFIED", "2025-03-03T10:00:00+07:00"), e("RETURNED", "2025-03-04T10:00:00+07:00"),
                e("VERIFIED", "2025-03-05T10:00:00+07:00"), e("FOLLOWED_UP", "2025-03-06T10:00:00+07:00"),
                e("REPLIED", "2025-03-07T10:00:00+07:00"), e("FOLLOWED_UP", "2025-03-10T10:00:00+07:00"),
                e("COMPLETED", "2025-03-11T10:00:00+07:00"))));
        assertThat(r.stages()).extracting(StageResult::stage).containsExactly(Stage.VERIFICATION, Stage.FOLLOW_UP,
                Stage.VERIFICATION, Stage.FOLLOW_UP, Stage.REPLY_WINDOW, Stage.FOLLOW_UP, Stage.REPLY_WINDOW);
        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(r.completedAutomatically()).isFalse();
    }

    @Test
    @DisplayName("events the lifecycle does not allow make the line bad")
    void lifecycleViolations() {
        assertThatThrownBy(() -> replay(road("2025-03-03T08:00:00+07:00", e("FOLLOWED_UP", "2025-03-04T10:00:00+07:00"))))
                .isInstanceOf(BadLineException.class)
                .hasMessage("events[0] FOLLOWED_UP needs a dispatched complaint not on hold (it is submitted)");
        assertThatThrownBy(() -> replay(road("2025-03-03T08:00:00+07:00", String.join(",",
                e("ARCHIVED", "2025-03-03T10:00:00+07:00"), e("VERIFIED", "2025-03-04T10:00:00+07:00")))))
                .hasMessage("events[1] VERIFIED after the complaint was archived");
        assertThatThrownBy(() -> replay(road("2025-03-03T08:00:00+07:00", e("RESUMED", "2025-03-04T10:00:00+07:00"))))
                .hasMessage("events[0] RESUMED needs a complaint on hold (it is submitted)");
    }

    @Test
    @DisplayName("a date no calendar of the policy covers makes the line bad, with the calendar's reason")
    void outsideTheCalendars() {
        assertThatThrownBy(() -> replay(road("2019-03-03T08:00:00+07:00", "")))
                .isInstanceOf(BadLineException.class)
                .hasMessageStartingWith("cannot time it under sp4n-lapor-palangkaraya v1: 2019-03-03 is before 2025");
    }

    @Test
    @DisplayName("with several versions, a complaint is routed under the one in force at submission and each stage"
            + " is timed under the one in force when it starts")
    void versions() {
        String text = id.lapor.policy.jackson.PolicyResources.defaultPolicyYaml()
                .replaceFirst("(?m)^version: 1$", "version: 2")
                .replace("  from: 2025-01-01", "  from: 2025-03-10")
                .replace("followUpDays: 5", "followUpDays: 2").replace(" NORMAL: 5,", " NORMAL: 2,");
        id.lapor.core.policy.Policy v2 = TestPolicies.READER.read("v2", text, id.lapor.policy.jackson.PolicyFormat.YAML);
        Replayer replayer = new Replayer(id.lapor.core.policy.PolicyBook.of(TestPolicies.DEFAULT, v2), AS_OF);
        ComplaintResult r = replayer.replay(road("2025-03-03T08:00:00+07:00",
                e("VERIFIED", "2025-03-11T10:00:00+07:00")));
        assertThat(r.policy()).isEqualTo("sp4n-lapor-palangkaraya v1");
        assertThat(r.stages()).extracting(StageResult::policy)
                .containsExactly("sp4n-lapor-palangkaraya v1", "sp4n-lapor-palangkaraya v2");
        assertThat(r.stages().get(1).targetDays()).isEqualTo(2);
        assertThat(due(r.stages().get(1))).isEqualTo("2025-03-14T00:00:00+07:00");
        assertThat(r.stages().get(0).outcome()).isEqualTo(StageOutcome.MISSED);
    }

    @Test
    @DisplayName("the summary counts per unit and per month in the unit's own zone")
    void summaryMonthsInTheUnitsZone() {
        Summary s = new Summary(TestPolicies.DEFAULT);
        // 23:30 WIB on 31 January is already 1 February in Balikpapan (WITA).
        s.add(replay(line("64.71.02.1001", "jalan", "2025-01-31T23:30:00+07:00", "")));
        s.add(replay(road("2025-01-31T23:30:00+07:00", e("ARCHIVED", "2025-02-03T09:00:00+07:00"))));
        assertThat(s.months(UnitId.of("kota-balikpapan"))).containsOnlyKeys(YearMonth.of(2025, 2));
        assertThat(s.months(UnitId.of("dinas-pupr-palangkaraya"))).containsOnlyKeys(YearMonth.of(2025, 1));
        Counts total = s.total();
        assertThat(total.received()).isEqualTo(2);
        assertThat(total.archived()).isEqualTo(1);
        assertThat(total.inProgress()).isEqualTo(1);
        assertThat(s.units().get(UnitId.of("kota-palangkaraya")).stagesDue()).isEqualTo(1);
        assertThat(s.units().get(UnitId.of("kota-palangkaraya")).onTimeRate()).isEqualTo(1.0);
    }
}
