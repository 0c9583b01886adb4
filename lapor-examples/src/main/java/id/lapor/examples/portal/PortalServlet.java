package id.lapor.examples.portal;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.Violation;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.State;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import id.lapor.core.sla.Timer;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.HistoryEntry;
import id.lapor.core.view.Views;
import id.lapor.http.CallerResolver;
import id.lapor.http.Statistics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo portal's pages, rendered on the server in Indonesian or English: the citizen's report form, tracking
 * by number, the officers' queue and actions, and public statistics with charts. Every page is built from what
 * lapor lets its viewer see ({@link Lapor#view}): the public view for a visitor, the reporter's with the PIN,
 * the officer's for a signed-in officer. The tracking page never shows a reporter's name or contact, whoever asks.
 *
 * <p>Officers sign in with the API key of the officer API ({@link CallerResolver}), once per session. Actions go
 * through {@link Lapor#execute} as that officer, at the version the page showed.
 */
final class PortalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(PortalServlet.class);
    static final String SESSION_COOKIE = "lapor_officer";
    static final String LANG_COOKIE = "lapor_lang";
    static final int PAGE_SIZE = 25;
    private static final Set<State> OPEN = EnumSet.of(State.SUBMITTED, State.ON_HOLD, State.DISPATCHED,
            State.AWAITING_APPROVAL, State.FOLLOWED_UP);
    private static final Set<Role> QUEUE_ROLES = EnumSet.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.LIAISON_OFFICER,
            Role.SUPERVISOR);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final transient Lapor lapor;
    private final transient ComplaintSearch search;
    private final transient Statistics statistics;
    private final transient CallerResolver callers;
    private final transient Sessions sessions;
    private final transient Views views;
    private final transient Directory directory;
    private final String defaultLanguage;
    private final String dataFolder;
    private final UnitId statisticsUnit;
    private final transient byte[] css;

    PortalServlet(Lapor lapor, ComplaintSearch search, Statistics statistics, CallerResolver callers, String defaultLanguage,
                  String dataFolder, UnitId statisticsUnit) {
        this.lapor = Objects.requireNonNull(lapor, "lapor");
        this.search = Objects.requireNonNull(search, "search");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.callers = Objects.requireNonNull(callers, "callers");
        this.sessions = new Sessions(lapor.clock());
        this.views = new Views(lapor.directory());
        this.directory = lapor.directory();
        this.defaultLanguage = defaultLanguage;
        this.dataFolder = dataFolder;
        this.statisticsUnit = statisticsUnit;
        this.css = resource("portal.css");
    }

    private static byte[] resource(String name) {
        try (InputStream in = PortalServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one request needs to render: its language and the signed-in officer, if any. */
    private record Ctx(HttpServletRequest req, HttpServletResponse res, Labels l, Optional<Sessions.Session> session) {
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String method = req.getMethod();
        Ctx ctx = new Ctx(req, res, language(req, res), sessions.find(cookie(req, SESSION_COOKIE)));
        headers(res);
        try {
            boolean get = method.equals("GET") || method.equals("HEAD");
            boolean post = method.equals("POST");
            switch (path) {
                case "/", "" -> {
                    if (get) {
                        home(ctx);
                        return;
                    }
                }
                case "/assets/portal.css" -> {
                    if (get) {
                        res.setContentType("text/css; charset=utf-8");
                        res.setHeader("Cache-Control", "public, max-age=3600");
                        res.getOutputStream().write(css);
                        return;
                    }
                }
                case "/favicon.ico" -> {
                    res.setStatus(204);
                    return;
                }
                case "/report" -> {
                    if (get) {
                        reportForm(ctx, Map.of(), List.of());
                        return;
                    } else if (post) {
                        submit(ctx);
                        return;
                    }
                }
                case "/track" -> {
                    if (get) {
                        track(ctx, param(req, "number", 40), null, null);
                        return;
                    } else if (post) {
                        track(ctx, param(req, "number", 40), param(req, "secret", 40), null);
                        return;
                    }
                }
                case "/track/act" -> {
                    if (post) {
                        reporterAct(ctx);
                        return;
                    }
                }
                case "/officer" -> {
                    if (get) {
                        officer(ctx);
                        return;
                    }
                }
                case "/officer/login" -> {
                    if (post) {
                        login(ctx);
                        return;
                    }
                }
                case "/officer/logout" -> {
                    if (post) {
                        logout(ctx);
                        return;
                    }
                }
                case "/officer/complaint" -> {
                    if (get) {
                        officerComplaint(ctx, null, 200);
                        return;
                    }
                }
                case "/officer/act" -> {
                    if (post) {
                        officerAct(ctx);
                        return;
                    }
                }
                case "/statistics" -> {
                    if (get) {
                        statistics(ctx);
                        return;
                    }
                }
                default -> {
                    error(ctx, 404, ctx.l().t("error.notfound"));
                    return;
                }
            }
            res.setHeader("Allow", path.equals("/track") || path.equals("/report") ? "GET, HEAD, POST"
                    : path.startsWith("/officer/") && !path.equals("/officer/complaint") || path.equals("/track/act")
                    ? "POST" : "GET, HEAD");
            error(ctx, 405, ctx.l().t("error.method"));
        } catch (TooLong e) {
            error(ctx, 413, ctx.l().t("error.toolarge"));
        } catch (RuntimeException e) {
            log.error("portal {} {} failed", method, path, e);
            error(ctx, 500, ctx.l().t("error.internal"));
        }
    }

    private static void headers(HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", CSP);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("Cache-Control", "no-store");
    }

    // --- pages ------------------------------------------------------------------------------------------------

    private void home(Ctx ctx) throws IOException {
        Labels l = ctx.l();
        Html h = new Html();
        h.el("h1", "", l.t("site.title"));
        h.el("p", "class=\"lead\"", l.t("home.lead"));
        h.raw("<ul class=\"cards\">");
        card(h, "/report", l.t("home.report"));
        card(h, "/track", l.t("home.track"));
        card(h, "/officer", l.t("home.officer"));
        card(h, "/statistics", l.t("home.statistics"));
        h.raw("</ul>");
        h.el("p", "class=\"muted\"", l.t("home.api", "/open311/v2/discovery.json", "/api/v1/openapi.yaml"));
        page(ctx, 200, l.t("nav.home"), h);
    }

    private static void card(Html h, String href, String text) {
        h.raw("<li><a class=\"card\"").raw(Html.attr("href", href)).raw(">").text(text).raw("</a></li>");
    }

    private void reportForm(Ctx ctx, Map<String, String> values, List<Violation> problems) throws IOException {
        Labels l = ctx.l();
        Html h = new Html();
        h.el("h1", "", l.t("report.title"));
        if (!problems.isEmpty()) {
            h.raw("<div class=\"alert error\" id=\"problems\"><p>").text(l.t("report.invalid")).raw("</p><ul>");
            for (Violation v : problems) {
                h.raw("<li>").el("strong", "", v.field()).text(": " + v.message()).raw("</li>");
            }
            h.raw("</ul></div>");
        }
        h.raw("<form method=\"post\" action=\"/report\" class=\"form\" id=\"report-form\">");
        h.raw("<input type=\"hidden\" name=\"submission\"")
                .raw(Html.attr("value", values.getOrDefault("submission", newToken()))).raw(">");
        h.raw("<label for=\"kind\">").text(l.t("report.kind")).raw("</label><select id=\"kind\" name=\"kind\">");
        for (Kind k : Kind.values()) {
            option(h, k.name(), l.of("kind", k), values.getOrDefault("kind", "COMPLAINT"));
        }
        h.raw("</select>");
        h.raw("<label for=\"category\">").text(l.t("report.category")).raw("</label><select id=\"category\" name=\"category\">");
        option(h, "", l.t("report.category.none"), values.getOrDefault("category", ""));
        List<Category> all = new ArrayList<>(lapor.categories().all());
        for (Category top : all) {
            if (top.parent().isPresent()) {
                continue;
            }
            List<Category> children = all.stream().filter(c -> c.parent().equals(Optional.of(top.id()))).toList();
            if (children.isEmpty()) {
                option(h, top.id().value(), top.name(), values.getOrDefault("category", ""));
            } else {
                h.raw("<optgroup").raw(Html.attr("label", top.name())).raw(">");
                option(h, top.id().value(), top.name(), values.getOrDefault("category", ""));
                for (Category c : children) {
                    option(h, c.id().value(), c.name(), values.getOrDefault("category", ""));
                }
                h.raw("</optgroup>");
            }
        }
        h.raw("</select>");
        h.raw("<label for=\"region\">").text(l.t("report.region")).raw("</label><select id=\"region\" name=\"region\">");
        for (Unit u : regions()) {
            option(h, u.region().orElseThrow().value(), u.region().orElseThrow().value() + " " + u.name(),
                    values.getOrDefault("region", "62.71"));
        }
        h.raw("</select>");
        input(h, "address", l.t("report.address"), "text", values, "maxlength=\"500\"");
        h.raw("<label for=\"institution\">").text(l.t("report.institution"))
                .raw("</label><select id=\"institution\" name=\"institution\">");
        option(h, "", l.t("report.institution.none"), values.getOrDefault("institution", ""));
        for (Unit u : institutions()) {
            option(h, u.id().value(), u.name(), values.getOrDefault("institution", ""));
        }
        h.raw("</select>");
        input(h, "title", l.t("report.subject"), "text", values, "maxlength=\"200\" required");
        h.raw("<label for=\"body\">").text(l.t("report.body"))
                .raw("</label><textarea id=\"body\" name=\"body\" rows=\"7\" maxlength=\"10000\" required>")
                .text(values.getOrDefault("body", "")).raw("</textarea>");
        input(h, "incidentDate", l.t("report.incident"), "date", values, "");
        h.raw("<fieldset><legend>").text(l.t("report.reporter")).raw("</legend>");
        h.el("p", "class=\"muted\"", l.t("report.reporter.note"));
        input(h, "name", l.t("report.name"), "text", values, "maxlength=\"100\" autocomplete=\"name\"");
        input(h, "phone", l.t("report.phone"), "tel", values, "maxlength=\"20\" autocomplete=\"tel\"");
        input(h, "email", l.t("report.email"), "email", values, "maxlength=\"254\" autocomplete=\"email\"");
        h.raw("</fieldset>");
        checkbox(h, "anonymous", l.t("report.anonymous"), values);
        checkbox(h, "confidential", l.t("report.confidential"), values);
        h.raw("<button type=\"submit\" id=\"submit-report\">").text(l.t("report.submit")).raw("</button></form>");
        page(ctx, problems.isEmpty() ? 200 : 400, l.t("report.title"), h);
    }

    private List<Unit> regions() {
        return directory.all().stream().filter(u -> u.region().isPresent())
                .sorted(Comparator.comparing(u -> u.region().get().value())).toList();
    }

    private List<Unit> institutions() {
        return directory.all().stream().filter(u -> u.parent().isPresent())
                .sorted(Comparator.comparing(Unit::name)).toList();
    }

    private void submit(Ctx ctx) throws IOException {
        HttpServletRequest req = ctx.req();
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("submission", "kind", "category", "region", "address", "institution", "title", "body",
                "incidentDate", "name", "phone", "email", "anonymous", "confidential")) {
            String v = param(req, f, f.equals("body") ? Command.MAX_TEXT + 100 : 600);
            if (v != null) {
                values.put(f, v);
            }
        }
        List<Violation> problems = new ArrayList<>();
        Kind kind = enumOf(Kind.class, values.get("kind"), "kind", problems);
        RegionCode region = null;
        try {
            region = RegionCode.of(values.getOrDefault("region", ""));
        } catch (RuntimeException e) {
            problems.add(new Violation("region", e.getMessage()));
        }
        CategoryId category = null;
        if (!blank(values.get("category"))) {
            try {
                category = CategoryId.of(values.get("category"));
            } catch (RuntimeException e) {
                problems.add(new Violation("category", e.getMessage()));
            }
        }
        UnitId institution = null;
        if (!blank(values.get("institution"))) {
            try {
                institution = UnitId.of(values.get("institution"));
            } catch (RuntimeException e) {
                problems.add(new Violation("institution", e.getMessage()));
            }
        }
        LocalDate incident = null;
        if (!blank(values.get("incidentDate"))) {
            try {
                incident = LocalDate.parse(values.get("incidentDate"));
            } catch (DateTimeParseException e) {
                problems.add(new Violation("incidentDate", "must be a date such as 2026-03-17"));
            }
        }
        String submission = values.get("submission");
        if (blank(submission) || !submission.matches("[A-Za-z0-9_-]{16,64}")) {
            submission = newToken();
        }
        if (!problems.isEmpty()) {
            values.put("submission", submission);
            reportForm(ctx, values, problems);
            return;
        }
        String phone = blank(values.get("phone")) ? null : values.get("phone").replaceAll("[\\s().-]", "");
        Reporter reporter = new Reporter(nullIfBlank(values.get("name")), phone, nullIfBlank(values.get("email")), null);
        Location location = new Location(region, null, null, nullIfBlank(values.get("address")));
        Command.Submit report = new Command.Submit(kind, Channel.WEB, values.getOrDefault("title", ""),
                values.getOrDefault("body", ""), incident, location, category, Set.of(), List.of(), reporter,
                values.containsKey("anonymous"), values.containsKey("confidential"), institution, null, "portal:" + submission);
        Submission result = lapor.submit(Actor.newReporter(), report);
        Labels l = ctx.l();
        if (result instanceof Submission.Invalid invalid) {
            values.put("submission", submission);
            reportForm(ctx, values, invalid.violations());
            return;
        }
        Html h = new Html();
        if (result instanceof Submission.Created c) {
            log.info("portal: complaint {} submitted", c.trackingNumber());
            h.el("h1", "", l.t("report.done.title"));
            h.raw("<dl class=\"receipt\"><dt>").text(l.t("report.done.number")).raw("</dt><dd id=\"tracking-number\">")
                    .text(c.trackingNumber().value()).raw("</dd><dt>").text(l.t("report.done.secret"))
                    .raw("</dt><dd id=\"secret\">").text(c.secret()).raw("</dd></dl>");
            h.el("p", "class=\"alert\"", l.t("report.done.keep"));
            h.raw("<p><a id=\"track-link\"").raw(Html.attr("href", "/track?number=" + c.trackingNumber().value())).raw(">")
                    .text(l.t("report.done.track")).raw("</a></p>");
        } else if (result instanceof Submission.AlreadySubmitted a) {
            h.el("h1", "", l.t("report.done.title"));
            h.raw("<p>").text(l.t("report.again", a.trackingNumber().value())).raw("</p>");
        }
        page(ctx, 200, l.t("report.done.title"), h);
    }

    /** The tracking page: the reporter's view with the right PIN, else the public one; never the reporter's identity. */
    private void track(Ctx ctx, String numberText, String secret, String message) throws IOException {
        Labels l = ctx.l();
        Html h = new Html();
        h.el("h1", "", l.t("track.title"));
        h.raw("<form method=\"post\" action=\"/track\" class=\"form inline\" id=\"track-form\">");
        input(h, "number", l.t("track.number"), "text", numberText == null ? Map.of() : Map.of("number", numberText),
                "inputmode=\"numeric\" maxlength=\"30\" required");
        h.raw("<label for=\"secret\">").text(l.t("track.secret"))
                .raw("</label><input id=\"secret\" name=\"secret\" type=\"password\" maxlength=\"30\" autocomplete=\"off\">");
        h.raw("<button type=\"submit\" id=\"track-submit\">").text(l.t("track.submit")).raw("</button></form>");
        int status = 200;
        if (message != null) {
            h.el("p", "class=\"alert\" id=\"message\"", message);
        }
        if (!blank(numberText)) {
            Optional<TrackingNumber> number = number(numberText);
            if (number.isEmpty()) {
                h.el("p", "class=\"alert error\" id=\"not-found\"", l.t("track.badnumber"));
                status = 400;
            } else {
                boolean withSecret = !blank(secret);
                Optional<ComplaintView> own = withSecret ? lapor.view(Actor.reporter(secret), number.get()) : Optional.empty();
                Optional<ComplaintView> view = own.isPresent() ? own : lapor.view(Actor.publicVisitor(), number.get());
                if (view.isEmpty()) {
                    // A confidential complaint without its PIN looks exactly like a number never given.
                    h.el("p", "class=\"alert error\" id=\"not-found\"", l.t("track.notfound"));
                    status = 404;
                } else {
                    if (withSecret && own.isEmpty()) {
                        h.el("p", "class=\"alert\" id=\"public-only\"", l.t("track.public.only"));
                    }
                    complaint(h, view.get(), l, false);
                    if (own.isPresent()) {
                        reporterForms(h, view.get(), secret, l);
                    }
                }
            }
        }
        page(ctx, status, l.t("track.title"), h);
    }

    private void reporterForms(Html h, ComplaintView v, String secret, Labels l) {
        Set<CommandKind> can = v.availableCommands();
        if (can.contains(CommandKind.REPLY)) {
            reporterForm(h, v, secret, "REPLY", l.t("track.reply"));
            h.raw("<label for=\"reply-text\">").text(l.t("track.reply.text"))
                    .raw("</label><textarea id=\"reply-text\" name=\"text\" rows=\"3\" maxlength=\"10000\" required></textarea>")
                    .raw("<button type=\"submit\">").text(l.t("track.reply.submit")).raw("</button></form></section>");
        }
        if (can.contains(CommandKind.RATE) && v.rating().isEmpty()) {
            reporterForm(h, v, secret, "RATE", l.t("track.rate"));
            h.raw("<label for=\"score\">").text(l.t("track.rate.score")).raw("</label><select id=\"score\" name=\"score\">");
            for (int i = 5; i >= 1; i--) {
                option(h, Integer.toString(i), Integer.toString(i), "5");
            }
            h.raw("</select><label for=\"comment\">").text(l.t("track.rate.comment"))
                    .raw("</label><input id=\"comment\" name=\"comment\" maxlength=\"2000\">")
                    .raw("<button type=\"submit\">").text(l.t("track.rate.submit")).raw("</button></form></section>");
        }
        if (can.contains(CommandKind.COMPLETE)) {
            reporterForm(h, v, secret, "COMPLETE", l.t("track.complete"));
            h.raw("<button type=\"submit\">").text(l.t("track.complete.submit")).raw("</button></form></section>");
        }
    }

    private static void reporterForm(Html h, ComplaintView v, String secret, String action, String title) {
        h.raw("<section class=\"action\"><h3>").text(title).raw("</h3><form method=\"post\" action=\"/track/act\" class=\"form\"")
                .raw(Html.attr("id", "reporter-" + action.toLowerCase(Locale.ROOT))).raw(">")
                .raw("<input type=\"hidden\" name=\"number\"").raw(Html.attr("value", v.trackingNumber().value())).raw(">")
                .raw("<input type=\"hidden\" name=\"secret\"").raw(Html.attr("value", secret)).raw(">")
                .raw("<input type=\"hidden\" name=\"version\"").raw(Html.attr("value", v.version())).raw(">")
                .raw("<input type=\"hidden\" name=\"action\"").raw(Html.attr("value", action)).raw(">");
    }

    private void reporterAct(Ctx ctx) throws IOException {
        HttpServletRequest req = ctx.req();
        String numberText = param(req, "number", 40);
        String secret = param(req, "secret", 40);
        Optional<TrackingNumber> number = number(numberText);
        if (number.isEmpty() || blank(secret)) {
            track(ctx, numberText, secret, null);
            return;
        }
        Labels l = ctx.l();
        String action = Objects.requireNonNullElse(param(req, "action", 20), "");
        Command command;
        switch (action) {
            case "REPLY" -> command = new Command.Reply(Objects.requireNonNullElse(param(req, "text", Command.MAX_TEXT + 100), ""));
            case "RATE" -> {
                int score;
                try {
                    score = Integer.parseInt(Objects.requireNonNullElse(param(req, "score", 3), ""));
                } catch (NumberFormatException e) {
                    score = 0;
                }
                command = new Command.Rate(score, nullIfBlank(param(req, "comment", Command.MAX_REASON + 100)));
            }
            case "COMPLETE" -> command = new Command.Complete(null);
            default -> {
                track(ctx, numberText, secret, null);
                return;
            }
        }
        Outcome o = lapor.execute(Actor.reporter(secret), number.get(), command, version(req));
        track(ctx, numberText, secret, outcomeText(o, command, l));
    }

    private String outcomeText(Outcome o, Command command, Labels l) {
        if (o instanceof Outcome.Accepted a) {
            return l.t("officer.done", l.of("command", command.type()), l.of("state", a.state()));
        } else if (o instanceof Outcome.Refused r) {
            return l.t("officer.refused", r.refusal().message());
        } else if (o instanceof Outcome.Invalid i) {
            StringBuilder s = new StringBuilder(l.t("officer.invalid"));
            for (Violation v : i.violations()) {
                s.append(' ').append(v.field()).append(": ").append(v.message()).append(';');
            }
            return s.toString();
        } else if (o instanceof Outcome.Conflict) {
            return l.t("officer.conflict");
        }
        return l.t("officer.notfound");
    }

    /** What every view of a complaint shows; {@code officer} adds the reporter (when the view has it) and the routing. */
    private void complaint(Html h, ComplaintView v, Labels l, boolean officer) {
        ZoneId zone = zoneOf(v);
        h.raw("<article class=\"complaint\" id=\"complaint\"").raw(Html.attr("data-number", v.trackingNumber().value()))
                .raw(Html.attr("data-state", v.state().name())).raw(">");
        h.el("h2", "id=\"complaint-title\"", v.title());
        if (v.confidential()) {
            h.el("p", "class=\"badge confidential\" id=\"confidential-note\"", l.t("track.confidential"));
        }
        h.raw("<dl class=\"facts\">");
        fact(h, l.t("track.number"), v.trackingNumber().value(), "number");
        fact(h, l.t("report.kind"), l.of("kind", v.kind()), "kind");
        fact(h, l.t("track.state"), l.of("state", v.state()), "state");
        fact(h, l.t("track.submitted"), l.at(v.submittedAt(), zone), "submitted");
        fact(h, l.t("track.category"), v.category().map(c -> lapor.categories().find(c).map(Category::name).orElse(c.value()))
                .orElse("-"), "category");
        fact(h, l.t("track.location"), v.location().region().value() + regionName(v.location().region())
                + (v.location().address() == null ? "" : ", " + v.location().address()), "location");
        fact(h, l.t("track.unit"), v.responsibleUnit().map(this::unitName).orElse(l.t("track.unit.none")), "unit");
        if (v.stage().isPresent()) {
            fact(h, l.t("track.stage"), l.of("stage", v.stage().get()), "stage");
        }
        fact(h, l.t("track.deadline"), v.deadline().map(l::deadline)
                .orElse(v.stage().isPresent() ? l.t("track.paused") : l.t("track.deadline.none")), "deadline");
        if (officer) {
            fact(h, l.t("officer.weight"), v.weight().map(w -> l.of("weight", w)).orElse("-"), "weight");
            fact(h, l.t("officer.priority"), v.priority().name(), "priority");
            fact(h, l.t("officer.escalation"), Integer.toString(v.escalationLevel()), "escalation");
            fact(h, l.t("officer.reporter"), v.reporter().map(r -> String.join(", ", nonBlank(r.name(), r.phone(), r.email())))
                    .orElse(l.t("officer.reporter.hidden")), "reporter");
        }
        v.rating().ifPresent(r -> fact(h, l.t("track.rating"), r.score() + "/5" + (r.comment() == null ? "" : ": " + r.comment()),
                "rating"));
        h.raw("</dl>");
        h.el("p", "class=\"body\"", v.body());
        v.latestFollowUp().ifPresent(f -> h.raw("<section class=\"followup\"><h3>").text(l.t("track.followup"))
                .raw("</h3><p id=\"follow-up\">").text(f).raw("</p></section>"));
        h.raw("<h3>").text(l.t("track.history")).raw("</h3><table class=\"history\" id=\"history\"><tbody>");
        for (HistoryEntry e : v.history()) {
            h.raw("<tr").raw(Html.attr("data-event", e.type())).raw("><td class=\"when\">").text(l.at(e.at(), zone))
                    .raw("</td><td>").text(l.t("event." + e.type())).raw("</td><td class=\"who\">").text(l.of("role", e.actorRole()))
                    .raw("</td><td>").text(e.text().map(t -> historyText(t, l, zone)).orElse("")).raw("</td></tr>");
        }
        h.raw("</tbody></table></article>");
    }

    /** History texts come from lapor in English; stage names and instants in them are made readable. */
    private static String historyText(String text, Labels l, ZoneId zone) {
        String out = text;
        for (Stage s : Stage.values()) {
            out = out.replace(s.name(), l.of("stage", s));
        }
        java.util.regex.Matcher m = INSTANT.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String shown;
            try {
                shown = l.at(Instant.parse(m.group()), zone);
            } catch (DateTimeParseException e) {
                shown = m.group();
            }
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(shown));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private static void fact(Html h, String name, String value, String id) {
        h.raw("<dt>").text(name).raw("</dt><dd").raw(Html.attr("id", "fact-" + id)).raw(">").text(value).raw("</dd>");
    }

    private ZoneId zoneOf(ComplaintView v) {
        return v.responsibleUnit().or(v::targetInstitution).flatMap(directory::find).map(Unit::zone).orElse(Unit.WIB);
    }

    private String unitName(UnitId id) {
        return directory.find(id).map(Unit::name).orElse(id.value());
    }

    private String regionName(RegionCode region) {
        return directory.all().stream().filter(u -> u.region().equals(Optional.of(region))).findFirst()
                .map(u -> " " + u.name()).orElse("");
    }

    // --- officers ---------------------------------------------------------------------------------------------

    private void officer(Ctx ctx) throws IOException {
        if (ctx.session().isEmpty()) {
            loginForm(ctx, null, 200);
            return;
        }
        Labels l = ctx.l();
        Actor actor = ctx.session().get().actor();
        Html h = new Html();
        h.el("h1", "", l.t("officer.title"));
        who(h, ctx);
        if (!QUEUE_ROLES.contains(actor.role())) {
            h.el("p", "class=\"alert\"", l.t("officer.queue.empty"));
            page(ctx, 200, l.t("officer.title"), h);
            return;
        }
        List<Complaint> queue = queue(actor);
        int pages = Math.max(1, (queue.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pages, Math.max(1, intParam(ctx.req(), "page", 1)));
        h.el("p", "id=\"queue-count\"", l.t("officer.queue.count", queue.size()));
        if (queue.isEmpty()) {
            h.el("p", "class=\"alert\"", l.t("officer.queue.empty"));
        } else {
            Instant now = lapor.clock().instant();
            h.raw("<table class=\"queue\" id=\"queue\"><thead><tr><th>").text(l.t("officer.queue.number")).raw("</th><th>")
                    .text(l.t("officer.queue.title")).raw("</th><th>").text(l.t("officer.queue.state")).raw("</th><th>")
                    .text(l.t("officer.queue.unit")).raw("</th><th>").text(l.t("officer.queue.deadline")).raw("</th><th>")
                    .text(l.t("officer.queue.sla")).raw("</th></tr></thead><tbody>");
            for (Complaint c : queue.subList((page - 1) * PAGE_SIZE, Math.min(queue.size(), page * PAGE_SIZE))) {
                Optional<ComplaintView> view = views.of(actor, c, List.of());
                if (view.isEmpty()) {
                    continue;
                }
                ComplaintView v = view.get();
                Sla sla = sla(v.clock(), now);
                h.raw("<tr").raw(Html.attr("data-number", v.trackingNumber().value())).raw(Html.attr("data-sla", sla.name()))
                        .raw("><td><a").raw(Html.attr("href", "/officer/complaint?n=" + v.trackingNumber().value())).raw(">")
                        .text(v.trackingNumber().value()).raw("</a></td><td>").text(v.title()).raw("</td><td>")
                        .text(l.of("state", v.state())).raw("</td><td>")
                        .text(v.responsibleUnit().map(this::unitName).orElse(l.t("track.unit.none"))).raw("</td><td>")
                        .text(v.clock().filter(k -> k.pausedAt().isEmpty()).map(k -> l.deadline(k.deadline()))
                                .orElse("-"))
                        .raw("</td><td><span class=\"sla ").raw(sla.name().toLowerCase(Locale.ROOT).replace('_', '-')).raw("\">")
                        .text(l.of("sla", sla)).raw("</span></td></tr>");
            }
            h.raw("</tbody></table>");
            h.raw("<nav class=\"pager\">");
            if (page > 1) {
                h.raw("<a rel=\"prev\"").raw(Html.attr("href", "/officer?page=" + (page - 1))).raw(">").text(l.t("officer.prev"))
                        .raw("</a> ");
            }
            h.el("span", "", l.t("officer.page", page, pages));
            if (page < pages) {
                h.raw(" <a rel=\"next\" id=\"next-page\"").raw(Html.attr("href", "/officer?page=" + (page + 1))).raw(">")
                        .text(l.t("officer.next")).raw("</a>");
            }
            h.raw("</nav>");
        }
        page(ctx, 200, l.t("officer.title"), h);
    }

    /** The officer's open complaints, next deadline first: their unit and below, and for a verifier the unrouted ones they cover. */
    List<Complaint> queue(Actor actor) {
        UnitId unit = actor.unit().orElseThrow();
        ComplaintFilter routed = ComplaintFilter.all().units(directory.subtree(unit)).states(OPEN)
                .order(ComplaintFilter.Order.NEXT_DUE);
        List<Complaint> out = new ArrayList<>();
        scan(routed, c -> views.scope().covers(actor, c), out);
        if (actor.role() == Role.VERIFIER) {
            ComplaintFilter unrouted = ComplaintFilter.all().states(EnumSet.of(State.SUBMITTED, State.ON_HOLD))
                    .order(ComplaintFilter.Order.NEXT_DUE);
            Set<TrackingNumber> seen = new java.util.HashSet<>();
            out.forEach(c -> seen.add(c.trackingNumber()));
            scan(unrouted, c -> c.responsibleUnit().isEmpty() && !seen.contains(c.trackingNumber())
                    && views.scope().covers(actor, c), out);
        }
        out.sort(BY_DEADLINE);
        return out;
    }

    /**
     * The queue's order: complaints whose officers' clock runs (verification, follow-up) first, nearest deadline
     * first; then those waiting for the reporter (on hold, reply window) or without a clock.
     */
    static final Comparator<Complaint> BY_DEADLINE = Comparator
            .comparingInt((Complaint c) -> c.clock().filter(k -> k.pausedAt().isEmpty() && k.stage() != Stage.REPLY_WINDOW)
                    .isPresent() ? 0 : 1)
            .thenComparing(c -> c.clock().map(k -> k.deadline().due()).orElse(Instant.MAX))
            .thenComparing(Complaint::trackingNumber);

    private void scan(ComplaintFilter filter, java.util.function.Predicate<Complaint> keep, List<Complaint> out) {
        for (int offset = 0; offset < 20_000; offset += 500) {
            List<Complaint> page = search.search(filter, offset, 500);
            for (Complaint c : page) {
                if (keep.test(c)) {
                    out.add(c);
                }
            }
            if (page.size() < 500) {
                return;
            }
        }
    }

    /** The SLA badge of a running clock at {@code now}. */
    enum Sla { ON_TIME, WARNING, BREACHED, PAUSED, REPLY, NONE }

    static Sla sla(Optional<StageClock> clock, Instant now) {
        if (clock.isEmpty()) {
            return Sla.NONE;
        }
        StageClock k = clock.get();
        if (k.pausedAt().isPresent()) {
            return Sla.PAUSED;
        }
        if (k.stage() == Stage.REPLY_WINDOW) {
            return Sla.REPLY;
        }
        if (!now.isBefore(k.deadline().due())) {
            return Sla.BREACHED;
        }
        for (Timer t : k.timers()) {
            if ((t.kind() == Timer.Kind.BREACH && k.fired().contains(t.id()))) {
                return Sla.BREACHED;
            }
        }
        for (Timer t : k.timers()) {
            if (t.kind() == Timer.Kind.WARNING && (!now.isBefore(t.due().due()) || k.fired().contains(t.id()))) {
                return Sla.WARNING;
            }
        }
        return Sla.ON_TIME;
    }

    private void who(Html h, Ctx ctx) {
        Actor a = ctx.session().get().actor();
        h.raw("<div class=\"who\" id=\"who\">").text(ctx.l().t("officer.who", a.id(), ctx.l().of("role", a.role()),
                a.unit().map(this::unitName).orElse("-")));
        h.raw(" <form method=\"post\" action=\"/officer/logout\" class=\"inline\"><input type=\"hidden\" name=\"token\"")
                .raw(Html.attr("value", ctx.session().get().formToken())).raw("><button type=\"submit\" class=\"link\" id=\"logout\">")
                .text(ctx.l().t("officer.logout")).raw("</button></form></div>");
    }

    private void loginForm(Ctx ctx, String problem, int status) throws IOException {
        Labels l = ctx.l();
        Html h = new Html();
        h.el("h1", "", l.t("officer.login"));
        if (problem != null) {
            h.el("p", "class=\"alert error\" id=\"login-error\"", problem);
        }
        h.el("p", "class=\"muted\"", l.t("officer.login.note"));
        h.raw("<form method=\"post\" action=\"/officer/login\" class=\"form\" id=\"login-form\"><label for=\"key\">")
                .text(l.t("officer.login.key"))
                .raw("</label><input id=\"key\" name=\"key\" type=\"password\" maxlength=\"200\" autocomplete=\"off\" required>")
                .raw("<button type=\"submit\" id=\"login-submit\">").text(l.t("officer.login.submit")).raw("</button></form>");
        page(ctx, status, l.t("officer.login"), h);
    }

    private void login(Ctx ctx) throws IOException {
        String key = param(ctx.req(), "key", 300);
        Optional<Actor> actor = blank(key) ? Optional.empty()
                : callers.resolve(new KeyRequest(ctx.req(), key.strip())).filter(a -> a.role() != Role.PUBLIC && a.unit().isPresent());
        if (actor.isEmpty()) {
            loginForm(ctx, ctx.l().t("officer.login.bad"), 401);
            return;
        }
        ctx.session().ifPresent(s -> sessions.close(s.id()));
        Sessions.Session s = sessions.open(actor.get());
        log.info("portal: officer {} signed in", actor.get().id());
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Sessions.LIFETIME.toSeconds());
        redirect(ctx, "/officer");
    }

    private void logout(Ctx ctx) throws IOException {
        if (ctx.session().isPresent() && ctx.session().get().acceptsForm(param(ctx.req(), "token", 100))) {
            sessions.close(ctx.session().get().id());
            ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        }
        redirect(ctx, "/");
    }

    /** The request as the officer API would see it with the key in {@code X-Api-Key}: the same resolver decides. */
    private static final class KeyRequest extends HttpServletRequestWrapper {
        private final String key;

        KeyRequest(HttpServletRequest request, String key) {
            super(request);
            this.key = key;
        }

        @Override
        public String getHeader(String name) {
            if ("X-Api-Key".equalsIgnoreCase(name)) {
                return key;
            }
            return "Authorization".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }

    private void officerComplaint(Ctx ctx, String message, int status) throws IOException {
        if (ctx.session().isEmpty()) {
            loginForm(ctx, null, 401);
            return;
        }
        Labels l = ctx.l();
        Actor actor = ctx.session().get().actor();
        Html h = new Html();
        who(h, ctx);
        h.raw("<p><a href=\"/officer\">").text("\u2190 " + l.t("officer.back")).raw("</a></p>");
        Optional<TrackingNumber> n = number(param(ctx.req(), "n", 40));
        Optional<ComplaintView> view = n.flatMap(x -> lapor.view(actor, x));
        if (view.isEmpty()) {
            h.el("p", "class=\"alert error\" id=\"not-found\"", l.t("officer.notfound"));
            page(ctx, 404, l.t("officer.title"), h);
            return;
        }
        ComplaintView v = view.get();
        String done = param(ctx.req(), "done", 30);
        if (message == null && done != null) {
            try {
                message = l.t("officer.done", l.of("command", CommandKind.valueOf(done)), l.of("state", v.state()));
            } catch (IllegalArgumentException ignored) {
                // not one of ours: say nothing
            }
        }
        if (message != null) {
            h.el("p", "class=\"alert\" id=\"message\"", message);
        }
        h.el("h1", "", l.t("officer.detail", v.trackingNumber().value()));
        // The routed unit is not part of a view: read it from the complaint the officer may see.
        Optional<Complaint> full = search.search(ComplaintFilter.all().numbers(Set.of(v.trackingNumber())), 0, 1).stream()
                .findFirst();
        full.flatMap(Complaint::routedUnit).ifPresent(u -> h.raw("<p class=\"muted\" id=\"routed\">")
                .text(l.t("officer.routed") + ": " + unitName(u)).raw("</p>"));
        Sla sla = sla(v.clock(), lapor.clock().instant());
        h.raw("<p>SLA: <span id=\"sla\" class=\"sla ").raw(sla.name().toLowerCase(Locale.ROOT).replace('_', '-')).raw("\">")
                .text(l.of("sla", sla)).raw("</span></p>");
        complaint(h, v, l, true);
        actions(h, v, actor, full.flatMap(Complaint::routedUnit), ctx.session().get().formToken(), l);
        page(ctx, status, l.t("officer.detail", v.trackingNumber().value()), h);
    }

    private void actions(Html h, ComplaintView v, Actor actor, Optional<UnitId> routed, String token, Labels l) {
        h.raw("<section class=\"actions\" id=\"actions\"><h2>").text(l.t("officer.actions")).raw("</h2>");
        List<CommandKind> kinds = v.availableCommands().stream()
                .filter(k -> k != CommandKind.REPLY && k != CommandKind.RATE && k != CommandKind.SUBMIT).sorted().toList();
        if (kinds.isEmpty()) {
            h.el("p", "class=\"muted\"", l.t("officer.actions.none"));
        }
        for (CommandKind k : kinds) {
            h.raw("<form method=\"post\" action=\"/officer/act\" class=\"action\"")
                    .raw(Html.attr("id", "action-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'))).raw("><h3>")
                    .text(l.of("command", k)).raw("</h3>")
                    .raw("<input type=\"hidden\" name=\"n\"").raw(Html.attr("value", v.trackingNumber().value())).raw(">")
                    .raw("<input type=\"hidden\" name=\"version\"").raw(Html.attr("value", v.version())).raw(">")
                    .raw("<input type=\"hidden\" name=\"command\"").raw(Html.attr("value", k.name())).raw(">")
                    .raw("<input type=\"hidden\" name=\"token\"").raw(Html.attr("value", token)).raw(">");
            String id = k.name().toLowerCase(Locale.ROOT);
            switch (k) {
                case VERIFY -> {
                    unitSelect(h, id + "-unit", "unit", l.t("field.unit"), allUnits(), routed.map(UnitId::value).orElse(""),
                            routed.map(u -> l.t("officer.routed") + ": " + unitName(u)).orElse(""));
                    h.raw("<label").raw(Html.attr("for", id + "-weight")).raw(">").text(l.t("field.weight")).raw("</label><select")
                            .raw(Html.attr("id", id + "-weight")).raw(" name=\"weight\">");
                    for (Weight w : Weight.values()) {
                        option(h, w.name(), l.of("weight", w), "NORMAL");
                    }
                    h.raw("</select>");
                }
                case HOLD, NOT_OUR_AUTHORITY, RETURN_FOLLOW_UP -> textarea(h, id + "-reason", "reason", l.t("field.reason"), true);
                case RESUME, COMPLETE -> textarea(h, id + "-note", "note", l.t("field.note"), false);
                case ARCHIVE -> {
                    h.raw("<label").raw(Html.attr("for", id + "-reason")).raw(">").text(l.t("field.archive.reason"))
                            .raw("</label><select").raw(Html.attr("id", id + "-reason")).raw(" name=\"reason\">");
                    for (ArchiveReason r : ArchiveReason.values()) {
                        option(h, r.name(), l.of("archive", r), "");
                    }
                    h.raw("</select>");
                    textarea(h, id + "-note", "note", l.t("field.note"), false);
                }
                case FORWARD -> {
                    UnitId current = v.responsibleUnit().orElse(null);
                    List<Unit> below = current == null ? List.of() : directory.subtree(current).stream()
                            .filter(u -> !u.equals(current)).map(directory::get).sorted(Comparator.comparing(Unit::name)).toList();
                    unitSelect(h, id + "-unit", "unit", l.t("field.unit"), below, "", null);
                    textarea(h, id + "-note", "note", l.t("field.note"), false);
                }
                case REASSIGN -> {
                    List<Unit> to = actor.role() == Role.SUPERVISOR
                            ? directory.subtree(actor.unit().orElseThrow()).stream().map(directory::get)
                                    .sorted(Comparator.comparing(Unit::name)).toList()
                            : allUnits();
                    unitSelect(h, id + "-unit", "unit", l.t("field.unit"), to, "", null);
                    textarea(h, id + "-reason", "reason", l.t("field.reason"), true);
                }
                case POST_FOLLOW_UP -> textarea(h, id + "-text", "text", l.t("field.text"), true);
                case ESCALATE -> {
                    h.raw("<label").raw(Html.attr("for", id + "-level")).raw(">").text(l.t("field.level")).raw("</label><input")
                            .raw(Html.attr("id", id + "-level")).raw(" name=\"level\" type=\"number\" min=\"1\" max=\"99\"")
                            .raw(Html.attr("value", v.escalationLevel() + 1)).raw(">");
                    textarea(h, id + "-reason", "reason", l.t("field.reason"), true);
                }
                default -> {
                    // APPROVE_FOLLOW_UP: nothing to fill in
                }
            }
            h.raw("<button type=\"submit\"").raw(Html.attr("id", "do-" + id.replace('_', '-'))).raw(">").text(l.of("command", k))
                    .raw("</button></form>");
        }
        h.raw("</section>");
    }

    private List<Unit> allUnits() {
        return directory.all().stream().sorted(Comparator.comparing(Unit::name)).toList();
    }

    private static void unitSelect(Html h, String id, String name, String label, List<Unit> units, String selected,
                                   String emptyOption) {
        h.raw("<label").raw(Html.attr("for", id)).raw(">").text(label).raw("</label><select").raw(Html.attr("id", id))
                .raw(Html.attr("name", name)).raw(">");
        if (emptyOption != null && !emptyOption.isEmpty()) {
            option(h, "", emptyOption, "");
        }
        for (Unit u : units) {
            option(h, u.id().value(), u.name() + " (" + Labels.zoneName(u.zone()) + ")", selected);
        }
        h.raw("</select>");
    }

    private static void textarea(Html h, String id, String name, String label, boolean required) {
        h.raw("<label").raw(Html.attr("for", id)).raw(">").text(label).raw("</label><textarea").raw(Html.attr("id", id))
                .raw(Html.attr("name", name)).raw(" rows=\"2\" maxlength=\"10000\"").raw(required ? " required" : "")
                .raw("></textarea>");
    }

    private void officerAct(Ctx ctx) throws IOException {
        HttpServletRequest req = ctx.req();
        if (ctx.session().isEmpty()) {
            loginForm(ctx, null, 401);
            return;
        }
        Sessions.Session session = ctx.session().get();
        Labels l = ctx.l();
        Optional<TrackingNumber> n = number(param(req, "n", 40));
        if (!session.acceptsForm(param(req, "token", 100))) {
            officerComplaint(ctx, l.t("officer.csrf"), 403);
            return;
        }
        if (n.isEmpty()) {
            officerComplaint(ctx, l.t("officer.notfound"), 404);
            return;
        }
        Command command;
        try {
            command = command(req);
        } catch (IllegalArgumentException e) {
            officerComplaint(ctx, l.t("officer.invalid") + " " + e.getMessage(), 400);
            return;
        }
        Outcome o = lapor.execute(session.actor(), n.get(), command, version(req));
        if (o instanceof Outcome.Accepted) {
            log.info("portal: complaint {} {} by {}", n.get(), command.type(), session.actor().id());
            redirect(ctx, "/officer/complaint?n=" + n.get().value() + "&done=" + command.type().name());
            return;
        }
        int status = o instanceof Outcome.Invalid ? 400 : o instanceof Outcome.NotFound ? 404 : 409;
        officerComplaint(ctx, outcomeText(o, command, l), status);
    }

    /** The command a form posted; the lifecycle and its validation decide the rest. */
    private Command command(HttpServletRequest req) {
        CommandKind kind = CommandKind.valueOf(Objects.requireNonNullElse(param(req, "command", 30), ""));
        String reason = Objects.requireNonNullElse(param(req, "reason", Command.MAX_REASON + 100), "");
        String note = nullIfBlank(param(req, "note", Command.MAX_REASON + 100));
        UnitId unit = blank(param(req, "unit", 100)) ? null : UnitId.of(param(req, "unit", 100));
        return switch (kind) {
            case VERIFY -> new Command.Verify(unit, Weight.valueOf(Objects.requireNonNullElse(param(req, "weight", 40), "NORMAL")),
                    null, null, null, null, null, null);
            case HOLD -> new Command.Hold(reason);
            case RESUME -> new Command.Resume(note);
            case NOT_OUR_AUTHORITY -> new Command.NotOurAuthority(reason);
            case ARCHIVE -> new Command.Archive(ArchiveReason.valueOf(Objects.requireNonNullElse(param(req, "reason", 40), "OTHER")),
                    note);
            case FORWARD -> new Command.Forward(Objects.requireNonNull(unit, "a unit is required"), note);
            case REASSIGN -> new Command.Reassign(Objects.requireNonNull(unit, "a unit is required"), reason);
            case POST_FOLLOW_UP -> new Command.PostFollowUp(Objects.requireNonNullElse(param(req, "text", Command.MAX_TEXT + 100), ""));
            case APPROVE_FOLLOW_UP -> new Command.ApproveFollowUp();
            case RETURN_FOLLOW_UP -> new Command.ReturnFollowUp(reason);
            case COMPLETE -> new Command.Complete(note);
            case ESCALATE -> new Command.Escalate(intParam(req, "level", 1), reason, null, Set.of());
            default -> throw new IllegalArgumentException("officers do not " + kind);
        };
    }

    // --- statistics -------------------------------------------------------------------------------------------

    private void statistics(Ctx ctx) throws IOException {
        Labels l = ctx.l();
        HttpServletRequest req = ctx.req();
        UnitId unit = statisticsUnit;
        String asked = param(req, "unit", 100);
        if (!blank(asked)) {
            try {
                UnitId u = UnitId.of(asked);
                if (directory.contains(u)) {
                    unit = u;
                }
            } catch (RuntimeException ignored) {
                // an unknown unit shows the default one
            }
        }
        ZoneId zone = directory.get(unit).zone();
        YearMonth to = month(param(req, "to", 10), YearMonth.from(lapor.clock().instant().atZone(zone)));
        YearMonth from = month(param(req, "from", 10), to.minusMonths(11));
        if (to.isBefore(from) || from.plusMonths(35).isBefore(to)) {
            from = to.minusMonths(11);
        }
        Statistics.Report report = statistics.compute(unit, from, to);
        Html h = new Html();
        h.el("h1", "", l.t("stats.title"));
        h.raw("<form method=\"get\" action=\"/statistics\" class=\"form inline\" id=\"stats-form\">");
        unitSelect(h, "stats-unit", "unit", l.t("stats.unit"), allUnits(), unit.value(), null);
        h.raw("<label for=\"from\">").text(l.t("stats.from")).raw("</label><input id=\"from\" name=\"from\" type=\"month\"")
                .raw(Html.attr("value", from)).raw("><label for=\"to\">").text(l.t("stats.to"))
                .raw("</label><input id=\"to\" name=\"to\" type=\"month\"").raw(Html.attr("value", to)).raw(">")
                .raw("<button type=\"submit\">").text(l.t("stats.show")).raw("</button></form>");
        String api = "/api/v1/statistics?unit=" + unit.value() + "&from=" + from + "&to=" + to;
        h.raw("<section id=\"stats\"").raw(Html.attr("data-unit", unit.value())).raw(Html.attr("data-from", from))
                .raw(Html.attr("data-to", to)).raw(">");
        h.el("h2", "", l.t("stats.months") + " \u2013 " + unitName(unit));
        h.raw(Charts.months(report, l));
        long[] totals = new long[4];
        h.raw("<table class=\"figures\" id=\"months-table\"><thead><tr><th>").text(l.t("stats.month")).raw("</th><th>")
                .text(l.t("stats.received")).raw("</th><th>").text(l.t("stats.completed")).raw("</th><th>")
                .text(l.t("stats.archived")).raw("</th><th>").text(l.t("stats.inprogress")).raw("</th></tr></thead><tbody>");
        for (Statistics.Month m : report.months()) {
            h.raw("<tr><td>").text(m.month()).raw("</td><td>").text(m.received()).raw("</td><td>").text(m.completed())
                    .raw("</td><td>").text(m.archived()).raw("</td><td>").text(m.inProgress()).raw("</td></tr>");
            totals[0] += m.received();
            totals[1] += m.completed();
            totals[2] += m.archived();
            totals[3] += m.inProgress();
        }
        h.raw("</tbody><tfoot><tr><th>").text(l.t("stats.total")).raw("</th><td id=\"total-received\">").text(totals[0])
                .raw("</td><td id=\"total-completed\">").text(totals[1]).raw("</td><td id=\"total-archived\">").text(totals[2])
                .raw("</td><td id=\"total-in-progress\">").text(totals[3]).raw("</td></tr></tfoot></table>");
        h.el("h2", "", l.t("stats.ontime"));
        h.el("p", "class=\"muted\"", l.t("stats.ontime.note"));
        if (report.onTime().isEmpty()) {
            h.el("p", "class=\"muted\"", l.t("stats.ontime.none"));
        } else {
            h.raw(Charts.onTime(report, directory, l));
        }
        h.raw("</section>");
        h.el("p", "class=\"muted\"", l.t("stats.source", api));
        page(ctx, 200, l.t("stats.title"), h);
    }

    private static YearMonth month(String text, YearMonth fallback) {
        if (blank(text)) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    // --- layout and helpers -----------------------------------------------------------------------------------

    private void page(Ctx ctx, int status, String title, Html body) throws IOException {
        Labels l = ctx.l();
        HttpServletRequest req = ctx.req();
        String path = req.getRequestURI();
        String query = req.getQueryString();
        StringBuilder switchHref = new StringBuilder(path).append('?');
        if (query != null && "GET".equals(req.getMethod())) {
            for (String pair : query.split("&")) {
                if (!pair.startsWith("lang=") && !pair.isEmpty()) {
                    switchHref.append(pair).append('&');
                }
            }
        }
        switchHref.append("lang=").append(l.other().language());
        Html h = new Html();
        h.raw("<!DOCTYPE html><html").raw(Html.attr("lang", l.language())).raw("><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .text(title + " \u2013 " + l.t("site.title")).raw("</title><link rel=\"stylesheet\" href=\"/assets/portal.css\">")
                .raw("</head><body><header class=\"top\"><div class=\"brand\"><a href=\"/\" class=\"logo\">").text(l.t("site.title"))
                .raw("</a><span class=\"tagline\">").text(l.t("site.tagline")).raw("</span></div><nav class=\"nav\">");
        nav(h, "/report", l.t("nav.report"), path);
        nav(h, "/track", l.t("nav.track"), path);
        nav(h, "/officer", l.t("nav.officer"), path);
        nav(h, "/statistics", l.t("nav.statistics"), path);
        h.raw("<a class=\"lang\" id=\"lang-switch\"").raw(Html.attr("hreflang", l.other().language()))
                .raw(Html.attr("href", switchHref.toString())).raw(">").text(l.t("lang.switch")).raw("</a></nav></header><main>");
        h.raw(body.toString());
        h.raw("</main><footer>").text(l.t("site.demo", dataFolder)).raw("</footer></body></html>");
        HttpServletResponse res = ctx.res();
        res.setStatus(status);
        res.setContentType("text/html; charset=utf-8");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        res.setContentLength(bytes.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(bytes);
        }
    }

    private static void nav(Html h, String href, String text, String path) {
        h.raw("<a").raw(Html.attr("href", href)).raw(path.startsWith(href) ? " class=\"here\"" : "").raw(">").text(text).raw("</a>");
    }

    private void error(Ctx ctx, int status, String message) throws IOException {
        Html h = new Html();
        h.el("h1", "", ctx.l().t("error.title"));
        h.el("p", "class=\"alert error\"", message);
        page(ctx, status, ctx.l().t("error.title"), h);
    }

    private static void redirect(Ctx ctx, String location) {
        ctx.res().setStatus(303);
        ctx.res().setHeader("Location", location);
    }

    private Labels language(HttpServletRequest req, HttpServletResponse res) {
        String asked = req.getParameter("lang");
        if ("en".equals(asked) || "id".equals(asked)) {
            res.addHeader("Set-Cookie", LANG_COOKIE + "=" + asked + "; Path=/; SameSite=Lax; Max-Age=31536000");
            return Labels.of(asked);
        }
        String kept = cookie(req, LANG_COOKIE);
        return Labels.of("en".equals(kept) || "id".equals(kept) ? kept : defaultLanguage);
    }

    private static String cookie(HttpServletRequest req, String name) {
        if (req.getCookies() == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie c : req.getCookies()) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Thrown when a field is longer than any legal value: the request is refused whole. */
    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super(null, null, false, false);
        }
    }

    private static String param(HttpServletRequest req, String name, int max) {
        String v = req.getParameter(name);
        if (v != null && v.length() > max) {
            throw new TooLong();
        }
        return v;
    }

    private static int intParam(HttpServletRequest req, String name, int fallback) {
        String v = param(req, name, 12);
        try {
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long version(HttpServletRequest req) {
        String v = param(req, "version", 20);
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<TrackingNumber> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[\\s#-]", "");
        return TrackingNumber.isValid(digits) ? Optional.of(TrackingNumber.parse(digits)) : Optional.empty();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<Violation> problems) {
        try {
            return Enum.valueOf(type, Objects.requireNonNullElse(value, ""));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(field, "is required"));
            return null;
        }
    }

    private static void option(Html h, String value, String label, String selected) {
        h.raw("<option").raw(Html.attr("value", value)).raw(value.equals(selected) ? " selected" : "").raw(">").text(label)
                .raw("</option>");
    }

    private static void input(Html h, String name, String label, String type, Map<String, String> values, String extra) {
        h.raw("<label").raw(Html.attr("for", name)).raw(">").text(label).raw("</label><input").raw(Html.attr("id", name))
                .raw(Html.attr("name", name)).raw(Html.attr("type", type)).raw(Html.attr("value", values.getOrDefault(name, "")))
                .raw(extra.isEmpty() ? "" : " " + extra).raw(">");
    }

    private static void checkbox(Html h, String name, String label, Map<String, String> values) {
        h.raw("<label class=\"check\"><input type=\"checkbox\" value=\"on\"").raw(Html.attr("id", name)).raw(Html.attr("name", name))
                .raw(values.containsKey(name) ? " checked" : "").raw("> ").text(label).raw("</label>");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullIfBlank(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String newToken() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
