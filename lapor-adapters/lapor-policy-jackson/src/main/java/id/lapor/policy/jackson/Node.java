package id.lapor.policy.jackson;

import java.util.List;
import java.util.Map;

/** A parsed JSON or YAML value, kept with the path it was found at. Scalars keep the source's own text. */
sealed interface Node {
    String path();

    /** What the source had here, in words for problems: "a list", "a text", ... */
    String describe();

    record Obj(String path, Map<String, Node> fields) implements Node {
        @Override
        public String describe() {
            return "an object";
        }
    }

    record Arr(String path, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** {@code type}: "string", "integer", "decimal", "boolean". {@code text} is the scalar as written. */
    record Scalar(String path, String type, String text, Object value) implements Node {
        @Override
        public String describe() {
            return switch (type) {
                case "string" -> "a text";
                case "integer" -> "a whole number";
                case "decimal" -> "a decimal number";
                default -> "true or false";
            };
        }
    }

    record Null(String path) implements Node {
        @Override
        public String describe() {
            return "nothing";
        }
    }
}
