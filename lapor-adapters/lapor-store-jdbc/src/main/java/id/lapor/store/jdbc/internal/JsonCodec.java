package id.lapor.store.jdbc.internal;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.SecretHash;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.ActorRef;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON form of complaints, events and outbox attributes, kept out of the core: the core's records
 * carry no Jackson annotation. Single-value types (tracking numbers, unit, category and region codes,
 * secret hashes) are plain strings; instants are ISO-8601 with every digit the instant has, so what is
 * read equals what was written.
 *
 * <p>A deadline is the string {@code "2026-03-10 Asia/Jakarta"} (with {@code " provisional"} when it is) rather than
 * the object {@code {"due":"2026-03-10T17:00:00Z","lastDay":"2026-03-10","zone":"Asia/Jakarta"}}: its {@code due}
 * is the end of its last day in its zone, so the string says all the object said in a third of the length. Why:
 * PostgreSQL parses every byte of every append and writes it to the table and its WAL, and a started clock carries
 * four to six deadlines; the string form takes 300 characters off a typical dispatch event (1,578 to 1,278) and as
 * many off the complaint's row, which holds the clock. A deadline due at any other instant keeps the object form,
 * and deadline objects written before still read ({@link DeadlineJson}).
 *
 * <p>An event is stored as its envelope (when, by whom, the state it left) with the event record under
 * {@code event} and the record's simple name under {@code type}, and its effects, if any, under
 * {@code effects} as a list of such {@code type} and {@code event} pairs; renaming an event record
 * therefore needs a migration of the stored rows. Rows written by this codec (empty fields left out,
 * effects, deadlines as strings) cannot be read by lapor versions before it: upgrade every node of a database
 * together. Thread-safe.
 */
public final class JsonCodec {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final Map<String, Class<? extends Event>> EVENT_TYPES = eventTypes();

    private final JsonMapper mapper;

    public JsonCodec() {
        SimpleModule values = new SimpleModule("lapor-values");
        string(values, TrackingNumber.class, TrackingNumber::value, TrackingNumber::new);
        string(values, UnitId.class, UnitId::value, UnitId::new);
        string(values, CategoryId.class, CategoryId::value, CategoryId::new);
        string(values, RegionCode.class, RegionCode::value, RegionCode::new);
        string(values, SecretHash.class, SecretHash::encoded, SecretHash::new);
        DeadlineJson.register(values);
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(values)
                // Rows written by a newer lapor (a field added) still read here.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Nulls, empty Optionals and empty collections are left out, which makes a complaint's
                // record about a third shorter; a field left out reads back as null, an empty Optional,
                // or (below) an empty collection, which is what was written.
                .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_ABSENT));
        for (Class<?> collection : List.of(List.class, Set.class, Map.class)) {
            // The collection left out when empty; whatever it holds ("" included) written as it is.
            builder.withConfigOverride(collection, o -> o
                    .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
                    .setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)));
        }
        // Likewise false and 0 in primitive fields, which is what a missing primitive reads back as.
        for (Class<?> primitive : List.of(boolean.class, int.class, long.class)) {
            builder.withConfigOverride(primitive, o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT,
                    JsonInclude.Include.NON_DEFAULT)));
        }
        this.mapper = builder.build();
    }

    /** The name stored in the {@code event_type} column: the event record's simple name, e.g. {@code Verified}. */
    public static String typeOf(Event event) {
        return event.getClass().getSimpleName();
    }

    public String complaint(Complaint complaint) {
        return write(complaint);
    }

    public Complaint complaint(String json) {
        return read(json, Complaint.class, "complaint");
    }

    /** The event without its complaint and version, which are key columns. */
    public String event(RecordedEvent e) {
        List<EffectOut> effects = new ArrayList<>(e.effects().size());
        for (Event effect : e.effects()) {
            effects.add(new EffectOut(typeOf(effect), effect));
        }
        return write(new EventOut(e.at(), e.actor(), e.state(), typeOf(e.event()), e.event(), effects));
    }

    public RecordedEvent event(TrackingNumber complaint, long version, String json) {
        String what = "event " + complaint + "/" + version;
        EventIn in = read(json, EventIn.class, what);
        List<Event> effects = new ArrayList<>(in.effects().size());
        for (EffectIn effect : in.effects()) {
            effects.add(event(what + " (effect)", effect.type(), effect.event()));
        }
        return new RecordedEvent(complaint, version, in.at(), in.actor(), in.state(), event(what, in.type(), in.event()),
                effects);
    }

    private Event event(String what, String typeName, JsonNode tree) {
        Class<? extends Event> type = EVENT_TYPES.get(typeName);
        if (type == null) {
            throw new LaporException(what + " is of unknown type '" + typeName + "'; this lapor knows " + EVENT_TYPES.keySet());
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new LaporException(what + " cannot be read as " + typeName, e);
        }
    }

    public String attributes(Map<String, String> attributes) {
        return write(attributes);
    }

    public Map<String, String> attributes(String json) {
        try {
            return mapper.readValue(json, STRING_MAP);
        } catch (JacksonException e) {
            throw new LaporException("outbox attributes are not a JSON object of strings", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new LaporException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new LaporException(what + " cannot be read from its stored JSON", e);
        }
    }

    private static <T> void string(SimpleModule module, Class<T> type, Function<T, String> write, Function<String, T> read) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                return read.apply(p.getValueAsString());
            }
        });
    }

    private static Map<String, Class<? extends Event>> eventTypes() {
        Map<String, Class<? extends Event>> types = new LinkedHashMap<>();
        for (Class<?> c : Event.class.getPermittedSubclasses()) {
            types.put(c.getSimpleName(), c.asSubclass(Event.class));
        }
        return Map.copyOf(types);
    }

    /** Written: the event record is serialised by its runtime type; its effects likewise, each with its type. */
    private record EventOut(Instant at, ActorRef actor, State state, String type, Event event, List<EffectOut> effects) {
    }

    private record EffectOut(String type, Event event) {
    }

    /** Read: each event stays a tree until its {@code type} says which record it is. */
    private record EventIn(Instant at, ActorRef actor, State state, String type, JsonNode event, List<EffectIn> effects) {
    }

    private record EffectIn(String type, JsonNode event) {
    }
}
