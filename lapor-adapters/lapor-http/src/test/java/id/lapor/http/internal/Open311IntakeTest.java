package id.lapor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.lifecycle.Command;
import id.lapor.http.HttpLimits;
import id.lapor.testkit.Fixtures;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Open311IntakeTest {
    private final Open311Documents documents = new Open311Documents(Fixtures.directory(), Fixtures.categories(), ZoneId.of("Asia/Jakarta"));
    private final Open311Intake intake = new Open311Intake(documents, HttpLimits.defaults(), Optional.of(RegionCode.of("62.71")), Channel.WEB);

    private static Params form(String encoded) {
        return Params.parse(encoded, "body", 64);
    }

    @Test
    @DisplayName("the form's fields become the report's, the reporter's phone normalised")
    void maps() {
        Command.Submit s = intake.submit(form("service_code=drainase&address_string=Jl.+Kinibalu&phone=%2B62+812-3456-7890"
                + "&first_name=Sari&description=Banjir+setinggi+lutut%0Asejak+pagi&attribute%5Bkind%5D=information_request"
                + "&attribute%5Bconfidential%5D=true"), "key-1");
        assertThat(s.category()).isEqualTo(Fixtures.DRAINAGE);
        assertThat(s.location().region()).isEqualTo(RegionCode.of("62.71"));
        assertThat(s.location().address()).isEqualTo("Jl. Kinibalu");
        assertThat(s.reporter().phone()).isEqualTo("+6281234567890");
        assertThat(s.reporter().name()).isEqualTo("Sari");
        assertThat(s.kind()).isEqualTo(Kind.INFORMATION_REQUEST);
        assertThat(s.confidential()).isTrue();
        assertThat(s.anonymous()).isFalse();
        assertThat(s.title()).isEqualTo("Banjir setinggi lutut");
        assertThat(s.channel()).isEqualTo(Channel.WEB);
        assertThat(s.channelMessageId()).isEqualTo("key-1");
    }

    @Test
    @DisplayName("every problem of a form is listed at once, with its Open311 field, never echoing the reporter's data")
    void allProblems() {
        assertThatThrownBy(() -> intake.submit(form("service_code=jalan&lat=95&long=x&email=budi%40example.org%01"
                + "&attribute%5Bkind%5D=keluhan&attribute%5Bcolour%5D=red&media_url=ftp%3A%2F%2Fx"), null))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(400);
                    assertThat(f.problems()).extracting(HttpFailure.Problem::field)
                            .contains("lat", "long", "email", "attribute[kind]", "attribute[colour]", "media_url", "description");
                    assertThat(f.problems().toString()).doesNotContain("budi");
                });
    }

    @Test
    @DisplayName("an unknown service or a group is a 404; no service_code a 400")
    void services() {
        assertThatThrownBy(() -> intake.submit(form("service_code=infrastruktur&description=x&address_id=62.71"), null))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.status()).isEqualTo(404));
        assertThatThrownBy(() -> intake.submit(form("description=x"), null))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.status()).isEqualTo(400));
    }

    @Test
    @DisplayName("a title is the description's first line, cut at a word to 200 characters without splitting a surrogate pair")
    void titles() {
        assertThat(Open311Intake.titleFrom("  Jalan rusak \n detail")).isEqualTo("Jalan rusak");
        String words = "kata ".repeat(60);
        assertThat(Open311Intake.titleFrom(words)).hasSizeLessThanOrEqualTo(200).endsWith("kata\u2026");
        String emoji = "\ud83d\ude97".repeat(150);
        String title = Open311Intake.titleFrom(emoji);
        assertThat(title.length()).isLessThanOrEqualTo(200);
        assertThat(Character.isLowSurrogate(title.charAt(title.length() - 2))).as("no pair split before the ellipsis").isTrue();
    }

    @Test
    @DisplayName("lapor's field paths are named as Open311 fields")
    void fieldNames() {
        assertThat(Open311Intake.open311Field("body")).isEqualTo("description");
        assertThat(Open311Intake.open311Field("reporter.phone")).isEqualTo("phone");
        assertThat(Open311Intake.open311Field("reporter.reachable")).isEqualTo("email, phone");
        assertThat(Open311Intake.open311Field("attachments[0].uri")).isEqualTo("media_url");
        assertThat(Open311Intake.open311Field("location.latitude")).isEqualTo("lat");
        assertThat(Open311Intake.open311Field("channelMessageId")).isEqualTo("Idempotency-Key");
    }
}
