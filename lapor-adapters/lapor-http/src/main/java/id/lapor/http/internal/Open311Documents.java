package id.lapor.http.internal;

import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Kind;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.State;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.HistoryEntry;
import id.lapor.http.internal.HttpFailure.Problem;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GeoReport v2 documents lapor answers with, as trees that {@link Documents} writes as JSON or XML.
 * Requests are made from public {@link ComplaintView}s only, so what a view does not hold (the reporter,
 * attachments, drafts) cannot appear. The mapping is described in the module's README.
 */
public final class Open311Documents {
    /** The service attributes every service has. */
    public static final String ATTR_TITLE = "title";
    public static final String ATTR_KIND = "kind";
    public static final String ATTR_ANONYMOUS = "anonymous";
    public static final String ATTR_CONFIDENTIAL = "confidential";
    public static final List<String> ATTRIBUTES = List.of(ATTR_TITLE, ATTR_KIND, ATTR_ANONYMOUS, ATTR_CONFIDENTIAL);

    private final Directory directory;
    private final CategoryCatalogue categories;
    private final ZoneId defaultZone;

    public Open311Documents(Directory directory, CategoryCatalogue categories, ZoneId defaultZone) {
        this.directory = directory;
        this.categories = categories;
        this.defaultZone = defaultZone;
    }

    /** The service discovery document. */
    public ObjectNode discovery(String changeset, String contact, String keyService, String url, String type) {
        ObjectNode d = Json.object();
        d.put("changeset", changeset);
        d.put("contact", contact);
        d.put("key_service", keyService);
        ArrayNode endpoints = d.putArray("endpoints");
        ObjectNode e = endpoints.addObject();
        e.put("specification", "http://wiki.open311.org/GeoReport_v2");
        e.put("url", url);
        e.put("changeset", changeset);
        e.put("type", type);
        ArrayNode formats = e.putArray("formats");
        formats.add("text/xml");
        formats.add("application/json");
        return d;
    }

    /** Every service: one per leaf category of the catalogue, grouped by its top-level category. */
    public ArrayNode services() {
        ArrayNode out = Json.array();
        for (Category c : categories.all()) {
            if (!categories.isLeaf(c.id())) {
                continue;
            }
            ObjectNode s = out.addObject();
            s.put("service_code", c.id().value());
            s.put("service_name", c.name());
            s.put("description", path(c.id()));
            s.put("metadata", true);
            s.put("type", "realtime");
            CategoryId top = categories.topLevelOf(c.id());
            s.put("keywords", top.equals(c.id()) ? c.id().value() : top.value() + ", " + c.id().value());
            s.put("group", categories.find(top).map(Category::name).orElse(top.value()));
        }
        return out;
    }

