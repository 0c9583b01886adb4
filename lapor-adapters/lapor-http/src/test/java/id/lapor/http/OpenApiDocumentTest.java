package id.lapor.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.http.internal.CommandReader;
import id.lapor.core.lifecycle.CommandKind;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The published OpenAPI document says what the servlet does. */
class OpenApiDocumentTest {

    private static JsonNode document() throws Exception {
        try (InputStream in = OfficerApiServlet.class.getResourceAsStream(OfficerApiServlet.OPENAPI_RESOURCE)) {
            assertThat(in).as("the OpenAPI document is packaged with the module").isNotNull();
            return new YAMLMapper().readTree(in);
        }
    }

    @Test
    @DisplayName("it documents every path the officer API serves, with the problem format for errors")
    void paths() throws Exception {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        doc.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/complaints/{trackingNumber}", "/complaints/{trackingNumber}/commands/{kind}",
                "/queue", "/statistics", "/openapi.yaml");
        assertThat(doc.at("/components/schemas/Problem/properties").has("violations")).isTrue();
    }

    @Test
    @DisplayName("every command kind, and only those, with a schema whose fields are the ones the reader accepts")
    void commands() throws Exception {
        JsonNode doc = document();
        JsonNode kinds = doc.at("/paths/~1complaints~1{trackingNumber}~1commands~1{kind}/post/parameters/0");
        List<String> documented = new ArrayList<>();
        for (JsonNode p : doc.at("/paths/~1complaints~1{trackingNumber}~1commands~1{kind}/post/parameters")) {
            if ("kind".equals(p.path("name").asString())) {
                p.at("/schema/enum").forEach(k -> documented.add(k.asString()));
            }
        }
        assertThat(kinds.isMissingNode()).isFalse();
        List<String> served = CommandReader.FIELDS.keySet().stream().map(CommandReader::segment).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
        for (CommandKind kind : CommandReader.FIELDS.keySet()) {
            String schema = toPascal(CommandReader.segment(kind));
            JsonNode properties = doc.at("/components/schemas/" + schema + "/properties");
            List<String> fields = new ArrayList<>();
            properties.propertyNames().forEach(fields::add);
            assertThat(fields).as(schema).containsExactlyInAnyOrderElementsOf(CommandReader.FIELDS.get(kind));
        }
    }

    private static String toPascal(String kebab) {
        StringBuilder s = new StringBuilder();
        for (String part : kebab.split("-")) {
            s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return s.toString();
    }
}
