package id.lapor.lab.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HistoryReaderTest {
    static final String GOOD = """
            {"id":"1","kind":"COMPLAINT","channel":"WEB","submittedAt":"2025-03-03T08:00:00+07:00","category":"jalan",\
            "region":"62.71.01.1001","title":"Jalan rusak","body":"Berlubang","weight":"NORMAL","events":[\
            {"type":"VERIFIED","at":"2025-03-03T10:00:00+07:00","unit":"dinas-pupr-palangkaraya"},\
            {"type":"FOLLOWED_UP","at":"2025-03-05T10:00:00Z","note":"sudah ditambal"}]}""";

    @Test
    @DisplayName("a good line becomes a complaint with its events, times read with their offsets")
    void goodLine() {
        HistoryLine h = new HistoryReader().parse(1, GOOD);
        assertThat(h.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(h.channel()).isEqualTo(Channel.WEB);
        assertThat(h.submittedAt()).isEqualTo(Instant.parse("2025-03-03T01:00:00Z"));
        assertThat(h.events()).extracting(HistoryEvent::type).containsExactly(EventType.VERIFIED, EventType.FOLLOWED_UP);
        assertThat(h.events().get(1).at()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
        assertThat(h.events().get(1).note()).isEqualTo("sudah ditambal");
        assertThat(h.routingInput().region().value()).isEqualTo("62.71.01.1001");
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("not JSON", "{\"id\":\"1\",", "not JSON:"),
                Arguments.of("not an object", "[1,2]", "a history line is a JSON object"),
                Arguments.of("missing kind", "{\"id\":\"1\",\"channel\":\"WEB\"}", "kind is required"),
                Arguments.of("unknown kind", "{\"id\":\"1\",\"kind\":\"KELUHAN\"}",
                        "kind 'KELUHAN' is not valid (one of [ASPIRATION, COMPLAINT, INFORMATION_REQUEST])"),
                Arguments.of("time without offset", "{\"id\":\"1\",\"kind\":\"COMPLAINT\",\"channel\":\"SMS\","
                        + "\"submittedAt\":\"2025-03-03T08:00:00\"}", "submittedAt '2025-03-03T08:00:00' is not valid"),
                Arguments.of("bad region", "{\"id\":\"1\",\"kind\":\"COMPLAINT\",\"channel\":\"SMS\","
                        + "\"submittedAt\":\"2025-03-03T08:00:00Z\",\"region\":\"62.70\"}",
                        "region '62.70' is not valid: region code '62.70': 70 is neither a regency (01-69) nor a city"),
                Arguments.of("unknown field", "{\"id\":\"1\",\"kind\":\"COMPLAINT\",\"catgory\":\"jalan\"}",
                        "unknown field 'catgory'"),
                Arguments.of("empty id", "{\"id\":\" \",\"kind\":\"COMPLAINT\"}", "id is empty"),
                Arguments.of("a list for a text", "{\"id\":[1]}", "id is a text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    @DisplayName("a bad line says why")
    void badLines(String name, String line, String reason) {
        assertThatThrownBy(() -> new HistoryReader().parse(7, line)).isInstanceOf(BadLineException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    @DisplayName("events out of time order, before the submission, or of an unknown type are bad")
    void events() {
        String base = "{\"id\":\"1\",\"kind\":\"COMPLAINT\",\"channel\":\"WEB\",\"submittedAt\":\"2025-03-03T08:00:00+07:00\","
                + "\"region\":\"62.71\",\"events\":[%s]}";
        assertThatThrownBy(() -> new HistoryReader().parse(1, base.formatted(
                "{\"type\":\"VERIFIED\",\"at\":\"2025-03-03T07:00:00+07:00\"}")))
                .hasMessage("events[0] (VERIFIED at 2025-03-03T00:00:00Z) is earlier than the submission"
                        + " (2025-03-03T01:00:00Z)");
        assertThatThrownBy(() -> new HistoryReader().parse(1, base.formatted(
                "{\"type\":\"VERIFIED\",\"at\":\"2025-03-04T07:00:00+07:00\"},"
                        + "{\"type\":\"FOLLOWED_UP\",\"at\":\"2025-03-03T09:00:00+07:00\"}")))
                .hasMessageStartingWith("events[1] (FOLLOWED_UP at 2025-03-03T02:00:00Z) is earlier than events[0]");
        assertThatThrownBy(() -> new HistoryReader().parse(1, base.formatted(
                "{\"type\":\"SELESAI\",\"at\":\"2025-03-04T07:00:00+07:00\"}")))
                .hasMessageStartingWith("events[0].type 'SELESAI' is not valid");
        assertThatThrownBy(() -> new HistoryReader().parse(1, base.formatted(
                "{\"type\":\"VERIFIED\",\"at\":\"2025-03-04T07:00:00+07:00\",\"by\":\"admin\"}")))
                .hasMessage("unknown field 'events[0].by'");
    }

    @Test
    @DisplayName("reading goes on past bad lines, numbering every line and refusing a repeated id")
    void readsOn() {
        String text = GOOD + "\n\nnot json\n" + GOOD + "\n" + GOOD.replace("\"id\":\"1\"", "\"id\":\"2\"") + "\n";
        List<HistoryLine> good = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        new HistoryReader().read(new BufferedReader(new StringReader(text)), good::add, bad::add);
        assertThat(good).extracting(HistoryLine::line).containsExactly(1L, 5L);
        assertThat(bad).extracting(BadLine::line).containsExactly(2L, 3L, 4L);
        assertThat(bad).extracting(BadLine::reason).containsExactly("empty line",
                bad.get(1).reason(), "id 1 was already used by an earlier line");
        assertThat(bad.get(1).reason()).startsWith("not JSON: ");
        assertThat(bad.get(2)).hasToString("line 4: id 1 was already used by an earlier line");
    }

    @Test
    @DisplayName("fast time reading and writing agree with java.time for every form")
    void times() {
        for (String t : List.of("2025-03-03T08:00:00+07:00", "2025-12-31T23:59:59-03:30", "2025-02-28T00:00:00+09:00",
                "2024-02-29T12:00:00+08:00", "2025-03-03T08:00:00Z", "2025-03-03T08:00:00.5+07:00")) {
            assertThat(Times.parse(t)).isEqualTo(java.time.OffsetDateTime.parse(t).toInstant());
        }
        assertThatThrownBy(() -> Times.parse("2025-02-30T08:00:00+07:00"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
        java.time.ZoneId wit = java.time.ZoneId.of("Asia/Jayapura");
        assertThat(Times.format(Instant.parse("2025-03-03T15:00:00Z"), wit)).isEqualTo("2025-03-04T00:00:00+09:00");
        assertThat(Times.format(Instant.parse("2025-03-03T15:00:00Z"), java.time.ZoneOffset.UTC))
                .isEqualTo("2025-03-03T15:00:00Z");
    }
}
