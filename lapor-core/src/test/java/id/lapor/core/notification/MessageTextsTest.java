package id.lapor.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageTextsTest {
    private static final TrackingNumber NUMBER = TrackingNumber.withCheckDigit("7067462248");
    private static final MessageTexts TEXTS = MessageTexts.standard();

    static List<String> topics() {
        return List.of("complaint.received", "complaint.submitted", "complaint.verified", "complaint.dispatched",
                "complaint.on-hold", "complaint.returned-for-routing", "complaint.archived", "follow-up.awaiting-approval",
                "complaint.followed-up", "follow-up.returned", "complaint.reporter-replied", "complaint.rated",
                "complaint.completed", "complaint.escalated", "sla.warning", "sla.breached");
    }

    private static OutboxMessage message(String topic) {
        return new OutboxMessage(NUMBER + "/1", NUMBER, Recipient.reporter(), topic,
                Map.of("trackingNumber", NUMBER.value(), "state", "SUBMITTED"), Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    @DisplayName("every standard topic has an Indonesian and an English text that fits one plain SMS")
    void everyTopicFitsOneSms(String topic) {
        for (String language : List.of("id", "en")) {
            NotificationText t = TEXTS.render(message(topic), language);
            assertThat(t.language()).isEqualTo(language);
            assertThat(t.body()).startsWith("LAPOR " + NUMBER + ": ").doesNotContain("{").hasSizeLessThanOrEqualTo(160);
            assertThat(t.body().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(t.subject()).isNotBlank();
        }
    }

    @Test
    @DisplayName("a language without texts falls back to English; an unknown topic to a generic text naming it")
    void fallbacks() {
        assertThat(TEXTS.render(message("complaint.verified"), "jv").body())
                .isEqualTo("LAPOR " + NUMBER + ": your report was verified and sent to the responsible institution.");
        assertThat(TEXTS.render(message("custom.thing"), "id").body())
                .isEqualTo("LAPOR " + NUMBER + ": ada pembaruan laporan (custom.thing).");
        assertThat(TEXTS.render(message("custom.thing"), "jv").body())
                .isEqualTo("LAPOR " + NUMBER + ": update on report (custom.thing).");
    }

    @Test
    @DisplayName("a host replaces a text and may use the state and any attribute")
    void override() {
        MessageTexts mine = TEXTS.with("id", "complaint.received", "Diterima", "LAPOR {trackingNumber} ({state}) {missing}");
        assertThat(mine.render(message("complaint.received"), "id").body())
                .isEqualTo("LAPOR " + NUMBER + " (diterima, menunggu verifikasi) {missing}");
        assertThat(mine.state(State.FOLLOWED_UP, "en")).isEqualTo("followed up");
        assertThat(TEXTS.render(message("complaint.received"), "id").body()).contains("telah kami terima");
    }
}
