package id.lapor.core;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complaints a {@link Lapor} last wrote or read, up to a bound, least recently used out first, so
 * that a command on one of them is decided without reading the store. A copy here may be stale (another
 * node wrote since); it is never trusted alone: an append at its version proves it current, and anything
 * else decided on it is decided again on a fresh read. Thread-safe.
 */
final class RecentComplaints {
    private final int capacity;
    private final Map<TrackingNumber, Complaint> complaints;

    RecentComplaints(int capacity) {
        this.capacity = capacity;
        this.complaints = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TrackingNumber, Complaint> eldest) {
                return size() > RecentComplaints.this.capacity;
            }
        };
    }

    /** The copy kept of the complaint, or null. */
    synchronized Complaint get(TrackingNumber number) {
        return capacity == 0 ? null : complaints.get(number);
    }

    /** Keeps {@code complaint}, unless a later version of it is kept already. */
    synchronized void put(Complaint complaint) {
        if (capacity == 0) {
            return;
        }
        Complaint kept = complaints.get(complaint.trackingNumber());
        if (kept == null || kept.version() <= complaint.version()) {
            complaints.put(complaint.trackingNumber(), complaint);
        }
    }

    /** Drops the copy, which proved stale. */
    synchronized void forget(TrackingNumber number) {
        complaints.remove(number);
    }
}
