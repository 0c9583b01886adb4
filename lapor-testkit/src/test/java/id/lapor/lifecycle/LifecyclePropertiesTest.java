package id.lapor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.view.ComplaintView;
import id.lapor.testkit.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of commands by random actors (seeded; the seed is in every failure message):
 * complaints stay legal, histories replay to them, versions count events, and no view ever carries
 * a reporter's personal data to a role that must not see it.
 */
class LifecyclePropertiesTest {
    private static final int COMPLAINTS = 6;
    private static final int STEPS = 300;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    private record Seeded(TrackingNumber number, String secret, Reporter reporter) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("any sequence of commands by any actors leaves legal, replayable complaints and views that keep reporters private")
    void randomSequences(long seed) {
        Random random = new Random(seed);
        World world = new World();
        List<UnitId> units = world.lapor.directory().all().stream().map(Unit::id).toList();
        List<Seeded> complaints = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            Reporter reporter = Reporter.of("Pelapor" + seed + "x" + i + "Nama",
                    "+62812" + (1000000 + random.nextInt(8999999)), "pelapor" + seed + "x" + i + "@example.org",
                    String.format("62%014d", Math.floorMod(random.nextLong(), 100_000_000_000_000L)));
            Submission.Created created = (Submission.Created) world.lapor.submit(Actor.newReporter(), Fixtures.report()
                    .reporter(reporter).anonymous(random.nextBoolean()).confidential(random.nextBoolean()).build());
            complaints.add(new Seeded(created.trackingNumber(), created.secret(), reporter));
        }
        for (int step = 0; step < STEPS; step++) {
            Seeded target = complaints.get(random.nextInt(COMPLAINTS));
            Actor actor = randomActor(random, units, target.secret());
            Command command = randomCommand(random, units);
            Complaint before = world.store.find(target.number()).orElseThrow();
            world.clock.advance(Duration.ofMinutes(1 + random.nextInt(600)));

            Outcome outcome = world.lapor.execute(actor, target.number(), command);

            String where = "seed " + seed + ", step " + step + ": " + actor + " " + command.type() + " on " + before;
            Complaint after = world.store.find(target.number()).orElseThrow();
            List<RecordedEvent> history = world.store.history(target.number());
            if (outcome instanceof Outcome.Accepted accepted) {
                assertThat(after.version()).as(where).isGreaterThan(before.version());
                assertThat(accepted.state()).as(where).isEqualTo(after.state());
            } else {
                assertThat(after).as(where).isEqualTo(before);
            }
            assertLegal(after, where);
            assertThat(after.version()).as(where).isEqualTo(history.size());
            assertThat(Complaint.replay(history)).as(where).isEqualTo(after);
            for (Seeded s : complaints) {
                for (Actor reader : readers(units, s.secret())) {
                    assertPrivate(world.lapor.view(reader, s.number()), world.store.find(s.number()).orElseThrow(), reader,
                            s, "seed " + seed + ", step " + step + ", " + reader);
                }
            }
        }
    }

    private static void assertLegal(Complaint c, String where) {
        assertThat(c.heldFrom().isPresent()).as(where + ": held-from iff on hold").isEqualTo(c.state() == State.ON_HOLD);
        c.heldFrom().ifPresent(h -> assertThat(h).as(where).isIn(State.SUBMITTED, State.DISPATCHED));
        if (EnumSet.of(State.DISPATCHED, State.AWAITING_APPROVAL, State.FOLLOWED_UP).contains(c.state())
                || c.heldFrom().filter(h -> h == State.DISPATCHED).isPresent()) {
            assertThat(c.responsibleUnit()).as(where + ": a dispatched complaint has a unit").isPresent();
            assertThat(c.weight()).as(where + ": a verified complaint has a weight").isPresent();
        }
        if (c.state() == State.SUBMITTED) {
            assertThat(c.responsibleUnit()).as(where + ": an unverified complaint has no unit").isEmpty();
        }
        assertThat(c.pendingFollowUp().isPresent()).as(where + ": a draft waits iff awaiting approval")
                .isEqualTo(c.state() == State.AWAITING_APPROVAL);
        if (c.state() == State.FOLLOWED_UP || c.state() == State.COMPLETED && c.latestFollowUp().isPresent()) {
            assertThat(c.latestFollowUp()).as(where + ": a followed-up complaint has an answer").isPresent();
        }
    }

    private static void assertPrivate(Optional<ComplaintView> view, Complaint c, Actor reader, Seeded s, String where) {
        Role role = reader.role();
        boolean outsider = role == Role.PUBLIC || role == Role.AUDITOR
                || role == Role.REPORTER && !c.secret().matches(reader.secret().orElse(null));
        if (c.confidential() && outsider) {
            assertThat(view).as(where + ": a confidential complaint is not shown to an outsider").isEmpty();
        }
        boolean mayNotSeeReporter = outsider
                || c.anonymous() && EnumSet.of(Role.UNIT_OPERATOR, Role.LIAISON_OFFICER, Role.SUPERVISOR).contains(role);
        if (view.isPresent() && mayNotSeeReporter) {
            ComplaintView v = view.get();
            assertThat(v.reporter()).as(where + ": reporter hidden").isEmpty();
            String text = v + " " + v.history() + " " + v.reporter();
            assertThat(text).as(where + ": no personal data in the view's text")
                    .doesNotContain(s.reporter().name(), s.reporter().phone(), s.reporter().email(), s.reporter().nationalId());
        }
        if (view.isPresent() && role == Role.UNIT_OPERATOR && view.get().reporter().isPresent()) {
            assertThat(c.anonymous()).as(where + ": a unit sees only a named reporter").isFalse();
        }
    }

    private static List<Actor> readers(List<UnitId> units, String secret) {
        List<Actor> all = new ArrayList<>();
        all.add(Actor.publicVisitor());
        all.add(Actor.reporter(secret));
        all.add(Actor.reporter("00000000"));
        all.add(Fixtures.officer(Role.AUDITOR, Fixtures.NATIONAL));
        for (Role r : List.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.LIAISON_OFFICER, Role.SUPERVISOR)) {
            for (UnitId u : List.of(Fixtures.NATIONAL, Fixtures.CITY, Fixtures.PUBLIC_WORKS, Fixtures.HEALTH)) {
                all.add(Fixtures.officer(r, u));
            }
        }
        return all;
    }

    private static Actor randomActor(Random random, List<UnitId> units, String secret) {
        Role role = Role.values()[random.nextInt(Role.values().length)];
        switch (role) {
            case REPORTER:
                return Actor.reporter(random.nextInt(4) == 0 ? "12345678" : secret);
            case SYSTEM:
                return Actor.system("random");
            case PUBLIC:
                return Actor.publicVisitor();
            default:
                return Fixtures.officer(role, units.get(random.nextInt(units.size())));
        }
    }

    private static Command randomCommand(Random random, List<UnitId> units) {
        CommandKind kind = CommandKind.values()[random.nextInt(CommandKind.values().length)];
        UnitId unit = units.get(random.nextInt(units.size()));
        switch (kind) {
            case VERIFY:
                return Command.Verify.to(unit, Weight.values()[random.nextInt(Weight.values().length)]);
            case FORWARD:
                return new Command.Forward(unit, null);
            case REASSIGN:
                return new Command.Reassign(unit, "dipindahkan");
            case ARCHIVE:
                return new Command.Archive(ArchiveReason.values()[random.nextInt(ArchiveReason.values().length)], null);
            case ESCALATE:
                EnumSet<EscalationAction> actions = EnumSet.noneOf(EscalationAction.class);
                for (EscalationAction a : EscalationAction.values()) {
                    if (random.nextBoolean()) {
                        actions.add(a);
                    }
                }
                return new Command.Escalate(1 + random.nextInt(3), "terlambat", "random", actions);
            case RATE:
                return new Command.Rate(1 + random.nextInt(5), null);
            default:
                return World.command(kind);
        }
    }
}
