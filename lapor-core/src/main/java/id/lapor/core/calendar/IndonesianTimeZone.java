package id.lapor.core.calendar;

import java.time.ZoneId;

/** Indonesia's three time zones. None has daylight saving time. */
public enum IndonesianTimeZone {
    /** Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan. */
    WIB("Asia/Jakarta"),
    /** Waktu Indonesia Tengah, UTC+8: South, East and North Kalimantan, Bali, Nusa Tenggara, Sulawesi. */
    WITA("Asia/Makassar"),
    /** Waktu Indonesia Timur, UTC+9: Maluku and Papua. */
    WIT("Asia/Jayapura");

    private final ZoneId zoneId;

    IndonesianTimeZone(String id) {
        this.zoneId = ZoneId.of(id);
    }

    public ZoneId zoneId() {
        return zoneId;
    }
}
