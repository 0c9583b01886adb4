package id.lapor.http.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the adapter: strict on input (no duplicate keys, shallow, bounded strings). */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(200_000)
                            .maxNumberLength(40)
                            .maxNameLength(200)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static tools.jackson.databind.node.ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Parses a request body that must be one JSON object; an empty body is an empty object.
     *
     * @throws HttpFailure 400 saying where the JSON is broken
     */
    public static ObjectNode readObject(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw HttpFailure.badRequest(null, "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw HttpFailure.badRequest(null, "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static byte[] write(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
