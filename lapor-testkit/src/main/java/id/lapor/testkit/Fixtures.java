package id.lapor.testkit;

import static id.lapor.core.directory.Unit.WIB;
import static id.lapor.core.directory.Unit.WIT;
import static id.lapor.core.directory.Unit.WITA;

import id.lapor.core.Lapor;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.directory.UnitLevel;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.port.ComplaintStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small world to test in: a directory from the national platform down to a village of Kota
 * Palangka Raya (WIB), with provinces in WITA and WIT; a category catalogue; and valid reports to vary.
 */
public final class Fixtures {
    public static final UnitId NATIONAL = UnitId.of("nasional");
    public static final UnitId PROVINCE = UnitId.of("prov-kalteng");
    public static final UnitId CITY = UnitId.of("kota-palangkaraya");
    /** Public works: its follow-ups wait for the liaison officer's approval. */
    public static final UnitId PUBLIC_WORKS = UnitId.of("dinas-pupr-palangkaraya");
    /** A technical unit below public works, for forwarding. */
    public static final UnitId ROADS_UNIT = UnitId.of("upt-jalan-palangkaraya");
    public static final UnitId HEALTH = UnitId.of("dinas-kesehatan-palangkaraya");
    public static final UnitId DISTRICT = UnitId.of("kec-pahandut");
    public static final UnitId VILLAGE = UnitId.of("kel-langkai");
    public static final UnitId MINISTRY = UnitId.of("kemenkes");
    public static final UnitId EAST_KALIMANTAN = UnitId.of("prov-kaltim");
    public static final UnitId PAPUA = UnitId.of("prov-papua");

    public static final CategoryId INFRASTRUCTURE = CategoryId.of("infrastruktur");
    public static final CategoryId ROADS = CategoryId.of("jalan");
    public static final CategoryId DRAINAGE = CategoryId.of("drainase");
    public static final CategoryId HEALTHCARE = CategoryId.of("kesehatan");
    public static final CategoryId CLINICS = CategoryId.of("puskesmas");

    private Fixtures() {
    }

    public static Directory directory() {
        return Directory.of(List.of(
                Unit.root(NATIONAL.value(), "Pengelola SP4N-LAPOR Nasional", UnitLevel.NATIONAL, WIB),
                Unit.child(NATIONAL.value(), MINISTRY.value(), "Kementerian Kesehatan", UnitLevel.MINISTRY, WIB),
                Unit.child(NATIONAL.value(), PROVINCE.value(), "Pemerintah Provinsi Kalimantan Tengah", UnitLevel.PROVINCE, WIB).inRegion("62"),
                Unit.child(PROVINCE.value(), CITY.value(), "Pemerintah Kota Palangka Raya", UnitLevel.CITY_OR_REGENCY, WIB).inRegion("62.71"),
                Unit.child(CITY.value(), PUBLIC_WORKS.value(), "Dinas Pekerjaan Umum dan Penataan Ruang Kota Palangka Raya",
                        UnitLevel.REGIONAL_AGENCY, WIB).requiringApproval(),
                Unit.child(PUBLIC_WORKS.value(), ROADS_UNIT.value(), "UPT Jalan dan Jembatan Kota Palangka Raya",
                        UnitLevel.REGIONAL_AGENCY, WIB),
                Unit.child(CITY.value(), HEALTH.value(), "Dinas Kesehatan Kota Palangka Raya", UnitLevel.REGIONAL_AGENCY, WIB),
                Unit.child(CITY.value(), DISTRICT.value(), "Kecamatan Pahandut", UnitLevel.DISTRICT, WIB).inRegion("62.71.01"),
                Unit.child(DISTRICT.value(), VILLAGE.value(), "Kelurahan Langkai", UnitLevel.VILLAGE, WIB).inRegion("62.71.01.1001"),
                Unit.child(NATIONAL.value(), EAST_KALIMANTAN.value(), "Pemerintah Provinsi Kalimantan Timur", UnitLevel.PROVINCE, WITA).inRegion("64"),
                Unit.child(NATIONAL.value(), PAPUA.value(), "Pemerintah Provinsi Papua", UnitLevel.PROVINCE, WIT).inRegion("91")));
    }

