package id.lapor.examples;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
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
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.core.view.ComplaintView;
import id.lapor.core.view.HistoryEntry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Submits a complaint about a damaged road in Kota Palangka Raya and walks it through its lifecycle:
 * verified and dispatched to public works, forwarded to the roads unit, answered, approved by the liaison
 * officer, rated and completed by the reporter. Prints each step and then the public history.
 */
public final class LifecycleWalkthrough {
    private static final UnitId CITY = UnitId.of("kota-palangkaraya");
    private static final UnitId PUBLIC_WORKS = UnitId.of("dinas-pupr-palangkaraya");
    private static final UnitId ROADS = UnitId.of("upt-jalan-palangkaraya");

    private LifecycleWalkthrough() {
    }

    public static void main(String[] args) {
        run(System.out, Instant.parse("2026-03-17T03:00:00Z"));
    }

    /** Runs the walk with time starting at {@code start}; each step is an hour after the one before. */
    static void run(PrintStream out, Instant start) {
        TickingClock clock = new TickingClock(start);
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Lapor lapor = Lapor.builder()
                .clock(clock)
                .store(store)
                .trackingNumbers(new KeyedTrackingNumbers("walkthrough-demo-key!".getBytes(StandardCharsets.UTF_8),
                        store::nextSequence))
                .directory(directory())
                .categories(CategoryCatalogue.of(List.of(
                        Category.top("infrastruktur", "Infrastruktur"),
                        Category.under("infrastruktur", "jalan", "Jalan rusak"))))
                .build();

        Submission.Created created = (Submission.Created) lapor.submit(Actor.newReporter(), new Command.Submit(
                Kind.COMPLAINT, Channel.WEB, "Jalan berlubang di Jalan Tjilik Riwut",
                "Lubang besar di depan pasar sejak dua minggu, sudah dua pengendara motor jatuh.", null,
                Location.of("62.71.01.1001"), null, Set.of("jalan"), List.of(),
                Reporter.of("Budi Santoso", "+6281234567890", "budi@example.org", null), false, false, CITY, null, null));
        TrackingNumber n = created.trackingNumber();
        out.println("Submitted: tracking number " + n + ", reporter's PIN " + created.secret());

        Actor verifier = Actor.officer(Role.VERIFIER, "admin.kota", CITY);
        Actor operator = Actor.officer(Role.UNIT_OPERATOR, "operator.pupr", PUBLIC_WORKS);
        Actor liaison = Actor.officer(Role.LIAISON_OFFICER, "penghubung.pupr", PUBLIC_WORKS);
        Actor roads = Actor.officer(Role.UNIT_OPERATOR, "operator.upt-jalan", ROADS);
        Actor reporter = Actor.reporter(created.secret());

        step(out, "verify and dispatch", lapor.execute(verifier, n, Command.Verify.to(PUBLIC_WORKS, Weight.NORMAL)));
        step(out, "forward to the roads unit", lapor.execute(operator, n, new Command.Forward(ROADS, "Ruas kota")));
        step(out, "post a follow-up", lapor.execute(roads, n,
                new Command.PostFollowUp("Lubang ditambal pada 19 Maret; pelapisan ulang dijadwalkan April.")));
        step(out, "approve it", lapor.execute(liaison, n, new Command.ApproveFollowUp()));
        step(out, "reporter rates", lapor.execute(reporter, n, new Command.Rate(5, "Cepat, terima kasih")));
        step(out, "reporter completes", lapor.execute(reporter, n, new Command.Complete(null)));

        ComplaintView seen = lapor.view(Actor.publicVisitor(), n).orElseThrow();
        out.println();
        out.println("Public history of " + n + " (" + seen.state() + ", reporter shown to the public: "
                + seen.reporter().isPresent() + "):");
        DateTimeFormatter wib = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'WIB'").withZone(ZoneOffset.ofHours(7));
        for (HistoryEntry e : seen.history()) {
            out.printf("  v%d  %s  %-16s %-18s -> %-17s %s%n", e.version(), wib.format(e.at()), e.actorRole(), e.type(),
                    e.state(), e.text().orElse(""));
        }
        out.println("Answer shown to the public: " + seen.latestFollowUp().orElse("(none)"));
        out.println();
        out.println("Outbox messages written with the events: " + store.outbox().size());
    }

    private static void step(PrintStream out, String what, id.lapor.core.Outcome outcome) {
        out.printf("%-28s %s%n", what + ":", outcome.orElseThrow().state());
    }

    private static Directory directory() {
        return Directory.of(List.of(
                Unit.root("nasional", "Pengelola SP4N-LAPOR Nasional", UnitLevel.NATIONAL, Unit.WIB),
                Unit.child("nasional", CITY.value(), "Pemerintah Kota Palangka Raya", UnitLevel.CITY_OR_REGENCY, Unit.WIB)
                        .inRegion("62.71"),
                Unit.child(CITY.value(), PUBLIC_WORKS.value(), "Dinas PUPR Kota Palangka Raya", UnitLevel.REGIONAL_AGENCY,
                        Unit.WIB).requiringApproval(),
                Unit.child(PUBLIC_WORKS.value(), ROADS.value(), "UPT Jalan dan Jembatan", UnitLevel.REGIONAL_AGENCY, Unit.WIB)));
    }

    /** A clock that moves one hour each time it is read, so the printed history has distinct times. */
    private static final class TickingClock extends Clock {
        private Instant next;

        TickingClock(Instant start) {
            this.next = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(Duration.ofHours(1));
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
