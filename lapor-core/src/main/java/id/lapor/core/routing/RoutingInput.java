package id.lapor.core.routing;

import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing looks at in a report: small enough that a history line can be routed without building a
 * {@link Complaint}. {@code category} is empty when the report has none yet; {@code institution} is the
 * institution the reporter chose, empty when they did not know. A null title or body reads as empty text.
 */
public record RoutingInput(Kind kind, Channel channel, Optional<CategoryId> category, RegionCode region, String title,
                           String body, Optional<UnitId> institution) {
    public RoutingInput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(institution, "institution");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    /** The routing input of a complaint as it stands (its verified kind, title and category when verified). */
    public static RoutingInput of(Complaint complaint) {
        return new RoutingInput(complaint.kind(), complaint.channel(), complaint.category(),
                complaint.location().region(), complaint.title(), complaint.body(), complaint.targetInstitution());
    }

    /** Convenience with nullable {@code category} and {@code institution}. */
    public static RoutingInput of(Kind kind, Channel channel, CategoryId category, RegionCode region, String title,
                                  String body, UnitId institution) {
        return new RoutingInput(kind, channel, Optional.ofNullable(category), region, title, body,
                Optional.ofNullable(institution));
    }
}
