package id.lapor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.directory.UnitId;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiKeyCallerResolverTest {
    private static final UnitId CITY = UnitId.of("kota-palangkaraya");

    /** A request carrying only the given headers. */
    static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ApiKeyCallerResolverTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return headers.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    @DisplayName("a key is recognised by its SHA-256 from a Bearer or X-Api-Key header, and names its officer")
    void resolves() {
        ApiKeyCallerResolver r = ApiKeyCallerResolver.builder()
                .officer(ApiKeyCallerResolver.sha256Hex("s3cret-verifier"), Role.VERIFIER, "admin.kota", CITY)
                .officerWithKey("s3cret-auditor", Role.AUDITOR, "audit.kota", CITY)
                .build();
        Actor a = r.resolve(request(Map.of("Authorization", "Bearer s3cret-verifier"))).orElseThrow();
        assertThat(a.role()).isEqualTo(Role.VERIFIER);
        assertThat(a.id()).isEqualTo("admin.kota");
        assertThat(a.unit()).contains(CITY);
        assertThat(r.resolve(request(Map.of("X-Api-Key", "s3cret-auditor"))).map(Actor::role)).contains(Role.AUDITOR);
        assertThat(r.resolve(request(Map.of("Authorization", "Bearer wrong")))).isEmpty();
        assertThat(r.resolve(request(Map.of("Authorization", "Basic czNjcmV0")))).isEmpty();
        assertThat(r.resolve(request(Map.of()))).isEmpty();
        assertThat(r.toString()).doesNotContain("s3cret").contains("2 keys");
    }

    @Test
    @DisplayName("SHA-256 of the UTF-8 key, in lower-case hex")
    void hash() {
        assertThat(ApiKeyCallerResolver.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    @DisplayName("configuration from properties; malformed lines are named, duplicates and an empty set refused")
    void configuration() {
        Properties p = new Properties();
        p.setProperty("lapor.http.api-key.admin.kota", ApiKeyCallerResolver.sha256Hex("k1") + ", verifier ,kota-palangkaraya");
        p.setProperty("other.setting", "x");
        ApiKeyCallerResolver r = ApiKeyCallerResolver.fromProperties(p);
        assertThat(r.resolve(request(Map.of("X-Api-Key", "k1"))).map(Actor::id)).contains("admin.kota");

        p.setProperty("lapor.http.api-key.broken", "abc,VERIFIER,kota");
        p.setProperty("lapor.http.api-key.nobody", ApiKeyCallerResolver.sha256Hex("k2") + ",PUBLIC,kota");
        assertThatThrownBy(() -> ApiKeyCallerResolver.fromProperties(p))
                .hasMessageContaining("lapor.http.api-key.broken").hasMessageContaining("lapor.http.api-key.nobody")
                .hasMessageNotContaining(ApiKeyCallerResolver.sha256Hex("k2"));
        assertThatThrownBy(() -> ApiKeyCallerResolver.builder().build()).hasMessageContaining("at least one officer");
        assertThatThrownBy(() -> ApiKeyCallerResolver.builder().officerWithKey("same", Role.VERIFIER, "a", CITY)
                .officerWithKey("same", Role.AUDITOR, "b", CITY).build()).hasMessageContaining("same API key");
    }
}
