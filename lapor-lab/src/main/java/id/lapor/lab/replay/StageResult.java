package id.lapor.lab.replay;

import id.lapor.core.calendar.Deadline;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.CalendarRef;
import id.lapor.core.sla.Stage;
import java.time.Instant;
import java.util.Optional;

/**
 * One stage instance of a replayed complaint: the policy version it was timed under, who owned it, on which
 * calendar, its working-day target, the working days its clock stood still on hold, the deadline after those
 * pauses, when it ended and how it stands.
 */
public record StageResult(Stage stage, String policy, UnitId unit, CalendarRef calendar, Instant start, int targetDays,
                          int pausedDays, Deadline deadline, Optional<Instant> end, StageOutcome outcome) {

    /** The on-time rate counts the unit's obligations: verification and follow-up, not the reporter's window. */
    public boolean isObligation() {
        return stage != Stage.REPLY_WINDOW;
    }
}
