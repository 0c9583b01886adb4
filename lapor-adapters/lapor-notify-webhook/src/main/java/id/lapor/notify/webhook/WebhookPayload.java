package id.lapor.notify.webhook;

import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON body of a webhook POST: one flat object, keys in a fixed order, UTF-8.
 *
 * <pre>{@code
 * {"id":"70674622482/3#unit:dinas-pupr","event":"70674622482/3","topic":"complaint.dispatched",
 *  "trackingNumber":"70674622482","recipient":"unit:dinas-pupr","createdAt":"2026-04-14T02:00:00Z",
 *  "attempt":1,"attributes":{"event":"Verified","state":"DISPATCHED","trackingNumber":"70674622482"},
 *  "language":"id","subject":"Disposisi laporan","text":"LAPOR 70674622482: ..."}
 * }</pre>
 *
 * It carries what the outbox message carries, never the reporter's personal data; a receiver that needs
 * the complaint reads it through the officers' API with its own credentials.
 */
final class WebhookPayload {
    private WebhookPayload() {
    }

    static byte[] of(Delivery delivery) {
        OutboxMessage m = delivery.message();
        StringBuilder json = new StringBuilder(512).append('{');
        field(json, "id", m.id()).append(',');
        field(json, "event", m.eventId()).append(',');
        field(json, "topic", m.topic()).append(',');
        field(json, "trackingNumber", m.complaint().value()).append(',');
        field(json, "recipient", m.recipient().key()).append(',');
        field(json, "createdAt", m.createdAt().toString()).append(',');
        json.append("\"attempt\":").append(delivery.attempt()).append(',');
        json.append("\"attributes\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(m.attributes()).entrySet()) {
            if (!first) {
                json.append(',');
            }
            field(json, e.getKey(), e.getValue());
            first = false;
        }
        json.append("},");
        field(json, "language", delivery.text().language()).append(',');
        field(json, "subject", delivery.text().subject()).append(',');
        field(json, "text", delivery.text().body());
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        string(json, name).append(':');
        return string(json, value);
    }

    static StringBuilder string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
