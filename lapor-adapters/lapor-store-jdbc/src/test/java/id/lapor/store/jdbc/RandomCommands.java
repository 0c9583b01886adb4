package id.lapor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Destination;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.lifecycle.Transition;
import id.lapor.core.lifecycle.Transitions;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.sla.EscalationAction;
import id.lapor.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One thread's share of the race: reads a random complaint, picks a row of the transition table its
 * state allows, and gives that command as an actor of the row's role. Other threads do the same to
 * the same complaints, so the complaint may have moved on by the time the command is stored.
 */
final class RandomCommands {
    private static final List<UnitId> UNITS = List.of(Fixtures.HEALTH, Fixtures.PUBLIC_WORKS);

    private final Lapor lapor;
    private final ComplaintStore store;
    private final List<TrackingNumber> numbers;
    private final Map<TrackingNumber, String> secrets;
    private final SplittableRandom random;

    RandomCommands(Lapor lapor, ComplaintStore store, List<TrackingNumber> numbers, Map<TrackingNumber, String> secrets,
                   SplittableRandom random) {
        this.lapor = lapor;
        this.store = store;
        this.numbers = numbers;
        this.secrets = secrets;
        this.random = random;
    }

    /** Gives {@code count} commands; answers what was accepted, and how many conflicts there were. */
    Result run(int count) {
        List<Outcome.Accepted> accepted = new java.util.ArrayList<>();
        int conflicts = 0;
        for (int i = 0; i < count; i++) {
            TrackingNumber n = numbers.get(random.nextInt(numbers.size()));
            Complaint c = store.find(n).orElseThrow();
            List<Transition> rows = Transitions.table().stream().filter(t -> t.from() == c.state()).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Transition row = rows.get(random.nextInt(rows.size()));
            // Terminal moves are rare, so that most complaints stay in play for a while.
            if ((row.command() == CommandKind.ARCHIVE || row.command() == CommandKind.COMPLETE) && random.nextInt(4) != 0) {
                continue;
            }
            Role role = List.copyOf(row.roles()).get(random.nextInt(row.roles().size()));
            Outcome outcome = lapor.execute(actor(role, c), n, command(row.command()));
            if (outcome instanceof Outcome.Accepted a) {
                accepted.add(a);
            } else if (outcome instanceof Outcome.Conflict) {
                conflicts++;
            }
        }
        return new Result(accepted, conflicts);
    }

    record Result(List<Outcome.Accepted> accepted, int conflicts) {
    }

    private Actor actor(Role role, Complaint c) {
        UnitId unit = c.responsibleUnit().orElse(Fixtures.CITY);
        return switch (role) {
            case REPORTER -> Actor.reporter(secrets.get(c.trackingNumber()));
            case SYSTEM -> Actor.system("race");
            case VERIFIER -> Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
            case SUPERVISOR -> Fixtures.officer(Role.SUPERVISOR, Fixtures.CITY);
            default -> Fixtures.officer(role, unit);
        };
    }

    private Command command(CommandKind kind) {
        UnitId unit = UNITS.get(random.nextInt(UNITS.size()));
        return switch (kind) {
            case VERIFY -> Command.Verify.to(unit, Weight.NORMAL);
            case HOLD -> new Command.Hold("Mohon lengkapi data");
            case RESUME -> new Command.Resume(null);
            case NOT_OUR_AUTHORITY -> new Command.NotOurAuthority("Bukan wewenang kami");
            case ARCHIVE -> new Command.Archive(ArchiveReason.TOO_GENERAL, null);
            case FORWARD -> new Command.Forward(Fixtures.DISTRICT, null);
            case REASSIGN -> new Command.Reassign(unit, "Dialihkan");
            case POST_FOLLOW_UP -> new Command.PostFollowUp("Sudah ditindaklanjuti " + random.nextInt(1000));
            case APPROVE_FOLLOW_UP -> new Command.ApproveFollowUp();
            case RETURN_FOLLOW_UP -> new Command.ReturnFollowUp("Kurang lengkap");
            case REPLY -> new Command.Reply("Terima kasih " + random.nextInt(1000));
            case RATE -> new Command.Rate(1 + random.nextInt(5), null);
            case COMPLETE -> new Command.Complete(null);
            case ESCALATE -> new Command.Escalate(1 + random.nextInt(3), "Lewat batas waktu", "sla-1",
                    Set.of(EscalationAction.NOTIFY_SUPERVISOR));
            case SUBMIT -> throw new IllegalArgumentException("SUBMIT is in no row of the table");
        };
    }

    /**
     * Every change of state in {@code history} is a move the transition table allows: from the state
     * before, some row leads to the state after (for either approval setting of the unit).
     */
    static void assertLegal(List<RecordedEvent> history) {
        assertThat(history.get(0).state()).isEqualTo(State.SUBMITTED);
        Complaint before = Complaint.start(history.get(0));
        for (RecordedEvent e : history.subList(1, history.size())) {
            State from = before.state();
            State heldFrom = before.heldFrom().orElse(null);
            // Clock and SLA events follow a command's event without moving the complaint.
            boolean legal = e.state() == from || Transitions.table().stream()
                    .filter(t -> t.from() == from)
                    .filter(t -> heldFrom != null || !(t.to() instanceof Destination.HeldFrom))
                    .anyMatch(t -> t.next(heldFrom, true) == e.state() || t.next(heldFrom, false) == e.state());
            assertThat(legal).as("%s: %s -> %s by %s", e.id(), from, e.state(), e.event().getClass().getSimpleName()).isTrue();
            before = before.apply(e);
        }
        Complaint last = before;
        assertThat(last.heldFrom().isPresent()).as("held from is set exactly when on hold").isEqualTo(last.state() == State.ON_HOLD);
        if (last.state() == State.DISPATCHED || last.state() == State.AWAITING_APPROVAL || last.state() == State.FOLLOWED_UP) {
            assertThat(last.responsibleUnit()).as("a dispatched complaint has a unit").isPresent();
        }
    }
}
