package id.lapor.core.port;

import id.lapor.core.lifecycle.Complaint;
import java.util.List;

/**
 * The queries that lists and statistics need, each backed by an index in a database store. Results are
 * whole complaints; callers turn them into views for their actor before showing anything.
 */
public interface ComplaintSearch {

    /**
     * Complaints matching {@code filter}, in the filter's order, skipping {@code offset} and returning at
     * most {@code limit}.
     */
    List<Complaint> search(ComplaintFilter filter, int offset, int limit);

    /** How many complaints match {@code filter}. */
    long count(ComplaintFilter filter);
}
