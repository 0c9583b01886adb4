package id.lapor.http.jetty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a document's shape with a specification example: the same root, only names the example
 * uses (no foreign fields), every name of the example present unless listed as one the spec says
 * "may not be returned", and the same kind of value (object, list, boolean, number) under each name.
 * Values themselves are never compared.
 */
final class SpecShape {
    /** Identifiers: the examples write them as numbers, lapor as strings. */
    static final Set<String> IDENTIFIERS = Set.of("service_request_id", "service_code", "address_id", "zipcode", "key", "token",
            "update_id");

    private static final JsonMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS).build()).build();
    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private SpecShape() {
    }

    static String resource(String name) {
        try (InputStream in = SpecShape.class.getResourceAsStream("/open311-spec/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no spec example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every difference between {@code actual} (JSON text) and the spec example in {@code exampleFile}. */
    static List<String> jsonDifferences(String exampleFile, String actual, Set<String> mayBeAbsent) {
        JsonNode spec = LENIENT.readTree(resource(exampleFile));
        JsonNode ours = STRICT.readTree(actual);
        List<String> out = new ArrayList<>();
        compareJson("$", null, spec, ours, mayBeAbsent, out);
        return out;
    }

    private static void compareJson(String path, String field, JsonNode spec, JsonNode ours, Set<String> mayBeAbsent, List<String> out) {
        if (spec.isNull()) {
            if (ours.isContainer()) {
                out.add(path + ": the example has null, ours is a " + ours.getNodeType());
            }
            return;
        }
        if (ours.isNull()) {
            if (spec.isContainer() || spec.isBoolean()) {
                out.add(path + ": ours is null where the example has a " + spec.getNodeType());
            }
            return;
        }
        if (spec.isArray()) {
            if (!ours.isArray()) {
                out.add(path + ": the example has a list, ours a " + ours.getNodeType());
                return;
            }
            JsonNode specItem = merged(spec);
            for (int i = 0; i < ours.size(); i++) {
                compareJson(path + "[" + i + "]", field, specItem, ours.get(i), mayBeAbsent, out);
            }
            return;
        }
        if (spec.isObject()) {
            if (!ours.isObject()) {
                out.add(path + ": the example has an object, ours a " + ours.getNodeType());
                return;
            }
            for (String name : ours.propertyNames()) {
                if (!spec.has(name)) {
                    out.add(path + "." + name + ": not a field of the spec's example");
                }
            }
            for (String name : spec.propertyNames()) {
                if (!ours.has(name)) {
                    if (!mayBeAbsent.contains(name)) {
                        out.add(path + "." + name + ": missing");
                    }
                } else {
                    compareJson(path + "." + name, name, spec.get(name), ours.get(name), mayBeAbsent, out);
                }
            }
            return;
        }
        if (spec.isBoolean() && !ours.isBoolean()) {
            out.add(path + ": the example has a boolean, ours a " + ours.getNodeType());
        } else if (spec.isNumber() && !IDENTIFIERS.contains(field) && !ours.isNumber()) {
            out.add(path + ": the example has a number, ours a " + ours.getNodeType());
        } else if (spec.isNumber() && IDENTIFIERS.contains(field) && !(ours.isNumber() || ours.isString())) {
            out.add(path + ": an identifier, ours a " + ours.getNodeType());
        } else if (spec.isString() && !ours.isString()) {
            out.add(path + ": the example has a string, ours a " + ours.getNodeType());
        }
    }

    /** The items of a list merged into one object, so every field any item has is known. */
    private static JsonNode merged(JsonNode array) {
        if (array.isEmpty() || !array.get(0).isObject()) {
            return array.isEmpty() ? STRICT.nullNode() : array.get(0);
        }
        var merged = STRICT.createObjectNode();
        for (JsonNode item : array) {
            for (String name : item.propertyNames()) {
                if (!merged.has(name) || merged.get(name).isNull()) {
                    merged.set(name, item.get(name));
                }
            }
        }
        return merged;
    }

    /** Every difference between {@code actual} (XML text) and the spec example in {@code exampleFile}. */
    static List<String> xmlDifferences(String exampleFile, String actual, Set<String> mayBeAbsent) {
        List<String> out = new ArrayList<>();
        if (!actual.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) {
            out.add("the document does not start with the XML declaration with encoding=\"UTF-8\"");
        }
        Element spec = parse(resource(exampleFile).strip());
        Element ours = parse(actual);
        if (!spec.getTagName().equals(ours.getTagName())) {
            out.add("root: the example's is <" + spec.getTagName() + ">, ours <" + ours.getTagName() + ">");
            return out;
        }
        compareXml("/" + spec.getTagName(), spec, ours, mayBeAbsent, out);
        return out;
    }

    private static void compareXml(String path, Element spec, Element ours, Set<String> mayBeAbsent, List<String> out) {
        Map<String, List<Element>> specChildren = children(spec);
        Map<String, List<Element>> ourChildren = children(ours);
        boolean specLeaf = specChildren.isEmpty();
        if (specLeaf) {
            if (!ourChildren.isEmpty()) {
                out.add(path + ": the example has text, ours has elements " + ourChildren.keySet());
                return;
            }
            String s = spec.getTextContent().strip();
            String o = ours.getTextContent().strip();
            if ((s.equals("true") || s.equals("false")) && !(o.equals("true") || o.equals("false"))) {
                out.add(path + ": the example has a boolean, ours " + o);
            }
            String name = spec.getTagName();
            if (s.matches("-?[0-9]+(\\.[0-9]+)?") && !IDENTIFIERS.contains(name) && !o.isEmpty() && !o.matches("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?")) {
                out.add(path + ": the example has a number, ours " + o);
            }
            return;
        }
        // An element listing items (<services><service>...) may be empty in ours.
        for (String name : ourChildren.keySet()) {
            if (!specChildren.containsKey(name)) {
                out.add(path + "/" + name + ": not an element of the spec's example");
            }
        }
        for (Map.Entry<String, List<Element>> e : specChildren.entrySet()) {
            List<Element> mine = ourChildren.get(e.getKey());
            boolean itemList = e.getValue().size() > 1 || specChildren.size() == 1;
            if (mine == null) {
                if (!itemList && !mayBeAbsent.contains(e.getKey())) {
                    out.add(path + "/" + e.getKey() + ": missing");
                }
                continue;
            }
            Element specItem = e.getValue().get(0);
            for (Element m : mine) {
                compareXml(path + "/" + e.getKey(), widest(e.getValue(), specItem), m, mayBeAbsent, out);
            }
        }
    }

    /** Of several example items, the one with the most children (they all share one shape in the spec). */
    private static Element widest(List<Element> items, Element first) {
        Element best = first;
        for (Element e : items) {
            if (children(e).size() > children(best).size()) {
                best = e;
            }
        }
        return best;
    }

    private static Map<String, List<Element>> children(Element e) {
        Map<String, List<Element>> out = new LinkedHashMap<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.computeIfAbsent(c.getTagName(), k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The element names used anywhere in {@code xml}. */
    static Set<String> names(String xml) {
        Set<String> out = new LinkedHashSet<>();
        collect(parse(xml), out);
        return out;
    }

    private static void collect(Element e, Set<String> out) {
        out.add(e.getTagName());
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, out);
            }
        }
    }
}
