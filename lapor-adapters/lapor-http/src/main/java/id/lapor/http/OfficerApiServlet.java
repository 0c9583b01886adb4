package id.lapor.http;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Violation;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.lifecycle.State;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.Views;
import id.lapor.http.internal.Answer;
import id.lapor.http.internal.Bodies;
import id.lapor.http.internal.CommandReader;
import id.lapor.http.internal.HttpFailure;
import id.lapor.http.internal.HttpFailure.Problem;
import id.lapor.http.internal.Idempotency;
import id.lapor.http.internal.Json;
import id.lapor.http.internal.OfficerDocuments;
import id.lapor.http.internal.Params;
import id.lapor.http.internal.Texts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer API (JSON): register it under e.g. {@code /api/v1/*}. Who calls is told by a
 * {@link CallerResolver}; what they may do and see is decided by lapor from their role and unit.
 *
 * <ul>
 *   <li>{@code GET complaints/{n}}: the complaint with its history and SLA clock, as the caller may see it;
 *       {@code ETag} is its version.
 *   <li>{@code POST complaints/{n}/commands/{kind}}: a lifecycle command, the body its fields; {@code If-Match}
 *       or {@code ?expectedVersion=} makes it conditional. 200 accepted; 400 invalid; 403 refused for the
 *       role or scope; 404 no such complaint for this caller; 409 refused by the lifecycle, or changed since.
 *   <li>{@code GET queue}: the complaints of the caller's unit and below, next deadline first (a verifier's
 *       also holds the unrouted ones from their region).
 *   <li>{@code GET statistics}: received, completed, archived and in progress per month, on-time rate per unit.
 *   <li>{@code GET openapi.yaml}: the OpenAPI document of all this (no credentials needed).
 * </ul>
 *
 * Errors are problem documents: {@code {"status", "code", "detail", "violations": [{"field", "message"}]}}.
 */
public final class OfficerApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(OfficerApiServlet.class);
    /** The SLF4J MDC key holding the tracking number while a request about one complaint is handled. */
    public static final String MDC_TRACKING_NUMBER = "trackingNumber";
    /** The classpath resource of the OpenAPI document. */
    public static final String OPENAPI_RESOURCE = "/id/lapor/http/openapi.yaml";
    private static final int SCAN = 500;
    private static final Set<Role> QUEUE_ROLES = EnumSet.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.LIAISON_OFFICER, Role.SUPERVISOR);

    private final transient Lapor lapor;
    private final transient ComplaintSearch search;
    private final transient Views views;
    private final transient CallerResolver callers;
    private final transient Statistics statistics;
    private final transient Idempotency idempotency;
    private final transient HttpLimits limits;
    private final int defaultPageSize;
    private final int unroutedScanLimit;
    private final transient byte[] openapi;

    private OfficerApiServlet(Builder b) {
        this.lapor = b.lapor;
        this.search = b.search;
        this.views = new Views(b.lapor.directory());
        this.callers = b.callers;
        this.statistics = new Statistics(b.search, b.histories, b.lapor.directory(), b.lapor.clock());
        this.idempotency = new Idempotency(b.idempotency != null ? b.idempotency : new InMemoryIdempotencyStore(b.lapor.clock()));
        this.limits = b.limits;
        this.defaultPageSize = Math.min(50, b.limits.maxPageSize());
        this.unroutedScanLimit = b.unroutedScanLimit;
        this.openapi = readOpenApi();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static byte[] readOpenApi() {
        try (InputStream in = OfficerApiServlet.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing from the lapor-http jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            serve(request, response);
        } finally {
            MDC.remove(MDC_TRACKING_NUMBER);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String route = "(unparsed path)";
        Answer answer;
        try {
            List<String> s = segments(request.getPathInfo());
            route = routeName(s);
            answer = handle(method, s, request);
        } catch (HttpFailure f) {
            answer = problem(f);
        } catch (RuntimeException e) {
            log.error("officer API {} {} failed", method, route, e);
            answer = problem(HttpFailure.of(500, "internal_error", "the request could not be handled"));
        }
        log.debug("officer API {} {} -> {}", method, route, answer.status());
        answer.writeTo(response, "HEAD".equals(method));
    }

    private static List<String> segments(String pathInfo) {
        List<String> out = new ArrayList<>();
        if (pathInfo != null) {
            for (String s : pathInfo.split("/")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String routeName(List<String> s) {
        if (s.size() >= 2 && s.get(0).equals("complaints")) {
            return s.size() == 4 ? "/complaints/{n}/commands/" + Texts.shown(s.get(3), 30) : "/complaints/{n}";
        }
        return s.isEmpty() ? "/" : "/" + Texts.shown(s.get(0), 30);
    }

    private Answer handle(String method, List<String> s, HttpServletRequest request) {
        if (s.size() == 1 && s.get(0).equals("openapi.yaml")) {
            allow(method, "GET, HEAD");
            return Answer.of(200, "application/yaml; charset=utf-8", openapi);
        }
        Actor actor = callers.resolve(request).filter(a -> a.role() != Role.PUBLIC).orElseThrow(() -> new HttpFailure(401,
                "unauthorized", List.of(new Problem(null, "no credentials, or credentials not recognised: send Authorization: Bearer <API key>")),
                Map.of("WWW-Authenticate", "Bearer realm=\"lapor\"")));
        if (actor.role() == Role.SYSTEM) {
            // lapor's own role acts on everything; no HTTP caller may borrow it, whatever a resolver says.
            throw HttpFailure.forbidden("the officer API does not act as the system");
        }
        if (s.size() == 1 && s.get(0).equals("queue")) {
            allow(method, "GET, HEAD");
            return queue(actor, query(request));
        }
        if (s.size() == 1 && s.get(0).equals("statistics")) {
            allow(method, "GET, HEAD");
            return statistics(actor, query(request));
        }
        if (s.size() == 2 && s.get(0).equals("complaints")) {
            allow(method, "GET, HEAD");
            TrackingNumber n = number(s.get(1));
            ComplaintView view = lapor.view(actor, n).orElseThrow(() -> HttpFailure.notFound("no complaint " + n + " that you may see"));
            return json(200, OfficerDocuments.complaint(view)).withHeader("ETag", "\"" + view.version() + "\"");
        }
        if (s.size() == 4 && s.get(0).equals("complaints") && s.get(2).equals("commands")) {
            allow(method, "POST");
            TrackingNumber n = number(s.get(1));
            CommandKind kind = CommandReader.kind(s.get(3));
            return command(actor, n, kind, request);
        }
        throw HttpFailure.notFound("no resource " + Texts.shown("/" + String.join("/", s), 80)
                + " here: complaints/{n}, complaints/{n}/commands/{kind}, queue, statistics, openapi.yaml");
    }

    private static void allow(String method, String allowed) {
        if (!List.of(allowed.split(", ")).contains(method)) {
            throw HttpFailure.methodNotAllowed(method, allowed);
        }
    }

    private Params query(HttpServletRequest request) {
        return Params.parse(Bodies.query(request, limits.maxQueryChars()), "query string", limits.maxParameters());
    }

    private static TrackingNumber number(String segment) {
        try {
            TrackingNumber n = TrackingNumber.parse(segment);
            MDC.put(MDC_TRACKING_NUMBER, n.value());
            return n;
        } catch (RuntimeException e) {
            throw HttpFailure.badRequest("trackingNumber", Texts.shown(segment, 40)
                    + " is not a tracking number (10 to 19 digits ending in a check digit)");
        }
    }

    private Answer command(Actor actor, TrackingNumber n, CommandKind kind, HttpServletRequest request) {
        String query = Bodies.query(request, limits.maxQueryChars());
        Params params = Params.parse(query, "query string", limits.maxParameters());
        long expected = expectedVersion(request, params);
        byte[] body = Bodies.read(request, limits.maxBodyBytes());
        if (body.length > 0) {
            Bodies.requireType(request, "application/json");
        }
        Command command = CommandReader.read(kind, Json.readObject(body));
        Optional<String> key = Idempotency.key(request);
        if (key.isEmpty()) {
            return execute(actor, n, command, expected);
        }
        String scope = "officer\u0000" + actor.role() + "\u0000" + actor.id() + "\u0000" + n + "\u0000" + kind + "\u0000" + key.get();
        return idempotency.run(scope, Idempotency.fingerprint("POST", n + "/" + kind, query + "|" + expected, body),
                () -> execute(actor, n, command, expected),
                () -> HttpFailure.of(409, "idempotency_key_reused",
                        Idempotency.HEADER + " was already used for a different request; use a new key for a new request"));
    }

    private Answer execute(Actor actor, TrackingNumber n, Command command, long expected) {
        Outcome outcome = lapor.execute(actor, n, command, expected);
        if (outcome instanceof Outcome.Accepted a) {
            log.info("complaint {} {} by {} {}: now {} v{}", n, command.type(), actor.role(), actor.id(), a.state(), a.version());
            ObjectNode o = Json.object();
            o.put("trackingNumber", n.value());
            o.put("version", a.version());
            o.put("state", a.state().name());
            o.put("event", a.event().getClass().getSimpleName());
            return json(200, o).withHeader("ETag", "\"" + a.version() + "\"").asReplayable();
        }
        if (outcome instanceof Outcome.Refused r) {
            Refusal refusal = r.refusal();
            int status = refusal.reason() == Refusal.Reason.OUT_OF_SCOPE || refusal.reason() == Refusal.Reason.ROLE_NOT_ALLOWED ? 403 : 409;
            log.info("complaint {} {} by {} {} refused: {}", n, command.type(), actor.role(), actor.id(), refusal.reason());
            return Answer.of(status, OfficerDocuments.PROBLEM, Json.write(OfficerDocuments.refusal(status, refusal))).asReplayable();
        }
        if (outcome instanceof Outcome.Invalid i) {
            List<Problem> problems = new ArrayList<>();
            for (Violation v : i.violations()) {
                problems.add(new Problem(v.field(), v.message()));
            }
            return problem(new HttpFailure(400, "invalid", problems, Map.of())).asReplayable();
        }
        if (outcome instanceof Outcome.Conflict c) {
            return problem(HttpFailure.of(409, "conflict", "complaint " + n + " changed after version " + c.expectedVersion()
                    + "; read it again and decide anew")).asReplayable();
        }
        return problem(HttpFailure.notFound("no complaint " + n + " that you may see")).asReplayable();
    }

    /** If-Match ({@code "3"}) or {@code ?expectedVersion=3}; -1 when neither. */
    private static long expectedVersion(HttpServletRequest request, Params params) {
        long fromHeader = -1;
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null && !ifMatch.strip().equals("*")) {
            String v = ifMatch.strip();
            if (!v.matches("\"[0-9]{1,18}\"")) {
                throw HttpFailure.badRequest("If-Match", "If-Match must be the complaint's version as its ETag gives it, e.g. \"3\"");
            }
            fromHeader = Long.parseLong(v.substring(1, v.length() - 1));
        }
        Optional<String> q = params.single("expectedVersion", 20);
        long fromQuery = -1;
        if (q.isPresent()) {
            if (!q.get().matches("[0-9]{1,18}")) {
                throw HttpFailure.badRequest("expectedVersion", "expectedVersion must be a whole number, the complaint's version");
            }
            fromQuery = Long.parseLong(q.get());
        }
        if (fromHeader >= 0 && fromQuery >= 0 && fromHeader != fromQuery) {
            throw HttpFailure.badRequest("expectedVersion", "If-Match and expectedVersion name different versions");
        }
        return Math.max(fromHeader, fromQuery);
    }

    private Answer queue(Actor actor, Params query) {
        if (!QUEUE_ROLES.contains(actor.role())) {
            throw HttpFailure.forbidden(actor.role() + " has no queue: queues are for the roles that act on complaints ("
                    + QUEUE_ROLES + ")");
        }
        UnitId unit = actor.unit().orElseThrow(() -> HttpFailure.forbidden("a queue belongs to an officer's unit; "
                + actor.role() + " has none"));
        int page = whole(query, "page", 1, 1_000_000);
        int size = whole(query, "pageSize", defaultPageSize, limits.maxPageSize());
        Set<State> states = states(query);
        ComplaintFilter routed = ComplaintFilter.all().units(lapor.directory().subtree(unit)).states(states)
                .order(ComplaintFilter.Order.NEXT_DUE);
        int offset = (page - 1) * size;
        List<Complaint> window = new ArrayList<>(search.search(routed, 0, offset + size));
        long total = search.count(routed);
        if (actor.role() == Role.VERIFIER) {
            // Unrouted complaints have no unit to filter on: the ones this verifier covers join the queue.
            List<Complaint> unrouted = unrouted(actor, states);
            window.addAll(unrouted);
            total += unrouted.size();
            window.sort(routed.comparator());
        }
        ArrayNode items = Json.array();
        for (Complaint c : window.subList(Math.min(offset, window.size()), Math.min(offset + size, window.size()))) {
            if (views.scope().covers(actor, c)) {
                views.of(actor, c, List.of()).ifPresent(v -> items.add(OfficerDocuments.summary(v)));
            }
        }
        ObjectNode o = Json.object();
        o.put("unit", unit.value());
        o.put("page", page);
        o.put("pageSize", size);
        o.put("total", total);
        o.set("items", items);
        return json(200, o);
    }

    private List<Complaint> unrouted(Actor actor, Set<State> states) {
        Set<State> wanted = EnumSet.of(State.SUBMITTED, State.ON_HOLD);
        if (!states.isEmpty()) {
            wanted.retainAll(states);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        ComplaintFilter filter = ComplaintFilter.all().states(wanted).order(ComplaintFilter.Order.NEXT_DUE);
        List<Complaint> out = new ArrayList<>();
        for (int offset = 0; offset < unroutedScanLimit; offset += SCAN) {
            List<Complaint> page = search.search(filter, offset, SCAN);
            for (Complaint c : page) {
                if (c.responsibleUnit().isEmpty() && views.scope().covers(actor, c)) {
                    out.add(c);
                }
            }
            if (page.size() < SCAN) {
                break;
            }
        }
        out.sort(Comparator.comparing(Complaint::trackingNumber));
        return out;
    }

    private static Set<State> states(Params query) {
        Set<State> out = EnumSet.noneOf(State.class);
        for (String value : query.all("state")) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    out.add(State.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw HttpFailure.badRequest("state", Texts.shown(name, 30) + " is not a state; states: "
                            + String.join(", ", java.util.Arrays.stream(State.values()).map(Enum::name).toList()));
                }
            }
        }
        return out;
    }

    private Answer statistics(Actor actor, Params query) {
        UnitId own = actor.unit().orElseThrow(() -> HttpFailure.forbidden("statistics are read by officers of a unit; "
                + actor.role() + " has none"));
        UnitId zone = own;
        Optional<String> asked = query.single("unit", 80);
        if (asked.isPresent()) {
            try {
                zone = UnitId.of(asked.get());
            } catch (RuntimeException e) {
                throw HttpFailure.badRequest("unit", e.getMessage());
            }
            if (!lapor.directory().contains(zone)) {
                throw HttpFailure.notFound("unit " + zone + " is not in the directory");
            }
            if (!lapor.directory().isWithin(zone, own)) {
                throw HttpFailure.forbidden("unit " + zone + " is outside your unit " + own);
            }
        }
        YearMonth now = YearMonth.from(lapor.clock().instant().atZone(lapor.directory().get(zone).zone()));
        YearMonth to = month(query, "to", now);
        YearMonth from = month(query, "from", to.minusMonths(11));
        if (to.isBefore(from)) {
            throw HttpFailure.badRequest("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (from.plusMonths(35).isBefore(to)) {
            throw HttpFailure.badRequest("to", "a period covers at most 36 months");
        }
        Statistics.Report report = statistics.compute(zone, from, to);
        ObjectNode o = Json.object();
        o.put("unit", report.zone().value());
        o.put("timeZone", report.timeZone().getId());
        o.put("from", report.from().toString());
        o.put("to", report.to().toString());
        ArrayNode months = o.putArray("months");
        long[] totals = new long[4];
        for (Statistics.Month m : report.months()) {
            ObjectNode mo = months.addObject();
            mo.put("month", m.month().toString());
            mo.put("received", m.received());
            mo.put("completed", m.completed());
            mo.put("archived", m.archived());
            mo.put("inProgress", m.inProgress());
            totals[0] += m.received();
            totals[1] += m.completed();
            totals[2] += m.archived();
            totals[3] += m.inProgress();
        }
        ObjectNode t = o.putObject("totals");
        t.put("received", totals[0]);
        t.put("completed", totals[1]);
        t.put("archived", totals[2]);
        t.put("inProgress", totals[3]);
        ArrayNode onTime = o.putArray("onTime");
        for (Statistics.OnTime u : report.onTime()) {
            ObjectNode uo = onTime.addObject();
            uo.put("unit", u.unit().value());
            uo.put("stagesDue", u.stagesDue());
            uo.put("stagesMet", u.stagesMet());
            if (u.rate().isPresent()) {
                uo.put("rate", u.rate().getAsDouble());
            } else {
                uo.putNull("rate");
            }
        }
        return json(200, o);
    }

    private static YearMonth month(Params query, String field, YearMonth fallback) {
        Optional<String> text = query.single(field, 7);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.get());
        } catch (DateTimeParseException e) {
            throw HttpFailure.badRequest(field, field + " " + Texts.shown(text.get(), 10) + " is not a month such as 2026-03");
        }
    }

    private static int whole(Params query, String field, int fallback, int max) {
        Optional<String> text = query.single(field, 10);
        if (text.isEmpty()) {
            return fallback;
        }
        if (!text.get().matches("[0-9]{1,9}") || Integer.parseInt(text.get()) < 1 || Integer.parseInt(text.get()) > max) {
            throw HttpFailure.badRequest(field, field + " " + Texts.shown(text.get(), 12) + " must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(text.get());
    }

    private static Answer json(int status, ObjectNode body) {
        return Answer.of(status, OfficerDocuments.JSON, Json.write(body));
    }

    private static Answer problem(HttpFailure f) {
        Answer a = Answer.of(f.status(), OfficerDocuments.PROBLEM, Json.write(OfficerDocuments.problem(f)));
        for (Map.Entry<String, String> h : f.headers().entrySet()) {
            a = a.withHeader(h.getKey(), h.getValue());
        }
        return a;
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private Lapor lapor;
        private ComplaintSearch search;
        private Function<TrackingNumber, List<RecordedEvent>> histories;
        private CallerResolver callers;
        private IdempotencyStore idempotency;
        private HttpLimits limits = HttpLimits.defaults().withMaxPageSize(200);
        private int unroutedScanLimit = 10_000;

        private Builder() {
        }

        /** Required. */
        public Builder lapor(Lapor lapor) {
            this.lapor = lapor;
            return this;
        }

        /** Required: the store's lists (the same store lapor writes to). */
        public Builder search(ComplaintSearch search) {
            this.search = search;
            return this;
        }

        /** Required for statistics: a complaint's events, oldest first, e.g. {@code store::history}. */
        public Builder histories(Function<TrackingNumber, List<RecordedEvent>> histories) {
            this.histories = histories;
            return this;
        }

        /** Required: who is calling (e.g. {@link ApiKeyCallerResolver}, or the host's single sign-on). */
        public Builder callers(CallerResolver callers) {
            this.callers = callers;
            return this;
        }

        /** Where first answers to POSTs with an Idempotency-Key are kept; in memory, bounded, by default. */
        public Builder idempotency(IdempotencyStore idempotency) {
            this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
            return this;
        }

        /** Body and query limits; pages of at most 200 by default. */
        public Builder limits(HttpLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The most unrouted complaints a verifier's queue looks through; 10,000 by default (a city's backlog fits). */
        public Builder unroutedScanLimit(int complaints) {
            if (complaints < 1) {
                throw new IllegalArgumentException("unroutedScanLimit must be at least 1");
            }
            this.unroutedScanLimit = complaints;
            return this;
        }

        public OfficerApiServlet build() {
            List<String> missing = new ArrayList<>();
            if (lapor == null) {
                missing.add("lapor");
            }
            if (search == null) {
                missing.add("search");
            }
            if (histories == null) {
                missing.add("histories (e.g. store::history)");
            }
            if (callers == null) {
                missing.add("callers (e.g. ApiKeyCallerResolver)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("OfficerApiServlet needs " + String.join(", ", missing)
                        + " (see OfficerApiServlet.Builder)");
            }
            return new OfficerApiServlet(this);
        }
    }
}
