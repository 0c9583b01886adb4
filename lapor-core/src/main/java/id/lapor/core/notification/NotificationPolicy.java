package id.lapor.core.notification;

import id.lapor.core.directory.Directory;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is told what after each event. The default: the reporter hears of receipt, verification, hold,
 * follow-up, archive and completion; a unit hears when a complaint reaches it or its reporter writes;
 * the verifiers hear of new and returned complaints; the unit (or, before dispatch, the verifiers) hears
 * of SLA warnings and breaches; escalations reach the supervisor, the national manager or the Ombudsman
 * as their actions say.
 */
@FunctionalInterface
public interface NotificationPolicy {

    /** The messages owed because of {@code event}, which left the complaint as {@code after}. */
    List<OutboxMessage> messagesFor(Complaint before, Complaint after, RecordedEvent event);

    /** A policy that tells no one. */
    static NotificationPolicy none() {
        return (before, after, event) -> List.of();
    }

    static NotificationPolicy standard(Directory directory) {
        return new Standard(directory);
    }

    /** The default rules above. */
    final class Standard implements NotificationPolicy {
        private final Directory directory;

        Standard(Directory directory) {
            this.directory = directory;
        }

        @Override
        public List<OutboxMessage> messagesFor(Complaint before, Complaint after, RecordedEvent recorded) {
            List<OutboxMessage> out = new ArrayList<>();
            Event e = recorded.event();
            Optional<UnitId> unit = after.responsibleUnit();
            if (e instanceof Event.Submitted) {
                add(out, recorded, Recipient.reporter(), "complaint.received");
                add(out, recorded, Recipient.of(Recipient.Kind.VERIFIERS), "complaint.submitted");
            } else if (e instanceof Event.Verified v) {
                add(out, recorded, Recipient.reporter(), "complaint.verified");
                add(out, recorded, Recipient.unit(v.unit()), "complaint.dispatched");
            } else if (e instanceof Event.PutOnHold) {
                add(out, recorded, Recipient.reporter(), "complaint.on-hold");
            } else if (e instanceof Event.ReturnedForRouting) {
                add(out, recorded, Recipient.of(Recipient.Kind.VERIFIERS), "complaint.returned-for-routing");
            } else if (e instanceof Event.Archived) {
                add(out, recorded, Recipient.reporter(), "complaint.archived");
            } else if (e instanceof Event.Forwarded f) {
                add(out, recorded, Recipient.unit(f.to()), "complaint.dispatched");
            } else if (e instanceof Event.Reassigned r) {
                add(out, recorded, Recipient.unit(r.to()), "complaint.dispatched");
            } else if (e instanceof Event.FollowUpPosted p) {
                if (p.awaitingApproval()) {
                    unit.ifPresent(u -> add(out, recorded, Recipient.unit(u), "follow-up.awaiting-approval"));
                } else {
                    add(out, recorded, Recipient.reporter(), "complaint.followed-up");
                }
            } else if (e instanceof Event.FollowUpApproved) {
                add(out, recorded, Recipient.reporter(), "complaint.followed-up");
            } else if (e instanceof Event.FollowUpReturned) {
                unit.ifPresent(u -> add(out, recorded, Recipient.unit(u), "follow-up.returned"));
            } else if (e instanceof Event.ReporterReplied) {
                add(out, recorded, unit.map(Recipient::unit).orElse(Recipient.of(Recipient.Kind.VERIFIERS)),
                        "complaint.reporter-replied");
            } else if (e instanceof Event.Rated) {
                unit.ifPresent(u -> add(out, recorded, Recipient.unit(u), "complaint.rated"));
            } else if (e instanceof Event.Completed c && c.by() != Event.Completion.REPORTER) {
                add(out, recorded, Recipient.reporter(), "complaint.completed");
            } else if (e instanceof Event.Escalated esc) {
                escalation(out, recorded, before, esc);
            } else if (e instanceof Event.SlaWarned) {
                add(out, recorded, unit.map(Recipient::unit).orElse(Recipient.of(Recipient.Kind.VERIFIERS)), "sla.warning");
            } else if (e instanceof Event.SlaBreached) {
                add(out, recorded, unit.map(Recipient::unit).orElse(Recipient.of(Recipient.Kind.VERIFIERS)), "sla.breached");
            }
            return out;
        }

        private void escalation(List<OutboxMessage> out, RecordedEvent recorded, Complaint before, Event.Escalated esc) {
            Optional<UnitId> late = before.responsibleUnit();
            if (esc.actions().contains(EscalationAction.NOTIFY_SUPERVISOR)) {
                Optional<UnitId> supervisor = late.flatMap(directory::supervisorOf);
                add(out, recorded, supervisor.map(Recipient::supervisor).orElse(Recipient.of(Recipient.Kind.VERIFIERS)),
                        "complaint.escalated");
            }
            if (esc.reassignedTo() != null) {
                add(out, recorded, Recipient.unit(esc.reassignedTo()), "complaint.dispatched");
            }
            if (esc.actions().contains(EscalationAction.REFER_TO_NATIONAL_MANAGER)) {
                add(out, recorded, Recipient.of(Recipient.Kind.NATIONAL_MANAGER), "complaint.escalated");
            }
            if (esc.actions().contains(EscalationAction.REFER_TO_OMBUDSMAN)) {
                add(out, recorded, Recipient.of(Recipient.Kind.OMBUDSMAN), "complaint.escalated");
            }
        }

        private static void add(List<OutboxMessage> out, RecordedEvent recorded, Recipient to, String topic) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("trackingNumber", recorded.complaint().value());
            attributes.put("state", recorded.state().name());
            attributes.put("event", recorded.event().getClass().getSimpleName());
            out.add(new OutboxMessage(recorded.id(), recorded.complaint(), to, topic, attributes, recorded.at()));
        }
    }
}