    public static CategoryCatalogue categories() {
        return CategoryCatalogue.of(List.of(
                Category.top(INFRASTRUCTURE.value(), "Infrastruktur"),
                Category.under(INFRASTRUCTURE.value(), ROADS.value(), "Jalan rusak"),
                Category.under(INFRASTRUCTURE.value(), DRAINAGE.value(), "Drainase dan banjir"),
                Category.top(HEALTHCARE.value(), "Kesehatan"),
                Category.under(HEALTHCARE.value(), CLINICS.value(), "Pelayanan puskesmas")));
    }

    /** A lapor over {@code store} with the fixtures' directory and catalogue and a fixed tracking-number key. */
    public static Lapor lapor(ComplaintStore store, java.time.Clock clock) {
        return laporBuilder(store, clock).build();
    }

    /** {@link #lapor} before it is built, to change more (calendars, SLA policy, listeners). */
    public static Lapor.Builder laporBuilder(ComplaintStore store, java.time.Clock clock) {
        AtomicLong sequence = new AtomicLong();
        return Lapor.builder()
                .clock(clock)
                .store(store)
                .trackingNumbers(new KeyedTrackingNumbers("lapor-testkit-key-0123456789".getBytes(StandardCharsets.UTF_8),
                        sequence::getAndIncrement))
                .directory(directory())
                .categories(categories())
                .calendars(CALENDARS);
    }

    /** The shipped national calendars, built once: building them is the slow part of a new lapor. */
    private static final id.lapor.core.calendar.CalendarBook CALENDARS = Lapor.Builder.nationalCalendars();

    /** A valid web complaint about a damaged road in Palangka Raya, to vary with {@link ReportBuilder}. */
    public static ReportBuilder report() {
        return new ReportBuilder();
    }

    public static Actor officer(Role role, UnitId unit) {
        return Actor.officer(role, role.name().toLowerCase(java.util.Locale.ROOT) + "@" + unit, unit);
    }

    /** Builds {@link Command.Submit} values; every field starts valid. */
    public static final class ReportBuilder {
        private Kind kind = Kind.COMPLAINT;
        private Channel channel = Channel.WEB;
        private String title = "Jalan rusak di Jalan Tjilik Riwut";
        private String body = "Jalan berlubang besar di depan pasar sejak dua minggu, membahayakan pengendara motor.";
        private Location location = Location.of("62.71.01.1001");
        private CategoryId category = ROADS;
        private Reporter reporter = Reporter.of("Budi Santoso", "+6281234567890", "budi@example.org", "6271010101900001");
        private boolean anonymous;
        private boolean confidential;
        private UnitId targetInstitution;
        private String channelMessageId;

        public ReportBuilder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        public ReportBuilder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public ReportBuilder title(String title) {
            this.title = title;
            return this;
        }

        public ReportBuilder body(String body) {
            this.body = body;
            return this;
        }

        public ReportBuilder location(Location location) {
            this.location = location;
            return this;
        }

        public ReportBuilder category(CategoryId category) {
            this.category = category;
            return this;
        }

        public ReportBuilder reporter(Reporter reporter) {
            this.reporter = reporter;
            return this;
        }

        public ReportBuilder anonymous(boolean anonymous) {
            this.anonymous = anonymous;
            return this;
        }

        public ReportBuilder confidential(boolean confidential) {
            this.confidential = confidential;
            return this;
        }

        public ReportBuilder targetInstitution(UnitId targetInstitution) {
            this.targetInstitution = targetInstitution;
            return this;
        }

        public ReportBuilder channelMessageId(String channelMessageId) {
            this.channelMessageId = channelMessageId;
            return this;
        }

        public Command.Submit build() {
            return new Command.Submit(kind, channel, title, body, null, location, category, Set.of("jalan"), List.of(),
                    reporter, anonymous, confidential, targetInstitution, null, channelMessageId);
        }
    }
}
