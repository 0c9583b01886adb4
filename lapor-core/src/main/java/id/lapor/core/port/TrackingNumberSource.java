package id.lapor.core.port;

import id.lapor.core.complaint.TrackingNumber;

/** Hands out tracking numbers that were never handed out before. */
@FunctionalInterface
public interface TrackingNumberSource {
    TrackingNumber next();
}
