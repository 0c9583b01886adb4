package id.lapor.store.jdbc;

import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.State;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The numbers behind "received, resolved, in progress" by unit, in one grouped query (an index on the
 * submission instant, the unit and the state serves it), where {@link id.lapor.core.port.ComplaintSearch}
 * would count one unit and state at a time.
 */
public interface ComplaintStatistics {

    /**
     * How many complaints were submitted in {@code [from, to)}, by the unit now responsible (empty while
     * none is) and the state they are in now; ordered by unit (none first) and state.
     */
    List<UnitCount> countSubmitted(Instant from, Instant to);

    /** One line of {@link #countSubmitted}. */
    record UnitCount(Optional<UnitId> unit, State state, long count) {
    }
}
