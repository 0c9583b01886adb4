package id.lapor.benchmarks.storage;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.State;
import id.lapor.testkit.Fixtures;

/**
 * The lifecycle through lapor, as a host calls it: a reporter submits a web report; the city's verifier
 * dispatches it to the district, whose operator forwards it to the village, whose operator posts the
 * follow-up; the reporter completes it. Each call is one committed transaction (an append), after a read
 * of the complaint for every command. Shared by the storage and the Flowable benchmarks.
 */
public final class LaporLifecycle implements LifecycleRun {
    private static final Actor VERIFIER = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
    private static final Actor DISTRICT_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.DISTRICT);
    private static final Actor VILLAGE_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.VILLAGE);
    private static final Command.Submit REPORT = Fixtures.report().build();

    private final Lapor lapor;

    public LaporLifecycle(Lapor lapor) {
        this.lapor = lapor;
    }

    @Override
    public void lifecycle() {
        Submission.Created created = (Submission.Created) lapor.submit(Actor.newReporter(), REPORT);
        TrackingNumber n = created.trackingNumber();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();
        lapor.execute(DISTRICT_OPERATOR, n, new Command.Forward(Fixtures.VILLAGE, null)).orElseThrow();
        lapor.execute(VILLAGE_OPERATOR, n, new Command.PostFollowUp("Sudah ditindaklanjuti.")).orElseThrow();
        State end = lapor.execute(Actor.reporter(created.secret()), n, new Command.Complete(null)).orElseThrow().state();
        if (end != State.COMPLETED) {
            throw new IllegalStateException("complaint " + n + " ended " + end);
        }
    }
}
