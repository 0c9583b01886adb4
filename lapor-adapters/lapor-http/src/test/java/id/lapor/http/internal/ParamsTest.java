package id.lapor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

    @Test
    @DisplayName("form encoding decodes percent escapes as UTF-8 and plus as a space, keeping repeated names")
    void decodes() {
        Params p = Params.parse("a=1&b=Jalan+Tjilik%20Riwut&c=%E2%9C%93&a=2&empty=&flag", "body", 10);
        assertThat(p.all("a")).containsExactly("1", "2");
        assertThat(p.single("b")).contains("Jalan Tjilik Riwut");
        assertThat(p.single("c")).contains("\u2713");
        assertThat(p.single("empty")).as("an empty optional argument is an absent one").isEmpty();
        assertThat(p.single("flag")).isEmpty();
        assertThat(p.names()).containsExactly("a", "b", "c", "empty", "flag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%F", "a=%", "a=%FF%FE", "a=%C3%28", "a=%ED%A0%80", "%=1"})
    @DisplayName("a malformed escape or bytes that are not UTF-8 are refused with the parameter named")
    void refusesMalformed(String encoded) {
        assertThatThrownBy(() -> Params.parse(encoded, "body", 10))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(400);
                    assertThat(f.problems().get(0).message()).containsAnyOf("hex digits", "UTF-8");
                });
    }

    @Test
    @DisplayName("a single-valued parameter given twice, too many parameters and an over-long value are refused")
    void limits() {
        assertThatThrownBy(() -> Params.parse("a=1&a=2", "body", 10).single("a")).hasMessageContaining("400");
        assertThatThrownBy(() -> Params.parse("a=1&b=2&c=3", "query string", 2)).isInstanceOfSatisfying(HttpFailure.class,
                f -> assertThat(f.problems().get(0).message()).contains("more than 2 parameters"));
        assertThatThrownBy(() -> Params.parse("a=" + "x".repeat(11), "body", 10).single("a", 10))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problems().get(0).message()).contains("longer than 10"));
    }

    @Test
    @DisplayName("a name in both the query string and the body is refused")
    void merge() {
        assertThatThrownBy(() -> Params.parse("api_key=1", "query string", 10).merge(Params.parse("api_key=2", "body", 10), "body"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problems().get(0).field()).isEqualTo("api_key"));
        assertThat(Params.parse("a=1", "q", 10).merge(Params.parse("b=2", "body", 10), "body").names()).containsExactly("a", "b");
    }
}
