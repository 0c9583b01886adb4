package id.lapor.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IndonesianTextTest {
    private static boolean has(String text, String keyword) {
        return IndonesianText.containsWords(IndonesianText.fold(text), IndonesianText.fold(keyword));
    }

    @Test
    @DisplayName("keywords match whatever the case and accents")
    void caseAndAccents() {
        assertThat(has("JALAN RUSAK di depan pasar", "jalan rusak")).isTrue();
        assertThat(has("Pélayanan puskesmas lambat", "pelayanan")).isTrue();
        assertThat(has("kabut asap", "Kabut Àsap")).isTrue();
    }

    @Test
    @DisplayName("keywords match whole words only, so an affixed word does not count")
    void wholeWords() {
        assertThat(has("rumah kami kebanjiran", "banjir")).isFalse();
        assertThat(has("banjir lagi", "banjir")).isTrue();
        assertThat(has("banjir.", "banjir")).isTrue();
        assertThat(has("asap", "as")).isFalse();
    }

    @Test
    @DisplayName("a phrase needs its words adjacent and in order; punctuation and hyphens separate words")
    void phrases() {
        assertThat(has("air sungai meluap", "air meluap")).isFalse();
        assertThat(has("air, meluap!", "air meluap")).isTrue();
        assertThat(has("jalan-jalan rusak", "jalan rusak")).isTrue();
        assertThat(has("meluap air", "air meluap")).isFalse();
    }

    @Test
    @DisplayName("folded text starts and ends with one space and keeps letters and digits only")
    void folding() {
        assertThat(IndonesianText.fold("  Jl. Tjilik Riwut KM 5!! ")).isEqualTo(" jl tjilik riwut km 5 ");
        assertThat(IndonesianText.fold(null)).isEqualTo(" ");
        assertThat(IndonesianText.hasWords("!!!")).isFalse();
        assertThat(IndonesianText.hasWords("ktp-el")).isTrue();
    }
}
