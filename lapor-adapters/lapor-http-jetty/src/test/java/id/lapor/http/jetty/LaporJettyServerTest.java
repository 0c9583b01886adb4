package id.lapor.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaporJettyServerTest {
    private TestWorld world;

    @BeforeAll
    void start() {
        world = new TestWorld();
    }

    @AfterAll
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("port 0 binds a free port, which start() returns; a host's own servlet runs beside lapor's")
    void startsOnAFreePort() throws Exception {
        HttpServlet portal = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("portal");
            }
        };
        try (LaporJettyServer server = LaporJettyServer.builder().port(0).servlet("/portal/*", portal).stopTimeoutMillis(0).build()) {
            int port = server.start();
            assertThat(port).isPositive().isEqualTo(server.port());
            assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/portal/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("portal");
        }
    }

    @Test
    @DisplayName("the builder fails fast: no servlet, a bad port, a path mapped twice")
    void failsFast() {
        assertThatThrownBy(() -> LaporJettyServer.builder().build()).hasMessageContaining("at least one servlet");
        assertThatThrownBy(() -> LaporJettyServer.builder().port(70000)).hasMessageContaining("0 to 65535");
        HttpServlet s = new HttpServlet() {
        };
        assertThatThrownBy(() -> LaporJettyServer.builder().servlet("/x/*", s).servlet("/x/*", s)).hasMessageContaining("already mapped");
    }

    @Test
    @DisplayName("errors Jetty answers itself carry the error body of the API the path belongs to")
    void jettyErrors() {
        TestWorld.Exchange badUtf8 = world.sendRaw("x", "GET", "/open311/v2/requests/%FF%FE.json", "", null);
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(badUtf8.body()).startsWith("[{\"code\":400,\"description\":");
        TestWorld.Exchange ambiguous = world.sendRaw("x", "GET", "/open311/v2/requests/%2e%2e/x.xml", "", null);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.body()).contains("<errors><error><code>400</code>");
        TestWorld.Exchange api = world.sendRaw("x", "GET", "/api/v1/complaints/%2F", "", null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
        TestWorld.Exchange unparsable = world.sendRaw("x", "GET", "/api/v1/queue x", "", null);
        assertThat(unparsable.status()).isEqualTo(400);
        assertThat(unparsable.body()).contains("<errors>");
        TestWorld.Exchange nowhere = world.get("/elsewhere");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body()).contains("\"status\":404");
        TestWorld.Exchange headers = world.sendRaw("x", "GET", "/open311/v2/services.json", "X-Big: " + "a".repeat(9000), null);
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.body()).contains("431");
    }

    @Test
    @DisplayName("HEAD answers the headers of GET without a body; OPTIONS names the allowed methods")
    void headAndOptions() {
        TestWorld.Exchange head = world.send("public", "HEAD", "/open311/v2/services.xml", null, null, Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.contentType()).startsWith("text/xml");
        TestWorld.Exchange options = world.send("public", "OPTIONS", "/open311/v2/requests.json", null, null, Map.of());
        assertThat(options.status()).isEqualTo(204);
    }
}
