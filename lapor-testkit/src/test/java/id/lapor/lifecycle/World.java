package id.lapor.lifecycle;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.lifecycle.State;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.time.Duration;
import java.util.Set;

/** A lapor on the in-memory store with the testkit's fixtures, actors in scope, and a way to reach each state. */
final class World {
    final InMemoryComplaintStore store = new InMemoryComplaintStore();
    final SettableClock clock = SettableClock.at("2026-03-17T03:00:00Z");
    final Lapor lapor = Fixtures.lapor(store, clock);

    /** Officers whose scope covers a complaint with public works, and the roles without a unit. */
    Actor actor(Role role, String secret) {
        switch (role) {
            case REPORTER:
                return Actor.reporter(secret);
            case SYSTEM:
                return Actor.system("test");
            case PUBLIC:
                return Actor.publicVisitor();
            case VERIFIER:
            case SUPERVISOR:
                return Fixtures.officer(role, Fixtures.CITY);
            case AUDITOR:
                return Fixtures.officer(role, Fixtures.NATIONAL);
            default:
                return Fixtures.officer(role, Fixtures.PUBLIC_WORKS);
        }
    }

    /** A valid command of each kind, aimed at a complaint with public works. */
    static Command command(CommandKind kind) {
        switch (kind) {
            case SUBMIT:
                return Fixtures.report().build();
            case VERIFY:
                return Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL);
            case HOLD:
                return new Command.Hold("Mohon lampirkan foto lokasi.");
            case RESUME:
                return new Command.Resume(null);
            case NOT_OUR_AUTHORITY:
                return new Command.NotOurAuthority("Jalan nasional, bukan kewenangan kota.");
            case ARCHIVE:
                return new Command.Archive(ArchiveReason.TOO_GENERAL, null);
            case FORWARD:
                return new Command.Forward(Fixtures.ROADS_UNIT, null);
            case REASSIGN:
                return new Command.Reassign(Fixtures.HEALTH, "Menyangkut sanitasi.");
            case POST_FOLLOW_UP:
                return new Command.PostFollowUp("Perbaikan dijadwalkan minggu depan.");
            case APPROVE_FOLLOW_UP:
                return new Command.ApproveFollowUp();
            case RETURN_FOLLOW_UP:
                return new Command.ReturnFollowUp("Lengkapi jadwal pekerjaan.");
            case REPLY:
                return new Command.Reply("Terima kasih, ini fotonya.");
            case RATE:
                return new Command.Rate(4, null);
            case COMPLETE:
                return new Command.Complete(null);
            default:
                return new Command.Escalate(1, "Tenggat terlewati", null, Set.of(EscalationAction.NOTIFY_SUPERVISOR));
        }
    }

    /** A complaint in {@code state}, with public works where it has a unit; ON_HOLD is held from DISPATCHED. */
    Reached reach(State state) {
        Submission.Created created = (Submission.Created) lapor.submit(Actor.newReporter(), Fixtures.report().build());
        TrackingNumber n = created.trackingNumber();
        Actor verifier = actor(Role.VERIFIER, null);
        Actor operator = actor(Role.UNIT_OPERATOR, null);
        if (state == State.ARCHIVED) {
            step(verifier, n, command(CommandKind.ARCHIVE));
        } else if (state != State.SUBMITTED) {
            step(verifier, n, command(CommandKind.VERIFY));
            if (state == State.ON_HOLD) {
                step(operator, n, command(CommandKind.HOLD));
            } else if (state != State.DISPATCHED) {
                step(operator, n, command(CommandKind.POST_FOLLOW_UP));
                if (state != State.AWAITING_APPROVAL) {
                    step(actor(Role.LIAISON_OFFICER, null), n, command(CommandKind.APPROVE_FOLLOW_UP));
                    if (state == State.COMPLETED) {
                        step(verifier, n, command(CommandKind.COMPLETE));
                    }
                }
            }
        }
        if (store.find(n).orElseThrow().state() != state) {
            throw new AssertionError("could not reach " + state + ": " + store.find(n).orElseThrow());
        }
        return new Reached(n, created.secret());
    }

    private void step(Actor actor, TrackingNumber n, Command command) {
        clock.advance(Duration.ofHours(1));
        lapor.execute(actor, n, command).orElseThrow();
    }

    record Reached(TrackingNumber trackingNumber, String secret) {
    }
}
