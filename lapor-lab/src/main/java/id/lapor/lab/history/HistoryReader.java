package id.lapor.lab.history;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a history in JSON Lines (format: {@code history-line.schema.json}): one complaint per line. A line that
 * cannot be used becomes a {@link BadLine} with its number and reason; nothing is skipped silently (an empty line
 * is a bad line too). Checked here: well-formed JSON, known fields, required values, forms (kind, channel,
 * region, category and unit ids, times with an offset), events in time order and not before the submission, and
 * ids given once. Whether the events follow the lifecycle is checked by the replay.
 */
public final class HistoryReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("id", "kind", "channel", "submittedAt", "category", "region",
            "title", "body", "institution", "weight", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "at", "unit", "note");

    private final Set<String> seenIds = new HashSet<>();
    // Values repeat from line to line; checking their form once is enough.
    private final Map<String, RegionCode> regions = new ConcurrentHashMap<>();
    private final Map<String, CategoryId> categories = new ConcurrentHashMap<>();
    private final Map<String, UnitId> units = new ConcurrentHashMap<>();

    /**
     * Reads every line of {@code in}, handing each good one to {@code good} and each bad one to {@code bad}, in
     * file order. A repeated id makes the later line bad.
     */
    public void read(BufferedReader in, Consumer<HistoryLine> good, Consumer<BadLine> bad) {
        long number = 0;
        try {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                try {
                    good.accept(parse(number, text));
                } catch (BadLineException e) {
                    bad.accept(new BadLine(number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history after line " + number, e);
        }
    }

    /** One line; throws {@link BadLineException} saying what is wrong. Remembers the id to refuse repeats. */
    public HistoryLine parse(long number, String text) {
        HistoryLine line = parseAlone(number, text);
        checkId(line);
        return line;
    }

    /**
     * Refuses a line whose id an earlier line used: call it in file order, after {@link #parseAlone}.
     *
     * @throws BadLineException for a repeated id
     */
    public void checkId(HistoryLine line) {
        if (!seenIds.add(line.id())) {
            throw new BadLineException("id " + line.id() + " was already used by an earlier line");
        }
    }

    /**
     * One line on its own, without the check that its id is new; safe to call from several threads at once.
     *
     * @throws BadLineException saying what is wrong
     */
    public HistoryLine parseAlone(long number, String text) {
        if (text.isBlank()) {
            throw new BadLineException("empty line");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new BadLineException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLineException("a history line is a JSON object");
        }
        unknownFields(node, FIELDS, "");
        String id = required(node, "id", s -> s, "");
        if (id.isBlank()) {
            throw new BadLineException("id is empty");
        }
        Kind kind = required(node, "kind", s -> Enum.valueOf(Kind.class, s), values(Kind.values()));
        Channel channel = required(node, "channel", s -> Enum.valueOf(Channel.class, s), values(Channel.values()));
        Instant submitted = required(node, "submittedAt", HistoryReader::instant, "");
        Optional<CategoryId> category = optional(node, "category", c -> cached(categories, c, CategoryId::of), "");
        RegionCode region = required(node, "region", r -> cached(regions, r, RegionCode::of), "");
        String title = optional(node, "title", s -> s, "").orElse("");
        String body = optional(node, "body", s -> s, "").orElse("");
        Optional<UnitId> institution = optional(node, "institution", u -> cached(units, u, UnitId::of), "");
        Optional<Weight> weight = optional(node, "weight", s -> Enum.valueOf(Weight.class, s), values(Weight.values()));
        List<HistoryEvent> events = new ArrayList<>();
        JsonNode list = node.get("events");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new BadLineException("events is a list");
            }
            Instant previous = submitted;
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String where = "events[" + i + "]";
                if (!e.isObject()) {
                    throw new BadLineException(where + " is not an object");
                }
                unknownFields(e, EVENT_FIELDS, where + ".");
                EventType type = required(e, "type", s -> Enum.valueOf(EventType.class, s), values(EventType.values()),
                        where + ".");
                Instant at = required(e, "at", HistoryReader::instant, "", where + ".");
                if (at.isBefore(previous)) {
                    throw new BadLineException(where + " (" + type + " at " + at + ") is earlier than "
                            + (i == 0 ? "the submission" : "events[" + (i - 1) + "]") + " (" + previous + ")");
                }
                previous = at;
                Optional<UnitId> unit = optional(e, "unit", u -> cached(units, u, UnitId::of), "", where + ".");
                String note = optional(e, "note", s -> s, "", where + ".").orElse("");
                events.add(new HistoryEvent(type, at, unit, note));
            }
        }
        return new HistoryLine(number, id, kind, channel, submitted, category, region, title, body, institution,
                weight, events);
    }

    private static <T> T cached(Map<String, T> cache, String text, Function<String, T> parse) {
        T value = cache.get(text);
        if (value == null) {
            value = parse.apply(text);
            if (cache.size() < 1_000_000) {
                cache.put(text, value);
            }
        }
        return value;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new BadLineException("unknown field '" + prefix + name + "'");
            }
        }
    }

    private static <T> T required(JsonNode node, String field, Function<String, T> parse, String allowed) {
        return required(node, field, parse, allowed, "");
    }

    private static <T> T required(JsonNode node, String field, Function<String, T> parse, String allowed,
                                  String prefix) {
        return optional(node, field, parse, allowed, prefix)
                .orElseThrow(() -> new BadLineException(prefix + field + " is required"));
    }

    private static <T> Optional<T> optional(JsonNode node, String field, Function<String, T> parse, String allowed) {
        return optional(node, field, parse, allowed, "");
    }

    private static <T> Optional<T> optional(JsonNode node, String field, Function<String, T> parse, String allowed,
                                            String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isString() && !v.isNumber()) {
            throw new BadLineException(prefix + field + " is a text");
        }
        String text = v.asString();
        try {
            return Optional.of(parse.apply(text));
        } catch (LaporException | IllegalArgumentException | DateTimeParseException e) {
            String why = e instanceof LaporException ? ": " + e.getMessage() : "";
            throw new BadLineException(prefix + field + " '" + text + "' is not valid" + why + allowed);
        }
    }

    private static Instant instant(String text) {
        // An offset is required: a local time would be read differently in WIB, WITA and WIT.
        return Times.parse(text);
    }

    private static String values(Enum<?>[] values) {
        return " (one of " + Arrays.toString(values) + ")";
    }

    /** For tests: the fields a line may have. */
    static Map<String, Set<String>> fields() {
        return Map.of("line", FIELDS, "event", EVENT_FIELDS);
    }
}
