package id.lapor.http.internal;

import id.lapor.core.InvalidValueException;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.sla.EscalationAction;
import id.lapor.http.internal.HttpFailure.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a lifecycle command from the officer API: the kind from the path ({@code post-follow-up}), the
 * fields from a JSON object named as the command's record components. Type errors, unknown fields and
 * malformed ids are reported here, all at once; the command's own constraints are checked by lapor.
 */
public final class CommandReader {
    /** The fields each command takes, in the order the OpenAPI document lists them. */
    public static final Map<CommandKind, List<String>> FIELDS = new EnumMap<>(CommandKind.class);

    static {
        FIELDS.put(CommandKind.VERIFY, List.of("unit", "weight", "kind", "title", "category", "tags", "anonymous", "confidential"));
        FIELDS.put(CommandKind.HOLD, List.of("reason"));
        FIELDS.put(CommandKind.RESUME, List.of("note"));
        FIELDS.put(CommandKind.NOT_OUR_AUTHORITY, List.of("reason"));
        FIELDS.put(CommandKind.ARCHIVE, List.of("reason", "note"));
        FIELDS.put(CommandKind.FORWARD, List.of("unit", "note"));
        FIELDS.put(CommandKind.REASSIGN, List.of("unit", "reason"));
        FIELDS.put(CommandKind.POST_FOLLOW_UP, List.of("text"));
        FIELDS.put(CommandKind.APPROVE_FOLLOW_UP, List.of());
        FIELDS.put(CommandKind.RETURN_FOLLOW_UP, List.of("reason"));
        FIELDS.put(CommandKind.REPLY, List.of("text"));
        FIELDS.put(CommandKind.RATE, List.of("score", "comment"));
        FIELDS.put(CommandKind.COMPLETE, List.of("note"));
        FIELDS.put(CommandKind.ESCALATE, List.of("level", "reason", "actions"));
    }

    private final ObjectNode body;
    private final List<Problem> problems = new ArrayList<>();

    private CommandReader(ObjectNode body) {
        this.body = body;
    }

    /** The path segment of a kind: {@code POST_FOLLOW_UP} is {@code post-follow-up}. */
    public static String segment(CommandKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The command kind a path segment names.
     *
     * @throws HttpFailure 404 for anything but the kinds in {@link #FIELDS} (SUBMIT is not a command on a complaint)
     */
    public static CommandKind kind(String segment) {
        for (CommandKind k : FIELDS.keySet()) {
            if (segment(k).equals(segment)) {
                return k;
            }
        }
        throw HttpFailure.notFound("no command " + Texts.shown(segment, 40) + "; commands: "
                + FIELDS.keySet().stream().map(CommandReader::segment).collect(Collectors.joining(", ")));
    }

    /**
     * The command of {@code kind} with the body's fields.
     *
     * @throws HttpFailure 400 listing every unknown field, wrong type and malformed value
     */
    public static Command read(CommandKind kind, ObjectNode body) {
        CommandReader r = new CommandReader(body);
        List<String> known = FIELDS.get(kind);
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                r.problems.add(new Problem(Texts.shown(name, 40), "is not a field of " + segment(kind)
                        + (known.isEmpty() ? ", which takes none" : "; its fields: " + String.join(", ", known))));
            }
        }
        Command command = r.build(kind);
        if (!r.problems.isEmpty()) {
            throw HttpFailure.badRequest(r.problems);
        }
        return command;
    }

    private Command build(CommandKind kind) {
        switch (kind) {
            case VERIFY:
                return new Command.Verify(unit("unit"), enumOf("weight", Weight.class), enumOf("kind", Kind.class), string("title"),
                        category("category"), strings("tags"), bool("anonymous"), bool("confidential"));
            case HOLD:
                return new Command.Hold(string("reason"));
            case RESUME:
                return new Command.Resume(string("note"));
            case NOT_OUR_AUTHORITY:
                return new Command.NotOurAuthority(string("reason"));
            case ARCHIVE:
                return new Command.Archive(enumOf("reason", ArchiveReason.class), string("note"));
            case FORWARD:
                return new Command.Forward(unit("unit"), string("note"));
            case REASSIGN:
                return new Command.Reassign(unit("unit"), string("reason"));
            case POST_FOLLOW_UP:
                return new Command.PostFollowUp(string("text"));
            case APPROVE_FOLLOW_UP:
                return new Command.ApproveFollowUp();
            case RETURN_FOLLOW_UP:
                return new Command.ReturnFollowUp(string("reason"));
            case REPLY:
                return new Command.Reply(string("text"));
            case RATE:
                return new Command.Rate(requiredInt("score"), string("comment"));
            case COMPLETE:
                return new Command.Complete(string("note"));
            case ESCALATE:
                Set<String> names = strings("actions");
                Set<EscalationAction> actions = EnumSet.noneOf(EscalationAction.class);
                if (names != null) {
                    for (String n : names) {
                        EscalationAction a = constant("actions", n, EscalationAction.class);
                        if (a != null) {
                            actions.add(a);
                        }
                    }
                }
                return new Command.Escalate(requiredInt("level"), string("reason"), null, actions);
            default:
                throw new IllegalArgumentException(kind + " is not read from the officer API");
        }
    }

    private JsonNode field(String name) {
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? null : n;
    }

    private String string(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isString()) {
            problems.add(new Problem(name, "must be a string"));
            return null;
        }
        return n.asString();
    }

    private Boolean bool(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            problems.add(new Problem(name, "must be true or false"));
            return null;
        }
        return n.asBoolean();
    }

    private int requiredInt(String name) {
        JsonNode n = field(name);
        if (n == null) {
            problems.add(new Problem(name, "is required"));
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problems.add(new Problem(name, "must be a whole number"));
            return 0;
        }
        return n.asInt();
    }

    private Set<String> strings(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            problems.add(new Problem(name, "must be an array of strings"));
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode item : n) {
            if (!item.isString()) {
                problems.add(new Problem(name, "must be an array of strings"));
                return null;
            }
            out.add(item.asString());
        }
        return out;
    }

    private UnitId unit(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return UnitId.of(text);
        } catch (InvalidValueException e) {
            problems.add(new Problem(name, e.getMessage()));
            return null;
        }
    }

    private CategoryId category(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return CategoryId.of(text);
        } catch (InvalidValueException e) {
            problems.add(new Problem(name, e.getMessage()));
            return null;
        }
    }

    private <E extends Enum<E>> E enumOf(String name, Class<E> type) {
        String text = string(name);
        return text == null ? null : constant(name, text, type);
    }

    private <E extends Enum<E>> E constant(String name, String text, Class<E> type) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(normal)) {
                return e;
            }
        }
        problems.add(new Problem(name, Texts.shown(text, 40) + " is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }
}
