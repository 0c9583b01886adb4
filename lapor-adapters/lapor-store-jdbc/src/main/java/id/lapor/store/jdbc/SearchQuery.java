package id.lapor.store.jdbc;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.State;
import id.lapor.core.port.ComplaintFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link ComplaintFilter} as SQL: one condition per part the filter sets, each list bound as one
 * parameter ({@link Dialect#inList}), and the filter's order with the tracking number last, as
 * {@link ComplaintFilter#comparator()} has it. Instants compare to the microsecond.
 */
final class SearchQuery {
    private final Dialect dialect;
    private final StringBuilder where = new StringBuilder();
    private final List<Parameter> parameters = new ArrayList<>();

    SearchQuery(Dialect dialect, ComplaintFilter f) {
        this.dialect = dialect;
        list("tracking_number", f.numbers(), TrackingNumber::value);
        list("responsible_unit", f.units(), UnitId::value);
        list("state", f.states(), State::name);
        list("category", f.categories(), CategoryId::value);
        f.submittedFrom().ifPresent(from -> instant("submitted_at >= ?", from));
        f.submittedUntil().ifPresent(until -> instant("submitted_at < ?", until));
        if (!f.includeConfidential()) {
            condition("confidential = ?", (s, i) -> s.setBoolean(i, false));
        }
    }

    /** The matching complaints' JSON in the filter's order, {@code offset} and {@code limit} as the last two parameters. */
    String select(ComplaintFilter.Order order) {
        String orderBy = switch (order) {
            case NEXT_DUE -> "next_due_at NULLS LAST, submitted_at, tracking_number";
            case OLDEST -> "submitted_at, tracking_number";
            case NEWEST -> "submitted_at DESC, tracking_number";
        };
        return "SELECT complaint_json FROM complaint" + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }

    String count() {
        return "SELECT count(*) FROM complaint" + where;
    }

    /** Binds the filter's parameters; returns the next free index. */
    int bind(PreparedStatement s) throws SQLException {
        int i = 1;
        for (Parameter p : parameters) {
            p.bind(s, i++);
        }
        return i;
    }

    private <T> void list(String column, Collection<T> values, Function<T, String> text) {
        if (!values.isEmpty()) {
            List<String> texts = values.stream().map(text).sorted().toList();
            condition(dialect.inList(column), (s, i) -> dialect.setList(s, i, texts));
        }
    }

    private void instant(String condition, Instant value) {
        condition(condition, (s, i) -> dialect.setInstant(s, i, value));
    }

    private void condition(String condition, Parameter parameter) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        parameters.add(parameter);
    }

    /** Binds one parameter at the index it gets in the finished statement. */
    @FunctionalInterface
    private interface Parameter {
        void bind(PreparedStatement s, int index) throws SQLException;
    }
}
