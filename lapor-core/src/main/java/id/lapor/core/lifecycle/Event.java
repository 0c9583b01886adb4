package id.lapor.core.lifecycle;

import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.SecretHash;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.calendar.Deadline;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import id.lapor.core.sla.Timer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What happened to a complaint: immutable facts appended to its history. The current complaint is a
 * fold of its events ({@link Complaint#replay}). Nullable fields are noted.
 */
public sealed interface Event {

    /** {@code incidentDate}, {@code category}, {@code targetInstitution} and {@code channelMessageId} may be null. */
    record Submitted(
            Kind kind,
            Channel channel,
            String title,
            String body,
            LocalDate incidentDate,
            Location location,
            CategoryId category,
            Set<String> tags,
            List<AttachmentRef> attachments,
            Reporter reporter,
            boolean anonymous,
            boolean confidential,
            UnitId targetInstitution,
            Priority priority,
            SecretHash secret,
            String channelMessageId) implements Event {
        public Submitted {
            tags = Set.copyOf(tags);
            attachments = List.copyOf(attachments);
        }
    }

    /** Verified and dispatched to {@code unit}; the other fields are the verified values. */
    record Verified(
            UnitId unit,
            Weight weight,
            Kind kind,
            String title,
            CategoryId category,
            Set<String> tags,
            boolean anonymous,
            boolean confidential) implements Event {
        public Verified {
            tags = Set.copyOf(tags);
        }
    }

    record PutOnHold(String reason, State heldFrom) implements Event {
    }

    /** {@code note} may be null. */
    record Resumed(String note, State returnedTo) implements Event {
    }

    /** A unit (or verifier) said "not our authority"; {@code fromUnit} is null when it was not yet dispatched. */
    record ReturnedForRouting(String reason, UnitId fromUnit) implements Event {
    }

    /** {@code note} may be null. */
    record Archived(ArchiveReason reason, String note) implements Event {
    }

    /** {@code note} may be null. */
    record Forwarded(UnitId from, UnitId to, String note) implements Event {
    }

    record Reassigned(UnitId from, UnitId to, String reason) implements Event {
    }

    record FollowUpPosted(String text, boolean awaitingApproval) implements Event {
    }

    record FollowUpApproved() implements Event {
    }

    record FollowUpReturned(String reason) implements Event {
    }

    /**
     * {@code reopened}: the reply reopened a followed-up complaint or resumed a held one. {@code channel} and
     * {@code channelMessageId}: the message that carried it, when its channel names messages (else null).
     */
    record ReporterReplied(String text, boolean reopened, Channel channel, String channelMessageId) implements Event {
        public ReporterReplied(String text, boolean reopened) {
            this(text, reopened, null, null);
        }

        /** True when this reply came in the message {@code messageId} of {@code channel}. */
        public boolean cameIn(Channel channel, String messageId) {
            return messageId != null && messageId.equals(channelMessageId) && channel == this.channel;
        }
    }

    /** {@code comment} may be null. */
    record Rated(int score, String comment) implements Event {
    }

    /** {@code note} may be null; {@code timer} and {@code dueAt} are set when the reply window's timer completed it. */
    record Completed(Completion by, String note, String timer, Instant dueAt) implements Event {
        public static Completed by(Completion by, String note) {
            return new Completed(by, note, null, null);
        }
    }

    /**
     * {@code rule} is null for a supervisor's escalation; {@code reassignedTo} is the new unit when the
     * actions moved it, else null; {@code priority} is the priority after the escalation.
     */
    record Escalated(
            int level,
            String reason,
            String rule,
            Set<EscalationAction> actions,
            UnitId reassignedTo,
            Priority priority,
            String timer,
            Instant dueAt) implements Event {
        public Escalated {
            actions = Set.copyOf(actions);
        }
    }

    /**
     * The routing decision under policy {@code policy} ({@code id@version}): the unit its rules chose, or
     * none (the verifiers' queue), with the rule that matched and the explanation of every verdict.
     * {@code unit} and {@code rule} are null when no rule matched.
     */
    record Routed(String policy, UnitId unit, String rule, String explanation) implements Event {
    }

    /** A stage instance's clock started (on submission, dispatch, reopening, follow-up...). */
    record ClockStarted(StageClock clock) implements Event {
    }

    /** The clock stopped while the complaint waits for the reporter. */
    record ClockPaused(Stage stage) implements Event {
    }

    /** The clock runs again; the deadline and every timer not yet fired moved by {@code workingDays}. */
    record ClockResumed(Stage stage, int workingDays, Deadline deadline, List<Timer> timers) implements Event {
        public ClockResumed {
            timers = List.copyOf(timers);
        }
    }

    /**
     * The deadline was recomputed because the calendar (or policy) changed: {@code reason} says why,
     * {@code previous} what it was.
     */
    record DeadlineMoved(Stage stage, String reason, int calendarVersion, Deadline previous, Deadline deadline,
                         List<Timer> timers) implements Event {
        public DeadlineMoved {
            timers = List.copyOf(timers);
        }
    }

    /** The stage reached its warning share; {@code dueAt} is when it was due (the event's time is when it was processed). */
    record SlaWarned(Stage stage, String timer, Instant dueAt) implements Event {
    }

    /** The stage's deadline passed. */
    record SlaBreached(Stage stage, String timer, Instant dueAt) implements Event {
    }

    /** Who completed a complaint. */
    enum Completion {
        REPORTER, VERIFIER, AUTOMATIC
    }
}
