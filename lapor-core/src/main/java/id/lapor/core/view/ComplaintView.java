package id.lapor.core.view;

import id.lapor.core.calendar.Deadline;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.State;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint as one actor may read it, made only by {@link Views}. {@code reporter} is present only
 * for roles allowed to see the reporter; {@code attachments} and {@code pendingFollowUp} only for the
 * reporter and officers in scope; {@code availableCommands} lists what this actor may do next.
 * {@code routedUnit} is the unit the routing rules chose (before a verifier dispatches, the one expected to
 * answer). {@code stage} and {@code deadline} are the running SLA stage and its deadline (no deadline while the
 * clock is paused); {@code clock}, with its timers, only for the reporter and officers in scope.
 */
public record ComplaintView(
        TrackingNumber trackingNumber,
        long version,
        State state,
        Kind kind,
        Channel channel,
        String title,
        String body,
        Optional<LocalDate> incidentDate,
        Location location,
        Optional<CategoryId> category,
        Set<String> tags,
        List<AttachmentRef> attachments,
        boolean anonymous,
        boolean confidential,
        Optional<UnitId> targetInstitution,
        Priority priority,
        Optional<Weight> weight,
        Optional<UnitId> responsibleUnit,
        Optional<UnitId> routedUnit,
        Optional<String> latestFollowUp,
        Optional<String> pendingFollowUp,
        Optional<Complaint.Rating> rating,
        Optional<String> closingNote,
        int escalationLevel,
        Instant submittedAt,
        Instant updatedAt,
        Optional<Reporter> reporter,
        Optional<Stage> stage,
        Optional<Deadline> deadline,
        Optional<StageClock> clock,
        List<HistoryEntry> history,
        Set<CommandKind> availableCommands) {

    /** Prints the reporter's fields only when this view carries them (never for the public). */
    @Override
    public String toString() {
        return "ComplaintView[" + trackingNumber + " v" + version + " " + state + " " + kind + " '" + title + "'"
                + responsibleUnit.map(u -> " at " + u).orElse("")
                + reporter.map(r -> " reporter=" + r.name() + "/" + r.phone() + "/" + r.email()).orElse("")
                + "]";
    }
}
