package id.lapor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The example application on a random port, spoken to over plain HTTP like any Open311 client or officer tool. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LaporSpringApplicationTest {
    static final String CLIENT_KEY = "open311-demo-client-key";
    static final String VERIFIER_KEY = "verifier-demo-key-0123456789";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + data.resolve("lapor.db")
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    @Test
    @DisplayName("an Open311 client posts a service request and reads it back; the verifier finds it in the officer API's queue")
    void answersOpen311() throws Exception {
        HttpResponse<String> services = send(HttpRequest.newBuilder(uri("/open311/v2/services.json")).GET());
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(json.readTree(services.body()).valueStream().map(s -> s.get("service_code").asString())).contains("jalan");

        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", CLIENT_KEY);
        f.put("service_code", "jalan");
        f.put("address_id", "62.71.01.1001");
        f.put("address_string", "Jalan Tjilik Riwut km 2");
        f.put("email", "warga@example.org");
        f.put("description", "Jalan berlubang besar di depan pasar, dua pengendara jatuh minggu ini.");
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(f))));
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        String id = json.readTree(created.body()).get(0).get("service_request_id").asString();
        assertThat(id).matches("[0-9]{11}");

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/open311/v2/requests/" + id + ".json")).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode request = json.readTree(read.body()).get(0);
        assertThat(request.get("service_code").asString()).isEqualTo("jalan");
        assertThat(read.body()).doesNotContain("warga@example.org");

        HttpResponse<String> queue = send(HttpRequest.newBuilder(uri("/api/v1/queue"))
                .header("Authorization", "Bearer " + VERIFIER_KEY).GET());
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains(id);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/queue")).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("an invalid report is refused by lapor's validation (Hibernate Validator), nothing stored")
    void validationRuns() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM complaint", Long.class);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", CLIENT_KEY);
        f.put("service_code", "jalan");
        f.put("address_id", "62.71.01.1001");
        f.put("email", "not-an-address");
        f.put("description", "Jalan rusak.");
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(f))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("email");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM complaint", Long.class)).isEqualTo(before);
    }

    @Test
    @DisplayName("lapor's versions of Jackson 3, Flyway and Hibernate Validator win over Boot's, and each works")
    void laporVersionsWin() throws Exception {
        assertThat(Versions.of("tools.jackson.core", "jackson-databind")).isEqualTo(System.getProperty("expected.jackson"));
        assertThat(Versions.of("org.flywaydb", "flyway-core")).isEqualTo(System.getProperty("expected.flyway"));
        assertThat(Versions.of("org.hibernate.validator", "hibernate-validator"))
                .isEqualTo(System.getProperty("expected.hibernate-validator"));

        // Flyway 13 migrated the SQLite schema through Spring's DataSource.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lapor_schema_history WHERE success = 1", Long.class)).isPositive();
        // Boot's own JSON (a Spring MVC controller) runs on the same Jackson 3.
        HttpResponse<String> status = send(HttpRequest.newBuilder(uri("/lapor/status")).GET());
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode s = json.readTree(status.body());
        assertThat(s.get("jackson").asString()).isEqualTo(System.getProperty("expected.jackson"));
        assertThat(s.get("flyway").asString()).isEqualTo(System.getProperty("expected.flyway"));
        assertThat(s.get("complaints").isNumber()).isTrue();
    }
}
