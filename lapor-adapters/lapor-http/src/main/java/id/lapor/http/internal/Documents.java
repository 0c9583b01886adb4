package id.lapor.http.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Map.Entry;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.JsonNode;

/**
 * Writes one document tree as JSON or as the schemaless XML of GeoReport v2. The XML follows the
 * spec's mapping: an array is an element holding one child per item, the child named after the array
 * (services / service, service_requests / request, attributes / attribute ...); null is an empty element.
 */
public final class Documents {
    /** Item element names of the arrays GeoReport v2 and its extensions use. */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format",
            "service_request_updates", "request_update");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Documents() {
    }

    public static byte[] json(JsonNode document) {
        return Json.write(document);
    }

    /** The document as XML with {@code root} as its root element, preceded by the XML declaration. */
    public static byte[] xml(String root, JsonNode document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            element(w, root, document);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write XML document " + root, e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull()) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalStateException("no XML item name for array " + name);
            }
            for (JsonNode child : node) {
                element(w, item, child);
            }
        } else if (node.isObject()) {
            for (Entry<String, JsonNode> field : node.properties()) {
                element(w, field.getKey(), field.getValue());
            }
        } else {
            w.writeCharacters(Texts.xmlSafe(node.asString()));
        }
        w.writeEndElement();
    }
}
