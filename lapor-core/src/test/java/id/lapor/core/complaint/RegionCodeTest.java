package id.lapor.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {
    @ParameterizedTest
    @ValueSource(strings = {"62", "62.71", "62.71.01", "62.71.01.1001", "62.03.05.2001", "91.01"})
    @DisplayName("province, regency or city, district and village codes are accepted")
    void valid(String code) {
        assertThat(RegionCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "62.7", "62.70", "62.00", "62.71.00", "62.71.01.3001", "62-71", "05", "62.71.01.1001.1", " 62"})
    @DisplayName("malformed or impossible codes are refused")
    void invalid(String code) {
        assertThatThrownBy(() -> RegionCode.of(code)).isInstanceOf(InvalidValueException.class).hasMessageContaining(code.strip());
    }

    @Test
    @DisplayName("a region lies within its prefixes only, on dot boundaries")
    void within() {
        RegionCode village = RegionCode.of("62.71.01.1001");
        assertThat(village.isWithin(RegionCode.of("62.71"))).isTrue();
        assertThat(village.isWithin(RegionCode.of("62"))).isTrue();
        assertThat(village.isWithin(village)).isTrue();
        assertThat(village.isWithin(RegionCode.of("62.72"))).isFalse();
        assertThat(RegionCode.of("62.71").isWithin(village)).isFalse();
        assertThat(RegionCode.of("62.71").depth()).isEqualTo(2);
    }
}
