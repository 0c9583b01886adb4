package id.lapor.core.relay;

import id.lapor.core.Lapor;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.complaint.Category;
import id.lapor.core.complaint.CategoryCatalogue;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.directory.UnitLevel;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small world for the relay's tests (the testkit depends on the core, so the core's tests bring their
 * own): a city with one agency, an in-memory store, a clock the test moves, and couriers that record.
 */
final class RelayWorld {
    static final UnitId CITY = UnitId.of("kota-palangkaraya");
    static final UnitId AGENCY = UnitId.of("dinas-pupr-palangkaraya");
    /** Built once: building the national calendars is the slow part of a new lapor. */
    static final CalendarBook CALENDARS = Lapor.Builder.nationalCalendars();

    final MovableClock clock = new MovableClock(Instant.parse("2026-04-14T02:00:00Z"));
    final InMemoryComplaintStore store = new InMemoryComplaintStore();
    final Lapor lapor;

    RelayWorld() {
        AtomicLong sequence = new AtomicLong();
        Directory directory = Directory.of(List.of(
                Unit.root(CITY.value(), "Pemerintah Kota Palangka Raya", UnitLevel.CITY_OR_REGENCY, Unit.WIB).inRegion("62.71"),
                Unit.child(CITY.value(), AGENCY.value(), "Dinas PUPR Kota Palangka Raya", UnitLevel.REGIONAL_AGENCY, Unit.WIB)));
        lapor = Lapor.builder()
                .clock(clock)
                .store(store)
                .trackingNumbers(new KeyedTrackingNumbers("relay-test-key-0123456789".getBytes(StandardCharsets.UTF_8),
                        sequence::getAndIncrement))
                .directory(directory)
                .categories(CategoryCatalogue.of(List.of(Category.top("jalan", "Jalan"))))
                .calendars(CALENDARS)
                .build();
    }

    /** A complaint through the web from a reporter with a phone only, verified to the agency when {@code verify}. */
    TrackingNumber complaint(String phone, boolean verify) {
        TrackingNumber n = complaint(Channel.WEB, new Reporter("Budi Santoso", phone, null, null));
        if (verify) {
            lapor.execute(Actor.officer(Role.VERIFIER, "admin.kota", CITY), n, Command.Verify.to(AGENCY, Weight.NORMAL)).orElseThrow();
        }
        return n;
    }

    /** A complaint through {@code channel} from {@code reporter}, not verified. */
    TrackingNumber complaint(Channel channel, Reporter reporter) {
        Command.Submit report = new Command.Submit(Kind.COMPLAINT, channel, "Jalan rusak", "Budi: jalan berlubang di Jl. Rahasia 7",
                null, Location.of("62.71"), null, Set.of(), List.of(), reporter, false, false, null, null, null);
        return lapor.submit(Actor.newReporter(), report).trackingNumberOrThrow();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Records what it was given; fails while its {@link #mode} says so. */
    static final class RecordingCourier implements Courier {
        enum Mode { UP, DOWN, REFUSING }

        private final Medium medium;
        final List<Delivery> delivered = new CopyOnWriteArrayList<>();
        final AtomicLong attempts = new AtomicLong();
        volatile Mode mode = Mode.UP;

        RecordingCourier(Medium medium) {
            this.medium = medium;
        }

        @Override
        public Medium medium() {
            return medium;
        }

        @Override
        public void deliver(Delivery delivery) {
            attempts.incrementAndGet();
            switch (mode) {
                case DOWN -> throw DeliveryException.transientFailure("gateway down", null);
                case REFUSING -> throw DeliveryException.permanentFailure("gateway refused the credentials");
                default -> delivered.add(delivery);
            }
        }
    }
}
