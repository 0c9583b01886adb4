package id.lapor.sms.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsGrammarTest {
    private static final UnitId CITY = UnitId.of("kota-palangkaraya");
    private static final UnitId REGENCY = UnitId.of("kab-kotawaringin-timur");
    private static final TrackingNumber NUMBER = TrackingNumber.withCheckDigit("7067462248");
    private final SmsGrammar grammar = SmsGrammar.builder().keyword("PALANGKARAYA", CITY).keyword("Kotim", REGENCY).build();

    @Test
    @DisplayName("the first word selects the jurisdiction, in any case; the text after it is the report, spacing kept")
    void keyword() {
        assertThat(grammar.parse("palangkaraya  jalan rusak di Jl. Tjilik Riwut km 5"))
                .isEqualTo(new SmsGrammar.Report("PALANGKARAYA", CITY, false, false, "jalan rusak di Jl. Tjilik Riwut km 5"));
        assertThat(grammar.parse("  KOTIM: banjir di Sampit ")).isEqualTo(new SmsGrammar.Report("KOTIM", REGENCY, false, false, "banjir di Sampit"));
        assertThat(grammar.parse("Palangkaraya\njalan  rusak")).isEqualTo(new SmsGrammar.Report("PALANGKARAYA", CITY, false, false, "jalan  rusak"));
    }

    @Test
    @DisplayName("flag words right after the keyword mark the report; further in the text they are text")
    void flags() {
        assertThat(grammar.parse("PALANGKARAYA RAHASIA pungli di kantor kelurahan"))
                .isEqualTo(new SmsGrammar.Report("PALANGKARAYA", CITY, true, false, "pungli di kantor kelurahan"));
        assertThat(grammar.parse("PALANGKARAYA anonim, Rahasia: pungli"))
                .isEqualTo(new SmsGrammar.Report("PALANGKARAYA", CITY, true, true, "pungli"));
        assertThat(grammar.parse("PALANGKARAYA data saya bocor, ini rahasia"))
                .isEqualTo(new SmsGrammar.Report("PALANGKARAYA", CITY, false, false, "data saya bocor, ini rahasia"));
        assertThat(grammar.parse("PALANGKARAYA RAHASIA")).isEqualTo(new SmsGrammar.EmptyReport("PALANGKARAYA"));
    }

    @Test
    @DisplayName("configured flag words replace the defaults, matched without accents")
    void configuredFlags() {
        SmsGrammar g = SmsGrammar.builder().keyword("SAMPIT", REGENCY).confidentialWords(Set.of("RHS", "Secret"))
                .anonymousWords(Set.of("tanpanama")).build();
        assertThat(g.parse("sampit sécret TANPANAMA x")).isEqualTo(new SmsGrammar.Report("SAMPIT", REGENCY, true, true, "x"));
        assertThat(g.parse("sampit rahasia x")).isEqualTo(new SmsGrammar.Report("SAMPIT", REGENCY, false, false, "rahasia x"));
    }

    @Test
    @DisplayName("STATUS or CEK with a number asks for the state; a mistyped number is no number")
    void status() {
        assertThat(grammar.parse("STATUS " + NUMBER)).isEqualTo(new SmsGrammar.Status(Optional.of(NUMBER)));
        assertThat(grammar.parse("cek #" + NUMBER)).isEqualTo(new SmsGrammar.Status(Optional.of(NUMBER)));
        assertThat(grammar.parse("status 70674622481")).isEqualTo(new SmsGrammar.Status(Optional.empty()));
        assertThat(grammar.parse("STATUS")).isEqualTo(new SmsGrammar.Status(Optional.empty()));
    }

    @Test
    @DisplayName("anything else is other; tracking numbers are found anywhere, with a right check digit only")
    void otherAndNumbers() {
        assertThat(grammar.parse("halo apa kabar")).isEqualTo(new SmsGrammar.Other("halo apa kabar"));
        assertThat(grammar.parse("   ")).isEqualTo(new SmsGrammar.Other(""));
        assertThat(grammar.mentionedNumbers(NUMBER + " jalan masih rusak")).containsExactly(NUMBER);
        assertThat(grammar.mentionedNumbers("Balas #" + NUMBER + ": belum diperbaiki, " + NUMBER)).containsExactly(NUMBER);
        assertThat(grammar.mentionedNumbers("70674622481 atau 12345")).isEmpty();
    }

    @Test
    @DisplayName("a keyword that is also a flag or status word, or configured twice, is refused")
    void conflicts() {
        assertThatThrownBy(() -> SmsGrammar.builder().keyword("STATUS", CITY).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SmsGrammar.builder().keyword("x", CITY).keyword("X", REGENCY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsGrammar.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SmsGrammar.builder().keyword("two words", CITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
