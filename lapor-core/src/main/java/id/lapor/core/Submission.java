package id.lapor.core;

import id.lapor.core.complaint.TrackingNumber;
import java.util.List;

/** What became of a new report. */
public sealed interface Submission {

    /**
     * Stored. {@code secret} is what the reporter must keep to reply, rate or follow a confidential
     * complaint: a PIN, or for SMS the reporting phone. It is shown this once; lapor keeps only its hash.
     */
    record Created(TrackingNumber trackingNumber, String secret) implements Submission {
        @Override
        public String toString() {
            return "Created[" + trackingNumber + "]";
        }
    }

    /** The channel delivered this message before; it created {@code trackingNumber}. Nothing new is stored. */
    record AlreadySubmitted(TrackingNumber trackingNumber) implements Submission {
    }

    /** Every field at fault; nothing is stored. */
    record Invalid(List<Violation> violations) implements Submission {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** The tracking number of a created or already submitted complaint. @throws LaporException when invalid */
    default TrackingNumber trackingNumberOrThrow() {
        if (this instanceof Created c) {
            return c.trackingNumber();
        } else if (this instanceof AlreadySubmitted a) {
            return a.trackingNumber();
        }
        throw new LaporException("invalid submission: " + ((Invalid) this).violations());
    }
}
