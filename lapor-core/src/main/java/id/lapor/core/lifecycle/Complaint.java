package id.lapor.core.lifecycle;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.SecretHash;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.sla.StageClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint as it stands: the fold of its history. Nothing sets these fields but
 * {@link #apply(RecordedEvent)}; {@link #replay(List)} rebuilds a complaint from its events, and the
 * version equals the number of events applied.
 *
 * <p>{@code routedUnit} is the unit the routing rules chose (what a verifier dispatches to unless they
 * choose otherwise) and {@code policy} the policy ({@code id@version}) it was routed under.
 *
 * <p>This is the whole record, reporter included. Callers outside the core's trusted components obtain
 * a {@link id.lapor.core.view.ComplaintView} for their role instead. {@link #toString()} prints no
 * personal data.
 */
public record Complaint(
        TrackingNumber trackingNumber,
        long version,
        State state,
        Optional<State> heldFrom,
        Kind kind,
        Channel channel,
        String title,
        String body,
        Optional<LocalDate> incidentDate,
        Location location,
        Optional<CategoryId> category,
        Set<String> tags,
        List<AttachmentRef> attachments,
        Reporter reporter,
        SecretHash secret,
        boolean anonymous,
        boolean confidential,
        Optional<UnitId> targetInstitution,
        Priority priority,
        Optional<Weight> weight,
        Optional<UnitId> responsibleUnit,
        Optional<String> latestFollowUp,
        Optional<String> pendingFollowUp,
        Optional<Rating> rating,
        Optional<String> closingNote,
        int escalationLevel,
        Optional<String> channelMessageId,
        Optional<StageClock> clock,
        Optional<UnitId> routedUnit,
        Optional<String> policy,
        Instant submittedAt,
        Instant updatedAt) {

    public Complaint {
        tags = Set.copyOf(tags);
        attachments = List.copyOf(attachments);
    }

    /** The reporter's rating of the answer. {@code comment} may be null. */
    public record Rating(int score, String comment) {
    }

    /** When the next timer of the running clock is due; empty when there is none or the clock is paused. */
    public Optional<Instant> nextDueAt() {
        return clock.flatMap(StageClock::nextTimer).map(t -> t.due().due());
    }

    /** Rebuilds a complaint from its whole history, oldest first. */
    public static Complaint replay(List<RecordedEvent> history) {
        if (history.isEmpty()) {
            throw new LaporException("a complaint's history starts with its submission; this one is empty");
        }
        Complaint c = start(history.get(0));
        for (int i = 1; i < history.size(); i++) {
            c = c.apply(history.get(i));
        }
        return c;
    }

    /** The complaint created by its first event, which must be a submission with version 1. */
    public static Complaint start(RecordedEvent first) {
        if (!(first.event() instanceof Event.Submitted s) || first.version() != 1) {
            throw new LaporException("complaint " + first.complaint() + " must start with Submitted as version 1, not "
                    + first.event().getClass().getSimpleName() + " as version " + first.version());
        }
        Complaint submitted = new Complaint(first.complaint(), 1, first.state(), Optional.empty(), s.kind(), s.channel(), s.title(),
                s.body(), Optional.ofNullable(s.incidentDate()), s.location(), Optional.ofNullable(s.category()), s.tags(),
                s.attachments(), s.reporter(), s.secret(), s.anonymous(), s.confidential(),
                Optional.ofNullable(s.targetInstitution()), s.priority(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.ofNullable(s.channelMessageId()), Optional.empty(), Optional.empty(), Optional.empty(), first.at(),
                first.at());
        return first.effects().isEmpty() ? submitted : submitted.fold(first, first.effects());
    }

    /** This complaint after {@code e}, which must be the next event of its history. */
    public Complaint apply(RecordedEvent e) {
        if (!e.complaint().equals(trackingNumber)) {
            throw new LaporException("event " + e.id() + " belongs to another complaint than " + trackingNumber);
        }
        if (e.version() != version + 1) {
            throw new LaporException("event " + e.id() + " does not follow version " + version + " of " + trackingNumber);
        }
        return fold(e, e.events());
    }

    /** This complaint with {@code events} applied, at the version, state and instant of {@code e}. */
    private Complaint fold(RecordedEvent e, List<Event> events) {
        Fold f = new Fold(this);
        f.version = e.version();
        f.state = e.state();
        f.updatedAt = e.at();
        events.forEach(f::apply);
        return f.build();
    }

    /** Field by field copy that one event changes; keeps {@link #apply} readable. */
    private static final class Fold {
        private final Complaint c;
        long version;
        State state;
        Optional<State> heldFrom;
        Kind kind;
        String title;
        Optional<CategoryId> category;
        Set<String> tags;
        boolean anonymous;
        boolean confidential;
        Optional<UnitId> targetInstitution;
        Priority priority;
        Optional<Weight> weight;
        Optional<UnitId> responsibleUnit;
        Optional<String> latestFollowUp;
        Optional<String> pendingFollowUp;
        Optional<Rating> rating;
        Optional<String> closingNote;
        int escalationLevel;
        Optional<StageClock> clock;
        Optional<UnitId> routedUnit;
        Optional<String> policy;
        Instant updatedAt;

        Fold(Complaint c) {
            this.c = c;
            heldFrom = c.heldFrom;
            kind = c.kind;
            title = c.title;
            category = c.category;
            tags = c.tags;
            anonymous = c.anonymous;
            confidential = c.confidential;
            targetInstitution = c.targetInstitution;
            priority = c.priority;
            weight = c.weight;
            responsibleUnit = c.responsibleUnit;
            latestFollowUp = c.latestFollowUp;
            pendingFollowUp = c.pendingFollowUp;
            rating = c.rating;
            closingNote = c.closingNote;
            escalationLevel = c.escalationLevel;
            clock = c.clock;
            routedUnit = c.routedUnit;
            policy = c.policy;
        }

        void apply(Event event) {
            if (event instanceof Event.Submitted) {
                throw new LaporException("complaint " + c.trackingNumber + " was already submitted");
            } else if (event instanceof Event.Verified v) {
                responsibleUnit = Optional.of(v.unit());
                weight = Optional.of(v.weight());
                kind = v.kind();
                title = v.title();
                category = Optional.ofNullable(v.category());
                tags = v.tags();
                anonymous = v.anonymous();
                confidential = v.confidential();
                escalationLevel = 0;
            } else if (event instanceof Event.PutOnHold h) {
                heldFrom = Optional.of(h.heldFrom());
            } else if (event instanceof Event.Resumed) {
                heldFrom = Optional.empty();
            } else if (event instanceof Event.ReturnedForRouting) {
                responsibleUnit = Optional.empty();
                targetInstitution = Optional.empty();
                escalationLevel = 0;
            } else if (event instanceof Event.Archived a) {
                heldFrom = Optional.empty();
                closingNote = Optional.of(a.note() == null ? a.reason().name() : a.reason() + ": " + a.note());
            } else if (event instanceof Event.Forwarded f) {
                responsibleUnit = Optional.of(f.to());
                escalationLevel = 0;
            } else if (event instanceof Event.Reassigned r) {
                responsibleUnit = Optional.of(r.to());
                escalationLevel = 0;
            } else if (event instanceof Event.FollowUpPosted p) {
                if (p.awaitingApproval()) {
                    pendingFollowUp = Optional.of(p.text());
                } else {
                    latestFollowUp = Optional.of(p.text());
                    pendingFollowUp = Optional.empty();
                }
            } else if (event instanceof Event.FollowUpApproved) {
                latestFollowUp = pendingFollowUp;
                pendingFollowUp = Optional.empty();
            } else if (event instanceof Event.FollowUpReturned) {
                pendingFollowUp = Optional.empty();
            } else if (event instanceof Event.ReporterReplied r) {
                if (r.reopened()) {
                    heldFrom = Optional.empty();
                }
            } else if (event instanceof Event.Rated r) {
                rating = Optional.of(new Rating(r.score(), r.comment()));
            } else if (event instanceof Event.Completed done) {
                closingNote = Optional.ofNullable(done.note());
            } else if (event instanceof Event.Escalated esc) {
                escalationLevel = Math.max(escalationLevel, esc.level());
                priority = esc.priority();
                if (esc.reassignedTo() != null) {
                    responsibleUnit = Optional.of(esc.reassignedTo());
                }
                fire(esc.timer());
            } else if (event instanceof Event.Routed r) {
                routedUnit = Optional.ofNullable(r.unit());
                policy = Optional.of(r.policy());
            } else if (event instanceof Event.ClockStarted started) {
                clock = Optional.of(started.clock());
            } else if (event instanceof Event.ClockPaused) {
                clock = clock.map(k -> k.pausedSince(updatedAt));
            } else if (event instanceof Event.ClockResumed r) {
                clock = clock.map(k -> k.resumed(r.workingDays(), r.deadline(), r.timers()));
            } else if (event instanceof Event.DeadlineMoved m) {
                clock = clock.map(k -> k.recomputed(m.calendarVersion(), m.deadline(), m.timers()));
            } else if (event instanceof Event.SlaWarned w) {
                fire(w.timer());
            } else if (event instanceof Event.SlaBreached b) {
                fire(b.timer());
            }
            if (state.isTerminal()) {
                clock = Optional.empty();
            }
        }

        private void fire(String timer) {
            if (timer != null) {
                clock = clock.map(k -> k.firing(timer));
            }
        }

        Complaint build() {
            return new Complaint(c.trackingNumber, version, state, heldFrom, kind, c.channel, title, c.body, c.incidentDate,
                    c.location, category, tags, c.attachments, c.reporter, c.secret, anonymous, confidential,
                    targetInstitution, priority, weight, responsibleUnit, latestFollowUp, pendingFollowUp, rating,
                    closingNote, escalationLevel, c.channelMessageId, clock, routedUnit, policy, c.submittedAt, updatedAt);
        }
    }

    @Override
    public String toString() {
        return "Complaint[" + trackingNumber + " v" + version + " " + state
                + responsibleUnit.map(u -> " at " + u).orElse("") + (confidential ? " confidential" : "")
                + (anonymous ? " anonymous" : "") + "]";
    }
}
