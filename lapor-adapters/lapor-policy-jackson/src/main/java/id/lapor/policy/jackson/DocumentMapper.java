package id.lapor.policy.jackson;

import id.lapor.core.policy.PolicyDocument;
import id.lapor.core.policy.PolicyDocument.CalendarEntry;
import id.lapor.core.policy.PolicyDocument.CategoryEntry;
import id.lapor.core.policy.PolicyDocument.EscalationEntry;
import id.lapor.core.policy.PolicyDocument.RuleEntry;
import id.lapor.core.policy.PolicyDocument.SmsKeywordEntry;
import id.lapor.core.policy.PolicyDocument.UnitCalendarEntry;
import id.lapor.core.policy.PolicyDocument.UnitEntry;
import id.lapor.core.policy.PolicyLines;
import id.lapor.core.policy.PolicyProblem;
import id.lapor.core.policy.ProblemKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Maps the parsed tree onto {@link PolicyDocument}: checks the shape only (objects, lists, texts, numbers, and
 * no unknown field); the meaning is the core validator's. A value of the wrong type is reported and read as
 * absent.
 */
final class DocumentMapper {
    /** The fields of each object of the format, by object: kept equal to the JSON Schema by a test. */
    static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("policy", Set.of("$schema", "id", "version", "name", "effective", "units", "categories",
                    "calendars", "sla", "escalation", "routing", "sms")),
            Map.entry("effective", Set.of("from", "until", "zone")),
            Map.entry("unit", Set.of("id", "name", "level", "parent", "zone", "region", "approval")),
            Map.entry("category", Set.of("id", "name", "parent")),
            Map.entry("calendars", Set.of("default", "units")),
            Map.entry("calendar", Set.of("id", "version")),
            Map.entry("unitCalendar", Set.of("unit", "id", "version")),
            Map.entry("sla", Set.of("verificationDays", "followUpDays", "replyWindowDays", "resolutionDays",
                    "warningShare")),
            Map.entry("escalationRule", Set.of("name", "stage", "level", "on", "afterDays", "actions")),
            Map.entry("routing", Set.of("verifiers", "rules")),
            Map.entry("rule", Set.of("name", "unit", "kinds", "channels", "category", "region", "keywords",
                    "institutions", "note")),
            Map.entry("sms", Set.of("keywords", "confidential", "anonymous")),
            Map.entry("smsKeyword", Set.of("keyword", "unit")));

    private final PolicyLines lines;
    final List<PolicyProblem> problems = new ArrayList<>();

    DocumentMapper(PolicyLines lines) {
        this.lines = lines;
    }

    PolicyDocument map(Node root) {
        Node.Obj o = object(root, "policy");
        if (o == null) {
            return new PolicyDocument(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new PolicyDocument(
                text(o, "id"), integer(o, "version"), text(o, "name"),
                nested(o, "effective", e -> new PolicyDocument.Effective(text(e, "from"), text(e, "until"),
                        text(e, "zone"))),
                list(o, "units", "unit", u -> new UnitEntry(text(u, "id"), text(u, "name"), text(u, "level"),
                        text(u, "parent"), text(u, "zone"), text(u, "region"), bool(u, "approval"))),
                list(o, "categories", "category", c -> new CategoryEntry(text(c, "id"), text(c, "name"),
                        text(c, "parent"))),
                nested(o, "calendars", c -> new PolicyDocument.Calendars(
                        nested(c, "default", "calendar", d -> new CalendarEntry(text(d, "id"), integer(d, "version"))),
                        list(c, "units", "unitCalendar", u -> new UnitCalendarEntry(text(u, "unit"), text(u, "id"),
                                integer(u, "version"))))),
                nested(o, "sla", s -> new PolicyDocument.Sla(integer(s, "verificationDays"), integer(s, "followUpDays"),
                        integer(s, "replyWindowDays"), integers(s, "resolutionDays"), decimal(s, "warningShare"))),
                list(o, "escalation", "escalationRule", e -> new EscalationEntry(text(e, "name"), text(e, "stage"),
                        integer(e, "level"), text(e, "on"), integer(e, "afterDays"), texts(e, "actions"))),
                nested(o, "routing", r -> new PolicyDocument.Routing(text(r, "verifiers"),
                        list(r, "rules", "rule", x -> new RuleEntry(text(x, "name"), text(x, "unit"), texts(x, "kinds"),
                                texts(x, "channels"), text(x, "category"), text(x, "region"), texts(x, "keywords"),
                                texts(x, "institutions"), text(x, "note"))))),
                nested(o, "sms", s -> new PolicyDocument.Sms(
                        list(s, "keywords", "smsKeyword", k -> new SmsKeywordEntry(text(k, "keyword"), text(k, "unit"))),
                        texts(s, "confidential"), texts(s, "anonymous"))));
    }

    private void problem(String path, ProblemKind kind, String message) {
        problems.add(new PolicyProblem(path, lines.lineOf(path), kind, message));
    }

    /** The node as an object of {@code kind}, reporting unknown fields; null when it is not an object. */
    private Node.Obj object(Node n, String kind) {
        if (!(n instanceof Node.Obj o)) {
            problem(n.path(), ProblemKind.WRONG_TYPE, "expected an object, found " + n.describe());
            return null;
        }
        Set<String> known = FIELDS.get(kind);
        for (String name : o.fields().keySet()) {
            if (!known.contains(name)) {
                String path = o.path().isEmpty() ? name : o.path() + "." + name;
                problem(path, ProblemKind.UNKNOWN_FIELD, "unknown field '" + name + "' (known here: "
                        + new TreeSet<>(known) + ")");
            }
        }
        return o;
    }

    private static Node field(Node.Obj o, String name) {
        Node n = o.fields().get(name);
        return n instanceof Node.Null ? null : n;
    }

    private <T> T nested(Node.Obj o, String name, Function<Node.Obj, T> read) {
        return nested(o, name, name, read);
    }

    private <T> T nested(Node.Obj o, String name, String kind, Function<Node.Obj, T> read) {
        Node n = field(o, name);
        if (n == null) {
            return null;
        }
        Node.Obj child = object(n, kind);
        return child == null ? null : read.apply(child);
    }

    private <T> List<T> list(Node.Obj o, String name, String kind, Function<Node.Obj, T> read) {
        Node n = field(o, name);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.Arr a)) {
            problem(n.path(), ProblemKind.WRONG_TYPE, "expected a list, found " + n.describe());
            return null;
        }
        List<T> out = new ArrayList<>();
        for (Node item : a.items()) {
            if (item instanceof Node.Null) {
                out.add(null);
                continue;
            }
            Node.Obj child = object(item, kind);
            out.add(child == null ? null : read.apply(child));
        }
        return out;
    }

    private String text(Node.Obj o, String name) {
        Node n = field(o, name);
        return n == null ? null : text(n);
    }

    private String text(Node n) {
        if (n instanceof Node.Scalar s && !s.type().equals("boolean")) {
            // A number where a text is expected (a region 62.71, a year) is taken as written.
            return s.text();
        }
        problem(n.path(), ProblemKind.WRONG_TYPE, "expected a text, found " + n.describe());
        return null;
    }

    private List<String> texts(Node.Obj o, String name) {
        Node n = field(o, name);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.Arr a)) {
            problem(n.path(), ProblemKind.WRONG_TYPE, "expected a list of texts, found " + n.describe());
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : a.items()) {
            out.add(item instanceof Node.Null ? null : text(item));
        }
        return out;
    }

    private Integer integer(Node.Obj o, String name) {
        Node n = field(o, name);
        return n == null ? null : integer(n);
    }

    private Integer integer(Node n) {
        if (n instanceof Node.Scalar s && s.type().equals("integer")) {
            Number v = (Number) s.value();
            if (v.longValue() == v.intValue()) {
                return v.intValue();
            }
        }
        problem(n.path(), ProblemKind.WRONG_TYPE, "expected a whole number, found " + n.describe()
                + (n instanceof Node.Scalar s ? " '" + s.text() + "'" : ""));
        return null;
    }

    private Double decimal(Node.Obj o, String name) {
        Node n = field(o, name);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && (s.type().equals("integer") || s.type().equals("decimal"))) {
            return ((Number) s.value()).doubleValue();
        }
        problem(n.path(), ProblemKind.WRONG_TYPE, "expected a number, found " + n.describe());
        return null;
    }

    private Boolean bool(Node.Obj o, String name) {
        Node n = field(o, name);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && s.type().equals("boolean")) {
            return (Boolean) s.value();
        }
        problem(n.path(), ProblemKind.WRONG_TYPE, "expected true or false, found " + n.describe());
        return null;
    }

    private Map<String, Integer> integers(Node.Obj o, String name) {
        Node n = field(o, name);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.Obj m)) {
            problem(n.path(), ProblemKind.WRONG_TYPE, "expected an object of whole numbers, found " + n.describe());
            return null;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        m.fields().forEach((k, v) -> {
            Integer i = v instanceof Node.Null ? null : integer(v);
            if (i != null) {
                out.put(k, i);
            }
        });
        return out;
    }
}
