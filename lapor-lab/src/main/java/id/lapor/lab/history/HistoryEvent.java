package id.lapor.lab.history;

import id.lapor.core.directory.UnitId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One later event of a complaint in a history line. {@code note} is free text (an archive reason...), may be empty. */
public record HistoryEvent(EventType type, Instant at, Optional<UnitId> unit, String note) {
    public HistoryEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(unit, "unit");
        note = note == null ? "" : note;
    }

    public static HistoryEvent of(EventType type, Instant at) {
        return new HistoryEvent(type, at, Optional.empty(), "");
    }
}
