package id.lapor.core.port;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.TrackingNumber;

/** Another writer changed the complaint first: the version the caller read is no longer current. */
public class ConcurrentUpdateException extends LaporException {
    private final transient TrackingNumber trackingNumber;
    private final long expectedVersion;

    public ConcurrentUpdateException(TrackingNumber trackingNumber, long expectedVersion) {
        super("complaint " + trackingNumber + " is no longer at version " + expectedVersion + ": another writer came first");
        this.trackingNumber = trackingNumber;
        this.expectedVersion = expectedVersion;
    }

    public TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
