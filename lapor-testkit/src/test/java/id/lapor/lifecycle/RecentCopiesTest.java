package id.lapor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.lifecycle.State;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.testkit.CountingStore;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lapor decides a command on the copy of the complaint it last wrote or read, without reading the store,
 * and never answers wrongly when that copy is stale: here two Lapor instances (two nodes) share one store.
 */
class RecentCopiesTest {
    private static final Actor VERIFIER = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
    private static final Actor DISTRICT_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.DISTRICT);
    private static final Actor VILLAGE_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.VILLAGE);

    private final InMemoryComplaintStore memory = new InMemoryComplaintStore();
    private final CountingStore store = new CountingStore(memory);
    private final SettableClock clock = SettableClock.at("2026-03-03T03:00:00Z");
    private final Lapor nodeA = node().build();
    private final Lapor nodeB = node().build();

    /** A node: its own Lapor on the shared store, numbering from the store's shared sequence. */
    private Lapor.Builder node() {
        return Fixtures.laporBuilder(store, clock).trackingNumbers(new KeyedTrackingNumbers(
                "recent-copies-test-key".getBytes(StandardCharsets.UTF_8), memory::nextSequence));
    }

    private Submission.Created submit(Lapor node) {
        return (Submission.Created) node.submit(Actor.newReporter(), Fixtures.report().build());
    }

    @Test
    @DisplayName("a lifecycle on one node reads the store once per command only when copies are turned off")
    void commandsSkipTheRead() {
        Submission.Created created = submit(nodeA);
        TrackingNumber n = created.trackingNumber();
        nodeA.execute(VERIFIER, n, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();
        nodeA.execute(DISTRICT_OPERATOR, n, new Command.Forward(Fixtures.VILLAGE, null)).orElseThrow();
        nodeA.execute(VILLAGE_OPERATOR, n, new Command.PostFollowUp("Sudah ditindaklanjuti.")).orElseThrow();
        nodeA.execute(Actor.reporter(created.secret()), n, new Command.Complete(null)).orElseThrow();
        assertThat(store.finds.get()).as("reads of the store").isZero();
        assertThat(store.find(n).orElseThrow().state()).isEqualTo(State.COMPLETED);

        Lapor withoutCopies = node().recentComplaints(0).build();
        TrackingNumber m = submit(withoutCopies).trackingNumber();
        store.finds.set(0);
        withoutCopies.execute(VERIFIER, m, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();
        withoutCopies.execute(DISTRICT_OPERATOR, m, new Command.Forward(Fixtures.VILLAGE, null)).orElseThrow();
        assertThat(store.finds.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("a command refused on a stale copy is decided again on the store's complaint, and accepted")
    void staleCopyRefusalIsRechecked() {
        TrackingNumber n = submit(nodeA).trackingNumber();
        // Node B dispatches; node A's copy still says SUBMITTED, where forwarding is not allowed.
        nodeB.execute(VERIFIER, n, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();

        Outcome forwarded = nodeA.execute(DISTRICT_OPERATOR, n, new Command.Forward(Fixtures.VILLAGE, null));

        assertThat(forwarded).isInstanceOf(Outcome.Accepted.class);
        assertThat(store.find(n).orElseThrow().responsibleUnit()).contains(Fixtures.VILLAGE);
    }

    @Test
    @DisplayName("a command accepted on a stale copy fails its append, and is refused on the store's complaint")
    void staleCopyAcceptanceIsRechecked() {
        TrackingNumber n = submit(nodeA).trackingNumber();
        nodeB.execute(VERIFIER, n, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();
        long version = store.find(n).orElseThrow().version();

        // Verifying again is allowed in node A's SUBMITTED copy, not in the DISPATCHED complaint.
        Outcome again = nodeA.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL));

        assertThat(again).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.ILLEGAL_IN_STATE));
        assertThat(store.find(n).orElseThrow().version()).as("nothing written").isEqualTo(version);
        assertThat(store.find(n).orElseThrow().responsibleUnit()).contains(Fixtures.DISTRICT);
    }

    @Test
    @DisplayName("an expected version is judged against the store, not against a stale copy")
    void expectedVersionAgainstTheStore() {
        TrackingNumber n = submit(nodeA).trackingNumber();
        long submitted = store.find(n).orElseThrow().version();
        nodeB.execute(VERIFIER, n, Command.Verify.to(Fixtures.DISTRICT, Weight.NORMAL)).orElseThrow();
        long dispatched = store.find(n).orElseThrow().version();

        assertThat(nodeA.execute(DISTRICT_OPERATOR, n, new Command.Forward(Fixtures.VILLAGE, null), submitted))
                .as("what node A's copy says is now out of date").isInstanceOf(Outcome.Conflict.class);
        assertThat(nodeA.execute(DISTRICT_OPERATOR, n, new Command.Forward(Fixtures.VILLAGE, null), dispatched))
                .isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    @DisplayName("due timers seen on a stale copy, or due only in the store, fire once, all in one append")
    void dueWorkOnStaleCopies() {
        TrackingNumber n = submit(nodeA).trackingNumber();
        nodeA.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        clock.advance(Duration.ofDays(30));

        // Node B fires everything due; node A's copy still has the timers unfired.
        int appends = store.appends.get();
        assertThat(nodeB.runDue(n)).isEqualTo(5);
        assertThat(store.appends.get() - appends).as("warning, breach and 3 escalations in one append").isEqualTo(1);
        assertThat(nodeA.runDue(n)).as("nothing fires twice").isZero();
        assertThat(store.history(n)).filteredOn(e -> e.event() instanceof Event.SlaWarned || e.event() instanceof Event.SlaBreached
                || e.event() instanceof Event.Escalated).hasSize(5);

        // The other way round: node B's copy is stale (node A posts a follow-up), and the reply window closes.
        nodeA.execute(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.CITY), n, new Command.PostFollowUp("Sudah diperbaiki."))
                .orElseThrow();
        clock.advance(Duration.ofDays(30));
        assertThat(nodeB.runDue(n)).as("the store's reply window closed").isEqualTo(1);
        assertThat(store.find(n).orElseThrow().state()).isEqualTo(State.COMPLETED);
    }

    @Test
    @DisplayName("a batch of due work is read at once; a complaint another node fires after that read fires once,"
            + " and an unknown number is skipped")
    void dueWorkInBatches() {
        List<TrackingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrackingNumber n = submit(nodeA).trackingNumber();
            nodeA.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
            numbers.add(n);
        }
        clock.advance(Duration.ofDays(30));
        // Node B fires the second complaint's timers right after node A has read the batch.
        store.afterFindAll = () -> {
            store.afterFindAll = () -> { };
            assertThat(nodeB.runDue(numbers.get(1))).isEqualTo(5);
        };
        int finds = store.finds.get();
        List<TrackingNumber> batch = new ArrayList<>(numbers);
        batch.add(2, TrackingNumber.withCheckDigit("5550001112"));

        assertThat(nodeA.runDue(batch)).as("warning, breach and 3 escalations of the first and the third").isEqualTo(10);
        assertThat(store.batchReads.get()).isEqualTo(1);
        assertThat(store.finds.get() - finds)
                .as("reads one at a time: node B's of the second, node A's of it again after its append failed, the unknown")
                .isEqualTo(3);
        for (TrackingNumber n : numbers) {
            assertThat(store.history(n)).as("each timer of %s fired once", n).filteredOn(e -> e.event() instanceof Event.SlaWarned
                    || e.event() instanceof Event.SlaBreached || e.event() instanceof Event.Escalated).hasSize(5);
        }
    }

    @Test
    @DisplayName("a reply delivered again with the same channel message id, to either node and even at once, is taken once")
    void replyRedeliveredIsTakenOnce() throws Exception {
        Submission.Created created = submit(nodeA);
        TrackingNumber n = created.trackingNumber();
        nodeA.execute(VERIFIER, n, new Command.Hold("Mohon sebutkan lokasinya")).orElseThrow();
        Actor reporter = Actor.reporter(created.secret());
        Command.Reply reply = new Command.Reply("Di depan Pasar Besar", Channel.SMS, "kannel-7");

        Outcome first = nodeA.execute(reporter, n, reply);
        assertThat(first).isInstanceOf(Outcome.Accepted.class);
        Outcome again = nodeB.execute(reporter, n, reply);
        assertThat(again).isInstanceOfSatisfying(Outcome.Accepted.class,
                a -> assertThat(a.event()).isEqualTo(((Outcome.Accepted) first).event()));
        assertThat(nodeB.execute(Actor.reporter("not-the-secret"), n, reply))
                .as("someone else sending the same message learns nothing of the reply").isInstanceOf(Outcome.Refused.class);
        assertThat(nodeA.execute(reporter, n, new Command.Reply("Di depan Pasar Besar", Channel.WEB, "kannel-7")))
                .as("the same id from another channel is another message").isInstanceOf(Outcome.Accepted.class);

        // Eight deliveries of one new message at once, four to each node.
        Command.Reply racing = new Command.Reply("Lubangnya makin besar", Channel.SMS, "kannel-8");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Lapor node = i % 2 == 0 ? nodeA : nodeB;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    Outcome o = node.execute(reporter, n, racing);
                    // A delivery whose append lost decides again in the caller's retry, as the SMS intake does.
                    for (int attempt = 0; attempt < 10 && o instanceof Outcome.Conflict; attempt++) {
                        o = node.execute(reporter, n, racing);
                    }
                    return o;
                }));
            }
            start.countDown();
            for (Future<Outcome> o : outcomes) {
                assertThat(o.get(30, TimeUnit.SECONDS)).isInstanceOf(Outcome.Accepted.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.history(n)).extracting(RecordedEvent::event).filteredOn(Event.ReporterReplied.class::isInstance)
                .map(e -> ((Event.ReporterReplied) e).channel() + "/" + ((Event.ReporterReplied) e).channelMessageId())
                .containsExactly("SMS/kannel-7", "WEB/kannel-7", "SMS/kannel-8");
    }
}
