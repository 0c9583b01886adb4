package id.lapor.lab.history;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.routing.RoutingInput;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One complaint of a history (one JSON line): what it was, when it came in, and what happened to it later, with
 * times. {@code line} is its line number in the file, from 1.
 */
public record HistoryLine(long line, String id, Kind kind, Channel channel, Instant submittedAt,
                          Optional<CategoryId> category, RegionCode region, String title, String body,
                          Optional<UnitId> institution, Optional<Weight> weight, List<HistoryEvent> events) {
    public HistoryLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(weight, "weight");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        events = List.copyOf(events);
    }

    public RoutingInput routingInput() {
        return new RoutingInput(kind, channel, category, region, title, body, institution);
    }

    /** The last recorded instant: the submission or the last event. */
    public Instant lastInstant() {
        return events.isEmpty() ? submittedAt : events.get(events.size() - 1).at();
    }
}
