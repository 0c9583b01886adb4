package id.lapor.core.view;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.directory.Directory;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.Transitions;
import id.lapor.core.sla.StageClock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that turns a complaint into what an actor may read: the anonymity and confidentiality
 * rules are enforced here, by what the view contains, not by convention at the callers.
 *
 * <ul>
 *   <li>A confidential complaint is seen only by its reporter (with the secret) and officers in scope.
 *   <li>The reporter's contact is seen by the reporter and verifiers in scope; by units, liaison officers and
 *       supervisors in scope only when the report is not anonymous; never by auditors or the public.
 *   <li>Attachments, drafts and the reporter's own messages are for the reporter and officers in scope.
 * </ul>
 */
public final class Views {
    private final Scope scope;

    public Views(Directory directory) {
        this.scope = new Scope(directory);
    }

    public Scope scope() {
        return scope;
    }

    /** The view of {@code c} for {@code actor}, or empty when the actor may not see it at all. */
    public Optional<ComplaintView> of(Actor actor, Complaint c, List<RecordedEvent> history) {
        if (!scope.canSee(actor, c)) {
            return Optional.empty();
        }
        boolean insider = scope.covers(actor, c);
        Set<id.lapor.core.lifecycle.CommandKind> available = insider
                ? Transitions.available(c.state(), actor.role())
                : EnumSet.noneOf(id.lapor.core.lifecycle.CommandKind.class);
        List<HistoryEntry> entries = new ArrayList<>(history.size());
        for (RecordedEvent e : history) {
            entries.add(entry(e, e.event(), e.actor().role(), insider));
            // Each effect is an entry of its own, by the system, at the event's version.
            for (Event effect : e.effects()) {
                entries.add(entry(e, effect, Role.SYSTEM, insider));
            }
        }
        return Optional.of(new ComplaintView(c.trackingNumber(), c.version(), c.state(), c.kind(), c.channel(), c.title(),
                c.body(), c.incidentDate(), c.location(), c.category(), c.tags(),
                insider ? c.attachments() : List.of(), c.anonymous(), c.confidential(), c.targetInstitution(),
                c.priority(), c.weight(), c.responsibleUnit(), c.routedUnit(), c.latestFollowUp(),
                insider ? c.pendingFollowUp() : Optional.empty(), c.rating(), c.closingNote(), c.escalationLevel(),
                c.submittedAt(), c.updatedAt(),
                scope.canSeeReporter(actor, c) ? Optional.of(c.reporter()) : Optional.empty(),
                c.clock().map(StageClock::stage),
                c.clock().filter(k -> k.pausedAt().isEmpty()).map(StageClock::deadline),
                insider ? c.clock() : Optional.empty(),
                List.copyOf(entries), available));
    }

    private static HistoryEntry entry(RecordedEvent e, Event event, Role role, boolean insider) {
        return new HistoryEntry(e.version(), e.at(), role, event.getClass().getSimpleName(), e.state(),
                insider ? insiderText(event) : publicText(event));
    }

    private static Optional<String> publicText(Event e) {
        if (e instanceof Event.FollowUpPosted p && !p.awaitingApproval()) {
            return Optional.of(p.text());
        } else if (e instanceof Event.ClockStarted s) {
            return Optional.of(s.clock().stage() + " due " + s.clock().deadline().due()
                    + (s.clock().provisional() ? " (provisional calendar)" : ""));
        } else if (e instanceof Event.DeadlineMoved m) {
            return Optional.of(m.stage() + " due " + m.deadline().due() + " (was " + m.previous().due() + "): " + m.reason());
        } else if (e instanceof Event.ClockResumed r) {
            return Optional.of(r.stage() + " due " + r.deadline().due() + " after a pause of " + r.workingDays()
                    + " working days");
        } else if (e instanceof Event.SlaBreached b) {
            return Optional.of(b.stage() + " deadline passed at " + b.dueAt());
        } else if (e instanceof Event.Archived a) {
            return Optional.of(a.note() == null ? a.reason().name() : a.reason() + ": " + a.note());
        }
        return Optional.empty();
    }

    private static Optional<String> insiderText(Event e) {
        if (e instanceof Event.FollowUpPosted p) {
            return Optional.of(p.text());
        } else if (e instanceof Event.PutOnHold h) {
            return Optional.of(h.reason());
        } else if (e instanceof Event.Resumed r) {
            return Optional.ofNullable(r.note());
        } else if (e instanceof Event.ReturnedForRouting r) {
            return Optional.of(r.reason());
        } else if (e instanceof Event.Forwarded f) {
            return Optional.of(f.from() + " -> " + f.to() + (f.note() == null ? "" : ": " + f.note()));
        } else if (e instanceof Event.Reassigned r) {
            return Optional.of(r.from() + " -> " + r.to() + ": " + r.reason());
        } else if (e instanceof Event.FollowUpReturned r) {
            return Optional.of(r.reason());
        } else if (e instanceof Event.ReporterReplied r) {
            return Optional.of(r.text());
        } else if (e instanceof Event.Rated r) {
            return Optional.of(r.score() + "/5" + (r.comment() == null ? "" : ": " + r.comment()));
        } else if (e instanceof Event.Completed c) {
            return Optional.of(c.by() + (c.note() == null ? "" : ": " + c.note()));
        } else if (e instanceof Event.Escalated esc) {
            return Optional.of("level " + esc.level() + ": " + esc.reason());
        } else if (e instanceof Event.Verified v) {
            return Optional.of("to " + v.unit() + " as " + v.weight());
        }
        return publicText(e);
    }
}
