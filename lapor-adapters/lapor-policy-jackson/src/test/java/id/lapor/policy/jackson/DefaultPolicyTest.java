package id.lapor.policy.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.Policy;
import id.lapor.core.routing.RoutingDecision;
import id.lapor.core.routing.RoutingInput;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DefaultPolicyTest {
    private static final Policy POLICY = new PolicyReader(PolicyResources.defaultCalendars()).readDefault();

    @Test
    @DisplayName("the default policy is valid and covers Palangka Raya, its province and institutions in WITA and WIT")
    void defaultPolicyIsValid() {
        assertThat(POLICY.label()).isEqualTo("sp4n-lapor-palangkaraya v1");
        assertThat(POLICY.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(POLICY.directory().all()).hasSizeGreaterThan(50);
        assertThat(POLICY.directory().get(UnitId.of("kota-palangkaraya")).region()).contains(RegionCode.of("62.71"));
        assertThat(POLICY.directory().get(UnitId.of("prov-kaltim")).zone()).isEqualTo(Unit.WITA);
        assertThat(POLICY.directory().get(UnitId.of("kota-jayapura")).zone()).isEqualTo(Unit.WIT);
        assertThat(POLICY.calendarOf(UnitId.of("kota-balikpapan")).id().value()).isEqualTo("id-national-wita");
        assertThat(POLICY.calendarOf(UnitId.of("kel-langkai")).id().value()).isEqualTo("id-national-wib");
        assertThat(POLICY.sms().read("PALANGKARAYA RAHASIA jalan rusak").unit()).contains(UnitId.of("kota-palangkaraya"));
    }

    @Test
    @DisplayName("a road report in the city goes to public works; one with no matching rule waits for the city's verifiers")
    void routesTheDemoCity() {
        RoutingDecision road = POLICY.route(RoutingInput.of(Kind.COMPLAINT, Channel.WEB, CategoryId.of("jalan"),
                RegionCode.of("62.71.03.1001"), "Jalan berlubang", "Di depan sekolah", null));
        assertThat(road.responsibleUnit()).contains(UnitId.of("dinas-pupr-palangkaraya"));
        assertThat(road.matchedRule().orElseThrow().name()).isEqualTo("jalan-kota");

        RoutingDecision other = POLICY.route(RoutingInput.of(Kind.ASPIRATION, Channel.WEB, CategoryId.of("lainnya"),
                RegionCode.of("62.71.03.1001"), "Usul taman kota", "Mohon taman baru", null));
        assertThat(other.isRouted()).isFalse();
        assertThat(POLICY.verifierFor(RegionCode.of("62.71.03.1001"))).isEqualTo(UnitId.of("kota-palangkaraya"));
        assertThat(POLICY.verifierFor(RegionCode.of("62.02"))).isEqualTo(UnitId.of("prov-kalteng"));
        assertThat(POLICY.verifierFor(RegionCode.of("11.01"))).isEqualTo(UnitId.of("nasional"));
    }
}
