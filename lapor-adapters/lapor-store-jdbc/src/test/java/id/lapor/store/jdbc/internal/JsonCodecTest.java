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
    @DisplayName("a row written before a field existed reads with the field empty; a field this lapor does not know is skipped")
    void rowsOfOtherVersions() {
        String text = json.complaint(complaint);
        String older = text.replace("\"clock\":null,", "").replace("\"weight\":null,", "");
        String newer = text.replace("{\"trackingNumber\"", "{\"someFutureField\":{\"a\":1},\"trackingNumber\"");

        assertThat(older).doesNotContain("\"clock\"");
        assertThat(json.complaint(older)).isEqualTo(complaint);
        assertThat(json.complaint(newer)).isEqualTo(complaint);
    }

    @Test
    @DisplayName("an event is stored with its type name and comes back as that record")
    void eventEnvelope() {
        String text = json.event(first);

        assertThat(text).contains("\"type\":\"Submitted\"", "\"at\":\"2026-01-01T00:00:00.123456789Z\"");
        assertThat(json.event(first.complaint(), 1, text)).isEqualTo(first);
        assertThatThrownBy(() -> json.event(first.complaint(), 1, text.replace("\"Submitted\"", "\"Teleported\"")))
                .isInstanceOf(LaporException.class).hasMessageContaining("unknown type 'Teleported'");
    }
}
