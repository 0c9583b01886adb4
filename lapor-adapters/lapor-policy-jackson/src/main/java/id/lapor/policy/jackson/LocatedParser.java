package id.lapor.policy.jackson;

import id.lapor.core.policy.PolicyProblem;
import id.lapor.core.policy.ProblemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a document token by token into {@link Node}s, noting the line where each path starts (a property at its
 * name, a list item at its first token), so that problems found later can name their line.
 */
final class LocatedParser {
    final Map<String, Integer> lines = new HashMap<>();
    final List<PolicyProblem> problems = new ArrayList<>();

    /** The root node; null (with a {@link ProblemKind#SYNTAX} problem) when the text is not well formed. */
    Node parse(ObjectMapper mapper, String text) {
        try (JsonParser p = mapper.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(new PolicyProblem("", OptionalInt.of(1), ProblemKind.SYNTAX, "the document is empty"));
                return null;
            }
            lines.put("", line(p));
            Node root = value(p, "");
            if (p.nextToken() != null) {
                problems.add(new PolicyProblem("", OptionalInt.of(line(p)), ProblemKind.SYNTAX,
                        "more than one document: a policy file holds exactly one"));
                return null;
            }
            return root;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.add(new PolicyProblem("", OptionalInt.of(line), ProblemKind.SYNTAX,
                    "not well formed: " + e.getOriginalMessage()));
            return null;
        }
    }

    private Node value(JsonParser p, String path) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    int at = line(p);
                    p.nextToken();
                    Node v = value(p, child);
                    if (fields.containsKey(name)) {
                        problems.add(new PolicyProblem(child, OptionalInt.of(at), ProblemKind.DUPLICATE,
                                "'" + name + "' is given twice (first on line " + lines.get(child) + ")"));
                    } else {
                        lines.put(child, at);
                        fields.put(name, v);
                    }
                }
                return new Node.Obj(path, fields);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + items.size() + "]";
                    lines.put(child, line(p));
                    items.add(value(p, child));
                }
                return new Node.Arr(path, items);
            }
            case VALUE_STRING:
                return new Node.Scalar(path, "string", p.getString(), p.getString());
            case VALUE_NUMBER_INT:
                return new Node.Scalar(path, "integer", p.getString(), p.getNumberValue());
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(path, "decimal", p.getString(), p.getDoubleValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(path, "boolean", p.getString(), t == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return new Node.Null(path);
            default:
                problems.add(new PolicyProblem(path, OptionalInt.of(line(p)), ProblemKind.WRONG_TYPE,
                        "unexpected " + t));
                return new Node.Null(path);
        }
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }
}
