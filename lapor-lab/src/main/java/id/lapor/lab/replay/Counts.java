package id.lapor.lab.replay;

/**
 * The figures of one unit (or one unit and month, or all): complaints received (of which unrouted: waiting in
 * the unit's verifiers' queue), completed, archived and in progress; and the unit's obligations (verification
 * and follow-up stages) due, met, and the escalations they caused.
 */
public final class Counts {
    long received;
    long unrouted;
    long completed;
    long archived;
    long inProgress;
    long stagesDue;
    long stagesMet;
    long escalations;

    public long received() {
        return received;
    }

    public long unrouted() {
        return unrouted;
    }

    public long completed() {
        return completed;
    }

    public long archived() {
        return archived;
    }

    public long inProgress() {
        return inProgress;
    }

    public long stagesDue() {
        return stagesDue;
    }

    public long stagesMet() {
        return stagesMet;
    }

    public long escalations() {
        return escalations;
    }

    /** Stages met by their deadline over stages due (open overdue ones count as missed); NaN when none is due. */
    public double onTimeRate() {
        return stagesDue == 0 ? Double.NaN : (double) stagesMet / stagesDue;
    }

    void addComplaint(ComplaintResult r) {
        received++;
        if (r.unrouted()) {
            unrouted++;
        }
        switch (r.status()) {
            case COMPLETED -> completed++;
            case ARCHIVED -> archived++;
            default -> inProgress++;
        }
    }

    void addStage(StageResult s) {
        if (s.outcome().isDue()) {
            stagesDue++;
            if (s.outcome() == StageOutcome.MET) {
                stagesMet++;
            }
        }
    }
}
