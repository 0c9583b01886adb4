package id.lapor.http.internal;

import id.lapor.core.calendar.Deadline;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.sla.StageClock;
import id.lapor.core.sla.Timer;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.HistoryEntry;
import id.lapor.http.internal.HttpFailure.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer API's JSON documents. A complaint is written from the {@link ComplaintView} lapor made for
 * the caller, so the reporter appears only when the caller's role may read it, and so on: this class
 * adds nothing the view does not hold. Instants are UTC ({@code Z}); deadlines also in their unit's offset.
 */
public final class OfficerDocuments {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM = "application/problem+json; charset=utf-8";

    private OfficerDocuments() {
    }

    /** The whole complaint with its history and SLA clock, as far as the view goes. */
    public static ObjectNode complaint(ComplaintView v) {
        ObjectNode o = summary(v);
        o.put("channel", v.channel().name());
        o.put("body", v.body());
        v.incidentDate().ifPresentOrElse(d -> o.put("incidentDate", d.toString()), () -> o.putNull("incidentDate"));
        ObjectNode loc = o.putObject("location");
        loc.put("region", v.location().region().value());
        if (v.location().latitude() != null) {
            loc.put("latitude", v.location().latitude());
            loc.put("longitude", v.location().longitude());
        }
        if (v.location().address() != null) {
            loc.put("address", v.location().address());
        }
        optional(o, "category", v.category().map(Object::toString));
        ArrayNode tags = o.putArray("tags");
        v.tags().stream().sorted().forEach(tags::add);
        ArrayNode attachments = o.putArray("attachments");
        for (AttachmentRef a : v.attachments()) {
            ObjectNode at = attachments.addObject();
            at.put("uri", a.uri());
            at.put("mediaType", a.mediaType());
            if (a.name() != null) {
                at.put("name", a.name());
            }
        }
        optional(o, "targetInstitution", v.targetInstitution().map(Object::toString));
        optional(o, "latestFollowUp", v.latestFollowUp());
        optional(o, "pendingFollowUp", v.pendingFollowUp());
        v.rating().ifPresent(r -> {
            ObjectNode rating = o.putObject("rating");
            rating.put("score", r.score());
            if (r.comment() != null) {
                rating.put("comment", r.comment());
            }
        });
        optional(o, "closingNote", v.closingNote());
        o.put("updatedAt", v.updatedAt().toString());
        v.reporter().ifPresent(r -> reporter(o.putObject("reporter"), r));
        v.clock().ifPresent(k -> clock(o.putObject("clock"), k));
        ArrayNode history = o.putArray("history");
        for (HistoryEntry e : v.history()) {
            ObjectNode h = history.addObject();
            h.put("version", e.version());
            h.put("at", e.at().toString());
            h.put("role", e.actorRole().name());
            h.put("type", e.type());
            h.put("state", e.state().name());
            e.text().ifPresent(t -> h.put("text", t));
        }
        ArrayNode commands = o.putArray("availableCommands");
        for (CommandKind k : v.availableCommands()) {
            commands.add(CommandReader.segment(k));
        }
        return o;
    }

    /** What a queue shows of a complaint. */
    public static ObjectNode summary(ComplaintView v) {
        ObjectNode o = Json.object();
        o.put("trackingNumber", v.trackingNumber().value());
        o.put("version", v.version());
        o.put("state", v.state().name());
        o.put("kind", v.kind().name());
        o.put("title", v.title());
        o.put("priority", v.priority().name());
        optional(o, "weight", v.weight().map(Enum::name));
        optional(o, "responsibleUnit", v.responsibleUnit().map(Object::toString));
        o.put("anonymous", v.anonymous());
        o.put("confidential", v.confidential());
        o.put("escalationLevel", v.escalationLevel());
        o.put("submittedAt", v.submittedAt().toString());
        optional(o, "stage", v.stage().map(Enum::name));
        v.deadline().ifPresentOrElse(d -> deadline(o.putObject("deadline"), d), () -> o.putNull("deadline"));
        Optional<Instant> next = v.clock().flatMap(StageClock::nextTimer).map(t -> t.due().due());
        optional(o, "nextDueAt", next.map(Instant::toString));
        return o;
    }

    private static void reporter(ObjectNode o, Reporter r) {
        putIfPresent(o, "name", r.name());
        putIfPresent(o, "phone", r.phone());
        putIfPresent(o, "email", r.email());
        putIfPresent(o, "nationalId", r.nationalId());
    }

    private static void clock(ObjectNode o, StageClock k) {
        o.put("stage", k.stage().name());
        o.put("instance", k.instance());
        o.put("calendar", k.calendar());
        o.put("calendarVersion", k.calendarVersion());
        o.put("startedAt", k.startedAt().toString());
        o.put("targetDays", k.targetDays());
        deadline(o.putObject("deadline"), k.deadline());
        o.put("provisional", k.provisional());
        k.pausedAt().ifPresentOrElse(p -> o.put("pausedAt", p.toString()), () -> o.putNull("pausedAt"));
        o.put("pausedWorkingDays", k.pausedWorkingDays());
        ArrayNode timers = o.putArray("timers");
        for (Timer t : k.timers()) {
            ObjectNode to = timers.addObject();
            to.put("id", t.id());
            to.put("kind", t.kind().name());
            if (t.rule() != null) {
                to.put("rule", t.rule());
                to.put("level", t.level());
            }
            to.put("due", Times.w3c(t.due().due(), t.due().zone()));
            to.put("fired", k.fired().contains(t.id()));
        }
    }

    private static void deadline(ObjectNode o, Deadline d) {
        o.put("due", Times.w3c(d.due(), d.zone()));
        o.put("lastDay", d.lastDay().toString());
        o.put("zone", d.zone().getId());
        o.put("provisional", d.provisional());
    }

    /** A problem document (RFC 9457 style) for a failure. */
    public static ObjectNode problem(HttpFailure f) {
        ObjectNode o = Json.object();
        o.put("status", f.status());
        o.put("code", f.code());
        List<Problem> problems = f.problems();
        o.put("detail", problems.size() == 1 ? problems.get(0).toString()
                : problems.size() + " problems: " + String.join("; ", problems.stream().map(Problem::toString).toList()));
        if (problems.stream().anyMatch(p -> p.field() != null)) {
            ArrayNode violations = o.putArray("violations");
            for (Problem p : problems) {
                ObjectNode v = violations.addObject();
                if (p.field() != null) {
                    v.put("field", p.field());
                }
                v.put("message", p.message());
            }
        }
        return o;
    }

    /** The problem document of a refusal: the reason, the state, the command and the role. */
    public static ObjectNode refusal(int status, Refusal r) {
        ObjectNode o = Json.object();
        o.put("status", status);
        o.put("code", "refused");
        o.put("reason", r.reason().name());
        o.put("state", r.state().name());
        o.put("command", CommandReader.segment(r.command()));
        o.put("role", r.role().name());
        o.put("detail", r.message());
        return o;
    }

    private static void optional(ObjectNode o, String field, Optional<String> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
