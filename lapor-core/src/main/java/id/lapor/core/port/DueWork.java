package id.lapor.core.port;

import id.lapor.core.complaint.TrackingNumber;
import java.time.Instant;
import java.util.List;

/**
 * The store's side of the SLA clocks: which complaints have a timer due. Implemented by every
 * {@link ComplaintStore} that backs a running lapor. Several sweepers may ask at once (several nodes on
 * one database); each timer still fires once, because firing is an append at the version read, but a
 * store that hands different sweepers different complaints (PostgreSQL's {@code FOR UPDATE SKIP LOCKED})
 * spares them the wasted work.
 */
public interface DueWork {

    /** Complaints whose next timer is due at {@code now} or earlier, earliest first, at most {@code limit}. */
    List<TrackingNumber> due(Instant now, int limit);

    /**
     * Complaints with a running clock computed on {@code calendarId} at a version below {@code version}: the
     * ones to recompute when that calendar changes. Ordered by tracking number, those after {@code after}
     * (null for the first page), at most {@code limit}.
     */
    List<TrackingNumber> clocksOnCalendar(String calendarId, int version, TrackingNumber after, int limit);
}