    /** True when {@code code} names a service: a leaf category. */
    public Optional<CategoryId> service(String code) {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            return Optional.empty();
        }
        CategoryId id = CategoryId.of(code);
        return categories.contains(id) && categories.isLeaf(id) ? Optional.of(id) : Optional.empty();
    }

    /** The definition of a service: its attributes (title, kind, anonymous, confidential). */
    public ObjectNode serviceDefinition(CategoryId code) {
        ObjectNode d = Json.object();
        d.put("service_code", code.value());
        ArrayNode attributes = d.putArray("attributes");
        ObjectNode title = attribute(attributes, ATTR_TITLE, "string", 1,
                "Judul laporan (report title); when absent, the first line of the description");
        title.put("datatype_description", "at most 200 characters");
        ObjectNode kind = attribute(attributes, ATTR_KIND, "singlevaluelist", 2,
                "Jenis laporan (kind of report); complaint when absent");
        ArrayNode kinds = kind.putArray("values");
        value(kinds, "aspiration", "Aspirasi (aspiration)");
        value(kinds, "complaint", "Pengaduan (complaint)");
        value(kinds, "information_request", "Permintaan informasi (information request)");
        ObjectNode anonymous = attribute(attributes, ATTR_ANONYMOUS, "singlevaluelist", 3,
                "Anonim: identitas pelapor hanya untuk verifikator (anonymous: the reporter's identity is seen by the verifiers only)");
        yesNo(anonymous.putArray("values"));
        ObjectNode confidential = attribute(attributes, ATTR_CONFIDENTIAL, "singlevaluelist", 4,
                "Rahasia: laporan tidak dipublikasikan (confidential: the report is never public)");
        yesNo(confidential.putArray("values"));
        return d;
    }

    private static ObjectNode attribute(ArrayNode attributes, String code, String datatype, int order, String description) {
        ObjectNode a = attributes.addObject();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", datatype);
        a.put("required", false);
        a.putNull("datatype_description");
        a.put("order", order);
        a.put("description", description);
        return a;
    }

    private static void value(ArrayNode values, String key, String name) {
        ObjectNode v = values.addObject();
        v.put("key", key);
        v.put("name", name);
    }

    private static void yesNo(ArrayNode values) {
        value(values, "true", "Ya (yes)");
        value(values, "false", "Tidak (no)");
    }

    /** The answer to a created (or already created) service request. {@code notice} may be null. */
    public ArrayNode created(String serviceRequestId, String notice) {
        ArrayNode out = Json.array();
        ObjectNode r = out.addObject();
        r.put("service_request_id", serviceRequestId);
        if (notice != null) {
            r.put("service_notice", notice);
        }
        return out;
    }

    /** One service request as the public sees it; {@code view} must be a public view. */
    public ObjectNode request(ComplaintView view) {
        ZoneId zone = zoneOf(view);
        ObjectNode r = Json.object();
        r.put("service_request_id", view.trackingNumber().value());
        r.put("status", closed(view.state()) ? "closed" : "open");
        Optional<String> notes = view.state() == State.ARCHIVED ? view.closingNote() : view.latestFollowUp();
        putOrNull(r, "status_notes", notes);
        putOrNull(r, "service_name", view.category().flatMap(categories::find).map(Category::name));
        putOrNull(r, "service_code", view.category().map(CategoryId::value));
        r.put("description", view.body());
        putOrNull(r, "agency_responsible",
                view.responsibleUnit().or(view::routedUnit).or(view::targetInstitution).map(this::unitName));
        r.putNull("service_notice");
        r.put("requested_datetime", Times.w3c(view.submittedAt(), zone));
        r.put("updated_datetime", Times.w3c(view.updatedAt(), zone));
        view.deadline().ifPresent(d -> r.put("expected_datetime", Times.w3c(d.due(), d.zone())));
        putOrNull(r, "address", Optional.ofNullable(view.location().address()));
        r.put("address_id", view.location().region().value());
        r.putNull("zipcode");
        if (view.location().latitude() != null) {
            r.put("lat", view.location().latitude());
            r.put("long", view.location().longitude());
        } else {
            r.putNull("lat");
            r.putNull("long");
        }
        r.putNull("media_url");
        return r;
    }

    /** The mySociety request_update for one history entry of a public view. */
    public ObjectNode update(ComplaintView view, HistoryEntry entry) {
        ObjectNode u = Json.object();
        u.put("update_id", view.trackingNumber().value() + "_" + entry.version());
        u.put("service_request_id", view.trackingNumber().value());
        u.put("status", closed(entry.state()) ? "closed" : "open");
        u.put("updated_datetime", Times.w3c(entry.at(), zoneOf(view)));
        u.put("description", entry.text().orElse(describe(entry.type())));
        u.putNull("media_url");
        return u;
    }

    /** The history entries that are bookkeeping, not steps a citizen follows: clocks, SLA timers, routing. */
    private static final java.util.Set<String> NOT_UPDATES = java.util.Set.of("Submitted", "DeadlineMoved", "Routed");

    /**
     * True for the history entries the updates extension reports: lifecycle steps, not bookkeeping. Leaving
     * out the effects (routing, clocks), which share their event's version, also keeps each update's id
     * (tracking number and version) unique.
     */
    public static boolean isUpdate(HistoryEntry entry) {
        return !entry.type().startsWith("Clock") && !entry.type().startsWith("Sla") && !NOT_UPDATES.contains(entry.type());
    }

    private static String describe(String eventType) {
        switch (eventType) {
            case "Verified":
                return "Laporan diverifikasi dan diteruskan (verified and dispatched)";
            case "PutOnHold":
                return "Laporan ditunda menunggu pelapor (on hold, waiting for the reporter)";
            case "Resumed":
                return "Laporan dilanjutkan (resumed)";
            case "ReturnedForRouting":
                return "Bukan wewenang: laporan dialihkan (not our authority: being re-routed)";
            case "Forwarded":
            case "Reassigned":
                return "Laporan dialihkan ke unit lain (moved to another unit)";
            case "FollowUpApproved":
                return "Tindak lanjut disetujui (follow-up approved)";
            case "FollowUpReturned":
                return "Tindak lanjut dikembalikan untuk diperbaiki (follow-up returned for revision)";
            case "ReporterReplied":
                return "Pelapor menanggapi (the reporter replied)";
            case "Rated":
                return "Pelapor memberi penilaian (the reporter rated the answer)";
            case "Completed":
                return "Laporan selesai (completed)";
            case "Escalated":
                return "Laporan dieskalasi (escalated)";
            default:
                return eventType;
        }
    }

    /** The error list: one entry per problem, each with {@code code} (the HTTP status) and a description. */
    public static ArrayNode errors(int status, List<Problem> problems) {
        ArrayNode out = Json.array();
        for (Problem p : problems) {
            ObjectNode e = out.addObject();
            e.put("code", status);
            e.put("description", p.toString());
        }
        return out;
    }

    public static boolean closed(State state) {
        return state == State.COMPLETED || state == State.ARCHIVED;
    }

    /** The responsible unit's zone (else the target institution's, else the default): datetimes are written in it. */
    private ZoneId zoneOf(ComplaintView view) {
        return view.responsibleUnit().or(view::targetInstitution).flatMap(directory::find).map(Unit::zone).orElse(defaultZone);
    }

    private String unitName(UnitId id) {
        return directory.find(id).map(Unit::name).orElse(id.value());
    }

    private String path(CategoryId id) {
        List<String> names = new ArrayList<>();
        Optional<Category> c = categories.find(id);
        while (c.isPresent()) {
            names.add(0, c.get().name());
            c = c.get().parent().flatMap(categories::find);
        }
        return String.join(" / ", names);
    }

    private static void putOrNull(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    /** "complaint" and "information_request" keys for kinds. */
    public static String key(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
