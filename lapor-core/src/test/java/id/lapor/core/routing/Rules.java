package id.lapor.core.routing;

import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.directory.UnitId;
import java.util.List;

/** A small catalogue and routing inputs to test with. */
final class Rules {
    static final CategoryCatalogue CATALOGUE = CategoryCatalogue.of(List.of(
            Category.top("infrastruktur", "Infrastruktur"),
            Category.under("infrastruktur", "jalan", "Jalan"),
            Category.under("jalan", "jalan-desa", "Jalan desa"),
            Category.under("infrastruktur", "drainase", "Drainase"),
            Category.top("kesehatan", "Kesehatan"),
            Category.under("kesehatan", "puskesmas", "Puskesmas"),
            Category.top("lainnya", "Lainnya")));

    static final UnitId PUPR = UnitId.of("dinas-pupr");
    static final UnitId HEALTH = UnitId.of("dinas-kesehatan");
    static final UnitId BPBD = UnitId.of("bpbd");
    static final UnitId MINISTRY = UnitId.of("kemenkes");

    private Rules() {
    }

    static CategoryId cat(String id) {
        return CategoryId.of(id);
    }

    static RegionCode region(String code) {
        return RegionCode.of(code);
    }

    static RoutingInput input(String category, String region, String title, String body) {
        return RoutingInput.of(Kind.COMPLAINT, Channel.WEB, category == null ? null : cat(category), region(region),
                title, body, null);
    }
}
