package id.lapor.core.directory;

import id.lapor.core.complaint.RegionCode;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * An institution or working unit. Its supervisor is its parent. {@code followUpNeedsApproval} says
 * whether an operator's follow-up here or in any unit below waits for the liaison officer before the
 * reporter sees it.
 * {@code calendar} names a working-day calendar; empty means the parent's (the root's default when no
 * ancestor names one). {@code region} is the territory a regional government or its units serve
 * (e.g. {@code 62.71} for Kota Palangka Raya): its verifiers take the unrouted reports from there.
 */
public record Unit(
        UnitId id,
        String name,
        UnitLevel level,
        Optional<UnitId> parent,
        ZoneId zone,
        Optional<RegionCode> region,
        boolean followUpNeedsApproval,
        Optional<String> calendar) {

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(calendar, "calendar");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("unit " + id + " needs a name");
        }
    }

    /** WIB, the zone of Sumatra, Java, West and Central Kalimantan. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** WITA: South, East and North Kalimantan, Bali, Nusa Tenggara, Sulawesi. */
    public static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    /** WIT: Maluku and Papua. */
    public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    public static Unit root(String id, String name, UnitLevel level, ZoneId zone) {
        return new Unit(UnitId.of(id), name, level, Optional.empty(), zone, Optional.empty(), false, Optional.empty());
    }

    public static Unit child(String parent, String id, String name, UnitLevel level, ZoneId zone) {
        return new Unit(UnitId.of(id), name, level, Optional.of(UnitId.of(parent)), zone, Optional.empty(), false, Optional.empty());
    }

    public Unit requiringApproval() {
        return new Unit(id, name, level, parent, zone, region, true, calendar);
    }

    public Unit inRegion(String regionCode) {
        return new Unit(id, name, level, parent, zone, Optional.of(RegionCode.of(regionCode)), followUpNeedsApproval, calendar);
    }

    public Unit withCalendar(String calendarId) {
        return new Unit(id, name, level, parent, zone, region, followUpNeedsApproval, Optional.of(calendarId));
    }
}
