package id.lapor.http;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.Violation;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.State;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.HistoryEntry;
import id.lapor.core.view.Views;
import id.lapor.http.internal.Answer;
import id.lapor.http.internal.Bodies;
import id.lapor.http.internal.Documents;
import id.lapor.http.internal.HttpFailure;
import id.lapor.http.internal.HttpFailure.Problem;
import id.lapor.http.internal.Idempotency;
import id.lapor.http.internal.Open311Documents;
import id.lapor.http.internal.Open311Intake;
import id.lapor.http.internal.Params;
import id.lapor.http.internal.Texts;
import id.lapor.http.internal.Times;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Open311 GeoReport v2 over lapor: register it under {@code /open311/v2/*} in any servlet container.
 * Resources: {@code discovery}, {@code services}, {@code services/{code}}, {@code requests} (GET and
 * POST), {@code requests/{id}}, {@code tokens/{token}} and, when enabled, the mySociety
 * {@code servicerequestupdates}; each as {@code .xml} (the default) or {@code .json}. Errors are the
 * spec's error list with 400, 403, 404 (and 405, 413, 414, 415 where those say more).
 *
 * <p>What a response shows is made from the public view of a complaint: a confidential complaint is
 * never listed and its {@code requests/{id}} is a 404 exactly like an unknown id; no response carries a
 * reporter's name, phone, e-mail or ID number. The mapping is described in the module's README.
 *
 * <pre>{@code
 * Open311Servlet open311 = Open311Servlet.builder()
 *         .lapor(lapor).search(store)
 *         .clientKeyHash("9f86d081884c7d65...")     // SHA-256 of a client's api_key
 *         .defaultRegion("62.71")
 *         .build();
 * }</pre>
 */
public final class Open311Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(Open311Servlet.class);
    /** The SLF4J MDC key holding the tracking number while a request about one complaint is handled. */
    public static final String MDC_TRACKING_NUMBER = OfficerApiServlet.MDC_TRACKING_NUMBER;
    private static final Duration SPAN = Duration.ofDays(90);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String XML = "text/xml; charset=utf-8";

    private final transient Lapor lapor;
    private final transient ComplaintSearch search;
    private final transient Views views;
    private final transient Open311Documents documents;
    private final transient Open311Intake intake;
    private final transient Idempotency idempotency;
    private final transient List<byte[]> clientKeyHashes;
    private final transient Optional<String> jurisdiction;
    private final transient HttpLimits limits;
    private final transient boolean updates;
    private final transient Function<Submission.Created, String> notice;
    private final String contact;
    private final String keyService;
    private final String endpointUrl;
    private final String endpointType;
    private final String changeset;
    private final int updatesScanLimit;

    private Open311Servlet(Builder b) {
        this.lapor = b.lapor;
        this.search = b.search;
        this.views = new Views(b.lapor.directory());
        this.documents = new Open311Documents(b.lapor.directory(), b.lapor.categories(), b.zone);
        this.intake = new Open311Intake(documents, b.limits, b.defaultRegion, b.channel);
        this.idempotency = new Idempotency(b.idempotency != null ? b.idempotency : new InMemoryIdempotencyStore(b.lapor.clock()));
        this.clientKeyHashes = List.copyOf(b.clientKeyHashes);
        this.jurisdiction = b.jurisdiction;
        this.limits = b.limits;
        this.updates = b.updates;
        this.notice = b.notice;
        this.contact = b.contact;
        this.keyService = b.keyService;
        this.endpointUrl = b.endpointUrl;
        this.endpointType = b.endpointType;
        this.changeset = b.changeset != null ? b.changeset
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(b.lapor.clock().instant().atZone(b.zone));
        this.updatesScanLimit = b.updatesScanLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    private enum Format {
        XML(Open311Servlet.XML), JSON(Open311Servlet.JSON);

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    /** A parsed path: its segments without the format suffix, and the format asked for. */
    private record Route(List<String> segments, Format format, String name) {
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
        Route route = null;
        Answer answer;
        try {
            route = route(request.getPathInfo());
            answer = handle(method, route, request);
        } catch (HttpFailure f) {
            answer = errors(f, route == null ? Format.XML : route.format());
        } catch (RuntimeException e) {
            log.error("open311 {} {} failed", method, route == null ? "(unparsed path)" : route.name(), e);
            answer = errors(HttpFailure.of(500, "internal_error", "the request could not be handled; nothing was created"),
                    route == null ? Format.XML : route.format());
        }
        log.debug("open311 {} {} -> {}", method, route == null ? "(unparsed path)" : route.name(), answer.status());
        answer.writeTo(response, "HEAD".equals(method));
    }

    private Route route(String pathInfo) {
        String path = pathInfo == null ? "" : pathInfo;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        Format format = Format.XML;
        if (!segments.isEmpty()) {
            String last = segments.get(segments.size() - 1);
            int dot = last.lastIndexOf('.');
            if (dot > 0) {
                String ext = last.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (ext.equals("json")) {
                    format = Format.JSON;
                } else if (!ext.equals("xml")) {
                    throw HttpFailure.badRequest(null, "format " + Texts.shown(ext, 20) + " is not served: append .xml or .json");
                }
                segments.set(segments.size() - 1, last.substring(0, dot));
            }
        }
        String name = segments.isEmpty() ? "/" : "/" + Texts.shown(segments.get(0), 30).replace("'", "")
                + (segments.size() > 1 ? "/{" + ("services".equals(segments.get(0)) ? "service_code"
                : "tokens".equals(segments.get(0)) ? "token" : "id") + "}" : "");
        return new Route(segments, format, name);
    }

    private Answer handle(String method, Route route, HttpServletRequest request) {
        List<String> s = route.segments();
        String resource = s.isEmpty() ? "" : s.get(0);
        boolean known = s.size() == 1 && Set.of("discovery", "services", "requests").contains(resource)
                || s.size() == 1 && resource.equals("servicerequestupdates") && updates
                || s.size() == 2 && Set.of("services", "requests", "tokens").contains(resource);
        if (!known) {
            throw HttpFailure.notFound("no resource " + Texts.shown("/" + String.join("/", s), 80)
                    + " here: discovery, services, services/{service_code}, requests, requests/{service_request_id}, tokens/{token}"
                    + (updates ? ", servicerequestupdates" : ""));
        }
        boolean post = s.size() == 1 && resource.equals("requests");
        String allow = post ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
        if (method.equals("OPTIONS")) {
            return new Answer(204, null, null, java.util.Map.of("Allow", allow), false);
        }
        if (method.equals("POST") && post) {
            return create(request, route.format());
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw HttpFailure.methodNotAllowed(method, allow);
        }
        Params query = Params.parse(Bodies.query(request, limits.maxQueryChars()), "query string", limits.maxParameters());
        checkJurisdiction(query);
        switch (resource) {
            case "discovery":
                return ok(route.format(), "discovery", documents.discovery(changeset, contact, keyService, endpointUrl(request), endpointType));
            case "services":
                if (s.size() == 1) {
                    return ok(route.format(), "services", documents.services());
                }
                CategoryId code = documents.service(s.get(1))
                        .orElseThrow(() -> HttpFailure.notFound("service_code " + Texts.shown(s.get(1), 64) + " was not found"));
                return ok(route.format(), "service_definition", documents.serviceDefinition(code));
            case "requests":
                return s.size() == 1 ? list(query, route.format()) : one(s.get(1), route.format());
            case "tokens":
                if (!s.get(1).matches("[A-Za-z0-9_-]{1,64}")) {
                    throw HttpFailure.badRequest("token", "token " + Texts.shown(s.get(1), 64) + " is not a token (1-64 letters, digits, - or _)");
                }
                throw HttpFailure.notFound("token " + s.get(1) + " was not found: every request here is realtime, so no tokens are issued");
            default:
                return updates(query, route.format());
        }
    }

    private Answer create(HttpServletRequest request, Format format) {
        Bodies.requireType(request, "application/x-www-form-urlencoded");
        byte[] body = Bodies.read(request, limits.maxBodyBytes());
        String query = Bodies.query(request, limits.maxQueryChars());
        Params form = Params.parse(query, "query string", limits.maxParameters())
                .merge(Params.parse(Bodies.utf8(body), "body", limits.maxParameters()), "body");
        int client = client(form);
        checkJurisdiction(form);
        Optional<String> key = Idempotency.key(request);
        if (key.isEmpty()) {
            return submit(form, null, format);
        }
        String scope = "open311\u0000" + client + "\u0000" + format + "\u0000" + key.get();
        return idempotency.run(scope, Idempotency.fingerprint("POST", "requests", query, body),
                () -> submit(form, key.get(), format),
                () -> HttpFailure.badRequest(Idempotency.HEADER, Idempotency.HEADER
                        + " was already used for a different request; use a new key for a new request"));
    }

    private Answer submit(Params form, String channelMessageId, Format format) {
        Command.Submit report = intake.submit(form, channelMessageId);
        Submission result = lapor.submit(Actor.newReporter(), report);
        if (result instanceof Submission.Invalid invalid) {
            List<Problem> problems = new ArrayList<>();
            for (Violation v : invalid.violations()) {
                problems.add(new Problem(Open311Intake.open311Field(v.field()), v.message()));
            }
            return errors(HttpFailure.badRequest(problems), format).asReplayable();
        }
        TrackingNumber number = result.trackingNumberOrThrow();
        MDC.put(MDC_TRACKING_NUMBER, number.value());
        String text;
        if (result instanceof Submission.Created created) {
            log.info("open311 request {} created", number);
            text = notice.apply(created);
        } else {
            log.info("open311 request {} was already created by this message", number);
            text = "Laporan " + number + " sudah diterima sebelumnya (this request was already received).";
        }
        return ok(format, "service_requests", documents.created(number.value(), text)).asReplayable();
    }

    /** Which configured client key the request's api_key is; every key is compared, in constant time. */
    private int client(Params form) {
        Optional<String> apiKey = form.single("api_key", 512);
        if (apiKey.isEmpty()) {
            throw HttpFailure.forbidden("api_key was not provided -- can't proceed with create_request");
        }
        byte[] presented = ApiKeyCallerResolver.sha256(apiKey.get());
        int found = -1;
        for (int i = 0; i < clientKeyHashes.size(); i++) {
            if (MessageDigest.isEqual(clientKeyHashes.get(i), presented) && found < 0) {
                found = i;
            }
        }
        if (found < 0) {
            throw HttpFailure.forbidden("Invalid api_key received -- can't proceed with create_request");
        }
        return found;
    }

    private void checkJurisdiction(Params params) {
        Optional<String> given = params.single("jurisdiction_id", 200);
        if (given.isPresent() && jurisdiction.isPresent() && !jurisdiction.get().equalsIgnoreCase(given.get())) {
            throw HttpFailure.notFound("jurisdiction_id " + Texts.shown(given.get(), 60) + " was not found: this endpoint serves "
                    + jurisdiction.get());
        }
    }

    private Answer one(String id, Format format) {
        TrackingNumber number;
        try {
            number = TrackingNumber.parse(id);
        } catch (RuntimeException e) {
            throw HttpFailure.badRequest("service_request_id", "service_request_id " + Texts.shown(id, 40)
                    + " is not a tracking number (10 to 19 digits ending in a check digit)");
        }
        MDC.put(MDC_TRACKING_NUMBER, number.value());
        // A confidential complaint has no public view: it answers exactly as a number never given.
        ComplaintView view = lapor.view(Actor.publicVisitor(), number)
                .orElseThrow(() -> HttpFailure.notFound("service_request_id " + number + " was not found"));
        ArrayNode out = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        out.add(documents.request(view));
        return ok(format, "service_requests", out);
    }

    private Answer list(Params query, Format format) {
        int[] page = page(query);
        ComplaintFilter filter;
        Optional<String> ids = query.single("service_request_id", limits.maxIdsPerQuery() * 25);
        if (ids.isPresent()) {
            // The spec: service_request_id overrides all other arguments.
            Set<TrackingNumber> numbers = new LinkedHashSet<>();
            for (String id : ids.get().split(",")) {
                String trimmed = id.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    numbers.add(TrackingNumber.parse(trimmed));
                } catch (RuntimeException e) {
                    throw HttpFailure.badRequest("service_request_id", "service_request_id " + Texts.shown(trimmed, 40)
                            + " is not a tracking number (10 to 19 digits ending in a check digit)");
                }
            }
            if (numbers.size() > limits.maxIdsPerQuery()) {
                throw HttpFailure.badRequest("service_request_id", "at most " + limits.maxIdsPerQuery()
                        + " service_request_id values may be asked at once");
            }
            filter = ComplaintFilter.all().numbers(numbers);
        } else {
            Instant[] range = range(query);
            filter = ComplaintFilter.all().submitted(range[0], range[1].plusNanos(1))
                    .categories(serviceCodes(query)).states(statuses(query));
        }
        filter = filter.publicOnly().order(ComplaintFilter.Order.NEWEST);
        ArrayNode out = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (Complaint c : search.search(filter, (page[0] - 1) * page[1], page[1])) {
            // The public view, not the complaint: only what the public may read reaches the document.
            views.of(Actor.publicVisitor(), c, List.of()).ifPresent(v -> out.add(documents.request(v)));
        }
        return ok(format, "service_requests", out);
    }

    private Answer updates(Params query, Format format) {
        int[] page = page(query);
        Instant[] range = range(query);
        List<Found> found = new ArrayList<>();
        ComplaintFilter filter = ComplaintFilter.all().submitted(null, range[1].plusNanos(1)).publicOnly()
                .order(ComplaintFilter.Order.NEWEST);
        int scanned = 0;
        while (scanned < updatesScanLimit) {
            List<Complaint> batch = search.search(filter, scanned, Math.min(500, updatesScanLimit - scanned));
            for (Complaint c : batch) {
                if (c.updatedAt().isBefore(range[0])) {
                    continue;
                }
                Optional<ComplaintView> view = lapor.view(Actor.publicVisitor(), c.trackingNumber());
                if (view.isEmpty()) {
                    continue;
                }
                for (HistoryEntry e : view.get().history()) {
                    if (Open311Documents.isUpdate(e) && !e.at().isBefore(range[0]) && !e.at().isAfter(range[1])) {
                        found.add(new Found(e.at(), documents.update(view.get(), e)));
                    }
                }
            }
            scanned += batch.size();
            if (batch.size() < 500) {
                break;
            }
        }
        found.sort(Comparator.comparing(Found::at));
        ArrayNode out = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        int from = (page[0] - 1) * page[1];
        for (int i = from; i < Math.min(found.size(), from + page[1]); i++) {
            out.add(found.get(i).document());
        }
        return ok(format, "service_request_updates", out);
    }

    private record Found(Instant at, JsonNode document) {
    }

    /** start_date and end_date, inclusive, at most 90 days apart; the last 90 days by default. */
    private Instant[] range(Params query) {
        Optional<Instant> start = query.single("start_date", 40).map(t -> Times.parse("start_date", t));
        Optional<Instant> end = query.single("end_date", 40).map(t -> Times.parse("end_date", t));
        Instant now = lapor.clock().instant();
        Instant from;
        Instant until;
        if (start.isPresent() && end.isPresent()) {
            from = start.get();
            until = end.get();
            if (until.isBefore(from)) {
                throw HttpFailure.badRequest("end_date", "end_date is before start_date");
            }
            if (Duration.between(from, until).compareTo(SPAN) > 0) {
                throw HttpFailure.badRequest("end_date", "start_date and end_date may not span more than 90 days");
            }
        } else if (start.isPresent()) {
            from = start.get();
            until = from.plus(SPAN).isAfter(now) ? now : from.plus(SPAN);
            if (until.isBefore(from)) {
                until = from;
            }
        } else if (end.isPresent()) {
            until = end.get();
            from = until.minus(SPAN);
        } else {
            until = now;
            from = now.minus(SPAN);
        }
        return new Instant[] {from, until};
    }

    private Set<CategoryId> serviceCodes(Params query) {
        Set<CategoryId> out = new LinkedHashSet<>();
        for (String value : query.all("service_code")) {
            for (String code : value.split(",")) {
                String trimmed = code.strip();
                if (!trimmed.isEmpty()) {
                    out.add(documents.service(trimmed).orElseThrow(() -> HttpFailure.badRequest("service_code",
                            "service_code " + Texts.shown(trimmed, 64) + " is not a service (see services)")));
                }
            }
        }
        return out;
    }

    private static Set<State> statuses(Params query) {
        Set<State> out = EnumSet.noneOf(State.class);
        for (String value : query.all("status")) {
            for (String status : value.split(",")) {
                String s = status.strip().toLowerCase(Locale.ROOT);
                if (s.equals("open")) {
                    for (State st : State.values()) {
                        if (!Open311Documents.closed(st)) {
                            out.add(st);
                        }
                    }
                } else if (s.equals("closed")) {
                    out.add(State.COMPLETED);
                    out.add(State.ARCHIVED);
                } else if (!s.isEmpty()) {
                    throw HttpFailure.badRequest("status", "status " + Texts.shown(status, 20) + " is not open or closed");
                }
            }
        }
        return out.size() == State.values().length ? EnumSet.noneOf(State.class) : out;
    }

    /** page (from 1) and page_size (1 to the limit, the limit by default): the pagination extension. */
    private int[] page(Params query) {
        int page = positive(query, "page", 1, 1_000_000);
        int size = positive(query, "page_size", limits.maxPageSize(), limits.maxPageSize());
        return new int[] {page, size};
    }

    private static int positive(Params query, String field, int fallback, int max) {
        Optional<String> text = query.single(field, 10);
        if (text.isEmpty()) {
            return fallback;
        }
        if (!text.get().matches("[0-9]{1,9}") || Integer.parseInt(text.get()) < 1 || Integer.parseInt(text.get()) > max) {
            throw HttpFailure.badRequest(field, field + " " + Texts.shown(text.get(), 12) + " must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(text.get());
    }

    private String endpointUrl(HttpServletRequest request) {
        if (endpointUrl != null) {
            return endpointUrl;
        }
        StringBuffer url = request.getRequestURL();
        String path = request.getPathInfo();
        String base = path == null ? url.toString() : url.substring(0, url.length() - path.length());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Answer ok(Format format, String root, JsonNode document) {
        return Answer.of(200, format.contentType, format == Format.JSON ? Documents.json(document) : Documents.xml(root, document));
    }

    private static Answer errors(HttpFailure f, Format format) {
        ArrayNode list = Open311Documents.errors(f.status(), f.problems());
        Answer a = Answer.of(f.status(), format.contentType, format == Format.JSON ? Documents.json(list) : Documents.xml("errors", list));
        for (java.util.Map.Entry<String, String> h : f.headers().entrySet()) {
            a = a.withHeader(h.getKey(), h.getValue());
        }
        return a;
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private Lapor lapor;
        private ComplaintSearch search;
        private final List<byte[]> clientKeyHashes = new ArrayList<>();
        private Optional<String> jurisdiction = Optional.empty();
        private Optional<RegionCode> defaultRegion = Optional.empty();
        private ZoneId zone = ZoneId.of("Asia/Jakarta");
        private HttpLimits limits = HttpLimits.defaults();
        private IdempotencyStore idempotency;
        private boolean updates;
        private Channel channel = Channel.API;
        private Function<Submission.Created, String> notice = c -> "Laporan " + c.trackingNumber()
                + " diterima. Simpan PIN " + c.secret() + " untuk menanggapi atau menilai tindak lanjutnya. "
                + "(Received: keep PIN " + c.secret() + " to reply to or rate the answer.)";
        private String contact = "See the operator of this lapor endpoint.";
        private String keyService = "Ask the operator of this lapor endpoint for an api_key.";
        private String endpointUrl;
        private String endpointType = "production";
        private String changeset;
        private int updatesScanLimit = 50_000;

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

        /** A client's api_key, given as the lower-case hex SHA-256 of its UTF-8 bytes; at least one is required. */
        public Builder clientKeyHash(String sha256Hex) {
            if (sha256Hex == null || !sha256Hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("an api_key hash must be 64 hex digits (SHA-256)");
            }
            clientKeyHashes.add(HexFormat.of().parseHex(sha256Hex.toLowerCase(Locale.ROOT)));
            return this;
        }

        /** For tests and demos: a client's plain api_key, hashed here and never kept. */
        public Builder clientKey(String apiKey) {
            return clientKeyHash(ApiKeyCallerResolver.sha256Hex(Objects.requireNonNull(apiKey, "apiKey")));
        }

        /** The jurisdiction_id served; a request naming another answers 404. Optional: by default any is accepted. */
        public Builder jurisdiction(String jurisdictionId) {
            this.jurisdiction = Optional.of(jurisdictionId);
            return this;
        }

        /**
         * The region code a report gets when it comes with a point or an address but no {@code address_id}
         * (e.g. {@code 62.71}, the city served). Without it, {@code address_id} is required.
         */
        public Builder defaultRegion(String regionCode) {
            this.defaultRegion = Optional.of(RegionCode.of(regionCode));
            return this;
        }

        /** The zone datetimes are written in when a complaint has no unit yet; WIB by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder limits(HttpLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Where first answers to POSTs with an Idempotency-Key are kept; in memory, bounded, by default. */
        public Builder idempotency(IdempotencyStore idempotency) {
            this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
            return this;
        }

        /** Serves the mySociety {@code servicerequestupdates} extension (off by default). */
        public Builder serviceRequestUpdates(boolean enabled) {
            this.updates = enabled;
            return this;
        }

        /**
         * The most complaints one {@code servicerequestupdates} call scans (newest first): the extension filters
         * by update time, which lists cannot index, so its cost grows with the archive. 50,000 by default.
         */
        public Builder updatesScanLimit(int complaints) {
            if (complaints < 1) {
                throw new IllegalArgumentException("updatesScanLimit must be at least 1");
            }
            this.updatesScanLimit = complaints;
            return this;
        }

        /** The channel reports are recorded with; {@link Channel#API} by default ({@link Channel#WEB} for a host's own portal). */
        public Builder channel(Channel channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * The {@code service_notice} of a created request. The default tells the reporter the PIN they need
         * to reply and rate (the only moment lapor can tell it); return null to leave the notice out.
         */
        public Builder serviceNotice(Function<Submission.Created, String> notice) {
            this.notice = Objects.requireNonNull(notice, "notice");
            return this;
        }

        /** The discovery document's {@code contact} and {@code key_service} texts. */
        public Builder discovery(String contact, String keyService) {
            this.contact = Objects.requireNonNull(contact, "contact");
            this.keyService = Objects.requireNonNull(keyService, "keyService");
            return this;
        }

        /** The endpoint URL discovery announces; by default the URL the request came to. */
        public Builder endpointUrl(String url) {
            this.endpointUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** {@code production} (the default) or {@code test}. */
        public Builder endpointType(String type) {
            if (!"production".equals(type) && !"test".equals(type)) {
                throw new IllegalArgumentException("endpoint type is production or test, not " + type);
            }
            this.endpointType = type;
            return this;
        }

        /** The discovery changeset; by default the time the servlet was built. */
        public Builder changeset(String changeset) {
            this.changeset = Objects.requireNonNull(changeset, "changeset");
            return this;
        }

        public Open311Servlet build() {
            List<String> missing = new ArrayList<>();
            if (lapor == null) {
                missing.add("lapor");
            }
            if (search == null) {
                missing.add("search");
            }
            if (clientKeyHashes.isEmpty()) {
                missing.add("at least one client key (clientKeyHash)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Open311Servlet needs " + String.join(", ", missing) + " (see Open311Servlet.Builder)");
            }
            return new Open311Servlet(this);
        }
    }
}
