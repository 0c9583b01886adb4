package id.lapor.core.timing;

import id.lapor.core.Lapor;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.port.DueWork;
import java.util.List;
import java.util.Objects;

/**
 * Asks the store what is due and fires it. Run {@link #sweep()} on a schedule (every few seconds to a
 * minute); after downtime, one sweep catches up: every overdue timer fires once, in order, each event
 * recording when it was due and when it was processed. Several drivers may run at once, on one node or
 * many: a timer still fires once.
 */
public final class DueWorkDriver {
    private final Lapor lapor;
    private final DueWork dueWork;
    private final int batchSize;

    public DueWorkDriver(Lapor lapor, DueWork dueWork, int batchSize) {
        this.lapor = Objects.requireNonNull(lapor, "lapor");
        this.dueWork = Objects.requireNonNull(dueWork, "dueWork");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public DueWorkDriver(Lapor lapor, DueWork dueWork) {
        this(lapor, dueWork, 200);
    }

    /**
     * Fires everything due at the clock's now, batch after batch, until nothing is due.
     *
     * @return how many timers this sweep fired
     */
    public int sweep() {
        int fired = 0;
        while (true) {
            List<TrackingNumber> due = dueWork.due(lapor.clock().instant(), batchSize);
            // Read in one go; one broken complaint does not stop the others' escalations.
            int firedInBatch = lapor.runDue(due);
            fired += firedInBatch;
            if (due.size() < batchSize || firedInBatch == 0) {
                return fired;
            }
        }
    }
}
