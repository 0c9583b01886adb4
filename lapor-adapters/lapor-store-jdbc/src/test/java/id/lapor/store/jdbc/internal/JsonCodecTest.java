package id.lapor.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.LaporException;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.SecretHash;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.ActorRef;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private final JsonCodec json = new JsonCodec();
    private final RecordedEvent first = new RecordedEvent(TrackingNumber.withCheckDigit("1234567890"), 1,
            Instant.parse("2026-01-01T00:00:00.123456789Z"), new ActorRef(Role.REPORTER, "reporter", Optional.empty()),
            State.SUBMITTED, new Event.Submitted(Kind.COMPLAINT, Channel.WEB, "Judul", "Isi", null, Location.of("62.71"), null,
                    Set.of(), List.of(), Reporter.phoneOnly("+6281234567890"), false, false, null, Priority.NORMAL,
                    new SecretHash("c2FsdA==:aGFzaA=="), null));
    private final Complaint complaint = Complaint.start(first);

    @Test
    @DisplayName("single values are plain strings and instants keep every digit")
    void plainValues() {
        String text = json.complaint(complaint);

        assertThat(text).contains("\"trackingNumber\":\"12345678906\"", "\"region\":\"62.71\"", "\"secret\":\"c2FsdA==:aGFzaA==\"",
                "\"submittedAt\":\"2026-01-01T00:00:00.123456789Z\"");
        assertThat(json.complaint(text)).isEqualTo(complaint);
    }

    @Test
    @DisplayName("a row with explicit nulls and empties (as earlier lapor wrote them) reads the same; an unknown field is skipped")
    void rowsOfOtherVersions() {
        String text = json.complaint(complaint);
        String older = text.replace("{\"trackingNumber\"", "{\"clock\":null,\"weight\":null,\"tags\":[],\"escalationLevel\":0,"
                + "\"anonymous\":false,\"trackingNumber\"");
        String newer = text.replace("{\"trackingNumber\"", "{\"someFutureField\":{\"a\":1},\"trackingNumber\"");

        assertThat(text).as("empty fields are left out").doesNotContain("\"clock\"", "\"tags\"", "\"anonymous\"", "null");
        assertThat(json.complaint(older)).isEqualTo(complaint);
        assertThat(json.complaint(newer)).isEqualTo(complaint);
    }

    @Test
    @DisplayName("outbox attributes keep empty values; an empty map reads back empty")
    void attributes() {
        Map<String, String> attributes = Map.of("empty", "", "unit", "kel-langkai");

        assertThat(json.attributes(json.attributes(attributes))).isEqualTo(attributes);
        assertThat(json.attributes(json.attributes(Map.of()))).isEmpty();
    }

    @Test
    @DisplayName("an event is stored with its type name and comes back as that record")
    void eventEnvelope() {
        String text = json.event(first);

        assertThat(text).contains("\"type\":\"Submitted\"", "\"at\":\"2026-01-01T00:00:00.123456789Z\"");
        assertThat(json.event(first.complaint(), 1, text)).isEqualTo(first);
        RecordedEvent routed = first.withEffects(List.of(new Event.Routed("policy@2", null, null, "tidak ada aturan yang cocok")));
        String withEffects = json.event(routed);
        assertThat(withEffects).contains("\"effects\":[{\"type\":\"Routed\"");
        assertThat(json.event(first.complaint(), 1, withEffects)).isEqualTo(routed);
        assertThatThrownBy(() -> json.event(first.complaint(), 1, text.replace("\"Submitted\"", "\"Teleported\"")))
                .isInstanceOf(LaporException.class).hasMessageContaining("unknown type 'Teleported'");
    }
}
