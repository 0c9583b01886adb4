package id.lapor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.ActorRef;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import id.lapor.core.port.DueWork;
import id.lapor.core.port.Outbox;
import id.lapor.core.port.DuplicateSubmissionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ComplaintStore} must do. An adapter's test extends this class and implements
 * {@link #createStore()}, which returns an empty store (or one whose other contents do not matter):
 *
 * <pre>{@code
 * class SqliteComplaintStoreTest extends ComplaintStoreContract {
 *     protected ComplaintStore createStore() { return SqliteStores.open(tempFile); }
 * }
 * }</pre>
 */
public abstract class ComplaintStoreContract {
    protected ComplaintStore store;
    protected SettableClock clock;
    protected Lapor lapor;

    /** A new, empty store (or one whose existing complaints the tests will not touch). */
    protected abstract ComplaintStore createStore();

    @BeforeEach
    void setUpLapor() {
        store = createStore();
        clock = SettableClock.at("2026-03-17T03:00:00Z");
        lapor = Fixtures.lapor(store, clock);
    }

    protected final TrackingNumber submit() {
        return lapor.submit(Actor.newReporter(), Fixtures.report().build()).trackingNumberOrThrow();
    }

    private static final Actor VERIFIER = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
    private static final Actor OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);

    @Test
    @DisplayName("a stored complaint is found by its tracking number, and its history folds to it")
    void storedComplaintIsFound() {
        TrackingNumber n = submit();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();

        Complaint found = store.find(n).orElseThrow();
        List<RecordedEvent> history = store.history(n);

        assertThat(found.state()).isEqualTo(State.DISPATCHED);
        assertThat(found.version()).isEqualTo(history.size());
        assertThat(history).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
        assertThat(Complaint.replay(history)).isEqualTo(found);
        assertThat(found.nextDueAt()).as("the follow-up clock runs").isPresent();
    }

    @Test
    @DisplayName("events come back from the store equal to what was appended, field by field")
    void eventsRoundTrip() {
        TrackingNumber n = lapor.submit(Actor.newReporter(), Fixtures.report().anonymous(true).confidential(true)
                .channelMessageId("round-trip-1").build()).trackingNumberOrThrow();
        List<RecordedEvent> afterSubmit = store.history(n);
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.MINOR)).orElseThrow();
        lapor.execute(OPERATOR, n, new Command.Hold("Mohon kirim foto lokasi")).orElseThrow();
        clock.advance(java.time.Duration.ofDays(3));
        lapor.execute(OPERATOR, n, new Command.Resume("Foto sudah diterima")).orElseThrow();

        List<RecordedEvent> history = store.history(n);
        assertThat(history.subList(0, afterSubmit.size())).isEqualTo(afterSubmit);
        // One event per command, each with the SLA clock's change as its effect.
        assertThat(history).extracting(e -> e.events().stream().map(v -> v.getClass().getSimpleName()).toList())
                .containsExactly(List.of("Submitted", "ClockStarted"), List.of("Verified", "ClockStarted"),
                        List.of("PutOnHold", "ClockPaused"), List.of("Resumed", "ClockResumed"));
        assertThat(Complaint.replay(history)).isEqualTo(store.find(n).orElseThrow());
    }

    @Test
    @DisplayName("an unknown tracking number finds nothing")
    void unknownNumber() {
        TrackingNumber unknown = TrackingNumber.withCheckDigit("1234567890");
        assertThat(store.find(unknown)).isEmpty();
        assertThat(store.history(unknown)).isEmpty();
        assertThat(store.findByChannelMessage(Channel.SMS, "no-such-message")).isEmpty();
    }

    @Test
    @DisplayName("an append at a stale version is a conflict and writes nothing")
    void staleAppendConflicts() {
        TrackingNumber n = submit();
        Complaint v1 = store.find(n).orElseThrow();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        List<RecordedEvent> history = store.history(n);
        RecordedEvent stale = history.get((int) v1.version());

        assertThatThrownBy(() -> store.append(v1.version(), v1.apply(stale), List.of(stale), List.of()))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.history(n)).isEqualTo(history);
        assertThat(store.find(n).orElseThrow().version()).isEqualTo(history.size());
    }

    @Test
    @DisplayName("creating a complaint whose number exists is a conflict")
    void createTwiceConflicts() {
        TrackingNumber n = submit();
        List<RecordedEvent> history = store.history(n);
        Complaint first = Complaint.start(history.get(0));

        assertThatThrownBy(() -> store.append(0, first, List.of(history.get(0)), List.of()))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.history(n)).isEqualTo(history);
    }

    @Test
    @DisplayName("a channel message delivered twice creates one complaint, and the second answer names it")
    void channelMessageIsIdempotent() {
        Command.Submit sms = Fixtures.report().channel(Channel.SMS).channelMessageId("kannel-4711").build();
        Submission first = lapor.submit(Actor.system("sms"), sms);
        Submission second = lapor.submit(Actor.system("sms"), sms);

        assertThat(first).isInstanceOf(Submission.Created.class);
        assertThat(second).isEqualTo(new Submission.AlreadySubmitted(first.trackingNumberOrThrow()));
        assertThat(store.findByChannelMessage(Channel.SMS, "kannel-4711")).contains(first.trackingNumberOrThrow());
        assertThat(store.findByChannelMessage(Channel.WEB, "kannel-4711")).isEmpty();
    }

    @Test
    @DisplayName("the store itself refuses a second complaint from the same channel message")
    void storeRefusesDuplicateMessage() {
        TrackingNumber n = lapor.submit(Actor.system("sms"), Fixtures.report().channel(Channel.SMS)
                .channelMessageId("kannel-9").build()).trackingNumberOrThrow();
        RecordedEvent original = store.history(n).get(0);
        TrackingNumber other = TrackingNumber.withCheckDigit("9876543210");
        RecordedEvent copy = new RecordedEvent(other, 1, original.at(), original.actor(), original.state(), original.event());

        assertThatThrownBy(() -> store.append(0, Complaint.start(copy), List.of(copy), List.of()))
                .isInstanceOf(DuplicateSubmissionException.class)
                .satisfies(e -> assertThat(((DuplicateSubmissionException) e).existing()).isEqualTo(n));
        assertThat(store.find(other)).isEmpty();
    }

    @Test
    @DisplayName("the same message id on another channel is another message")
    void messageIdsArePerChannel() {
        Submission sms = lapor.submit(Actor.system("sms"), Fixtures.report().channel(Channel.SMS).channelMessageId("m-1").build());
        Submission web = lapor.submit(Actor.newReporter(), Fixtures.report().channel(Channel.WEB).channelMessageId("m-1").build());

        assertThat(sms).isInstanceOf(Submission.Created.class);
        assertThat(web).isInstanceOf(Submission.Created.class);
        assertThat(sms.trackingNumberOrThrow()).isNotEqualTo(web.trackingNumberOrThrow());
    }

    @Test
    @DisplayName("after a whole lifecycle the version equals the number of events")
    void versionCountsEvents() {
        TrackingNumber n = submit();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(OPERATOR, n, new Command.PostFollowUp("Sudah ditindaklanjuti.")).orElseThrow();
        lapor.execute(VERIFIER, n, new Command.Complete(null)).orElseThrow();

        assertThat(store.find(n).orElseThrow().version()).isEqualTo(store.history(n).size());
        assertThat(store.find(n).orElseThrow().state()).isEqualTo(State.COMPLETED);
        assertThat(store.find(n).orElseThrow().clock()).as("a completed complaint has no running clock").isEmpty();
    }

    @Test
    @DisplayName("due work lists complaints whose next timer is due, earliest first, and no others")
    void dueWorkListsDueComplaints() {
        DueWork due = dueWork();
        TrackingNumber early = submit();
        clock.advance(java.time.Duration.ofDays(8)); // from Tuesday 17 to Wednesday 25 March 2026, past Idul Fitri
        TrackingNumber late = submit();
        java.time.Instant earlyWarning = store.find(early).orElseThrow().nextDueAt().orElseThrow();
        java.time.Instant lateWarning = store.find(late).orElseThrow().nextDueAt().orElseThrow();
        assertThat(earlyWarning).isBefore(lateWarning);

        assertThat(due.due(earlyWarning.minusSeconds(1), 10)).doesNotContain(early, late);
        assertThat(due.due(earlyWarning, 10)).contains(early).doesNotContain(late);
        assertThat(due.due(lateWarning, 10)).containsSubsequence(early, late);
        assertThat(due.due(lateWarning, 1)).containsExactly(early);

        clock.set(earlyWarning);
        assertThat(lapor.runDue(early)).as("the warning fires").isEqualTo(1);
        assertThat(store.find(early).orElseThrow().nextDueAt().orElseThrow()).isAfter(earlyWarning);
        assertThat(due.due(earlyWarning, 10)).doesNotContain(early);
    }

    @Test
    @DisplayName("a held complaint's clock is paused and nothing of it is due")
    void pausedClockIsNotDue() {
        TrackingNumber n = submit();
        lapor.execute(VERIFIER, n, new Command.Hold("Lokasi kurang jelas")).orElseThrow();
        assertThat(store.find(n).orElseThrow().nextDueAt()).isEmpty();
        assertThat(dueWork().due(clock.instant().plus(java.time.Duration.ofDays(400)), 10)).doesNotContain(n);
    }

    @Test
    @DisplayName("clocks on a calendar below a version are listed by tracking number, page after page")
    void clocksOnCalendar() {
        List<TrackingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(submit());
        }
        String calendar = store.find(numbers.get(0)).orElseThrow().clock().orElseThrow().calendar();
        int version = store.find(numbers.get(0)).orElseThrow().clock().orElseThrow().calendarVersion();
        List<TrackingNumber> sorted = numbers.stream().sorted().toList();

        assertThat(dueWork().clocksOnCalendar(calendar, version, null, 10)).isEmpty();
        assertThat(dueWork().clocksOnCalendar(calendar, version + 1, null, 3)).containsExactlyElementsOf(sorted.subList(0, 3));
        assertThat(dueWork().clocksOnCalendar(calendar, version + 1, sorted.get(2), 3)).containsExactlyElementsOf(sorted.subList(3, 5));
        assertThat(dueWork().clocksOnCalendar("no-such-calendar", 99, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("search filters and orders exactly as the filter's reference semantics say")
    void searchMatchesReference() {
        List<TrackingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clock.advance(java.time.Duration.ofHours(5));
            TrackingNumber n = lapor.submit(Actor.newReporter(), Fixtures.report().confidential(i % 4 == 0)
                    .category(i % 3 == 0 ? Fixtures.CLINICS : Fixtures.ROADS).build()).trackingNumberOrThrow();
            numbers.add(n);
            if (i % 2 == 0) {
                lapor.execute(VERIFIER, n, Command.Verify.to(i % 4 == 0 ? Fixtures.HEALTH : Fixtures.PUBLIC_WORKS,
                        Weight.NORMAL)).orElseThrow();
            }
        }
        ComplaintSearch search = search();
        List<Complaint> all = numbers.stream().map(n -> store.find(n).orElseThrow()).toList();
        java.time.Instant middle = all.get(6).submittedAt();
        List<ComplaintFilter> filters = List.of(
                ComplaintFilter.all(),
                ComplaintFilter.all().publicOnly(),
                ComplaintFilter.all().order(ComplaintFilter.Order.NEXT_DUE),
                ComplaintFilter.all().order(ComplaintFilter.Order.OLDEST).states(java.util.Set.of(State.DISPATCHED)),
                ComplaintFilter.all().units(java.util.Set.of(Fixtures.HEALTH)),
                ComplaintFilter.all().categories(java.util.Set.of(Fixtures.CLINICS)).publicOnly(),
                ComplaintFilter.all().submitted(middle, null),
                ComplaintFilter.all().submitted(null, middle).order(ComplaintFilter.Order.OLDEST),
                ComplaintFilter.all().numbers(java.util.Set.of(numbers.get(1), numbers.get(4))));
        for (ComplaintFilter f : filters) {
            List<Complaint> expected = all.stream().filter(f::test).sorted(f.comparator()).toList();
            assertThat(search.search(f, 0, 100)).as("%s", f).extracting(Complaint::trackingNumber)
                    .containsExactlyElementsOf(expected.stream().map(Complaint::trackingNumber).toList());
            assertThat(search.count(f)).as("count %s", f).isEqualTo(expected.size());
            if (expected.size() > 3) {
                assertThat(search.search(f, 2, 2)).as("page of %s", f).extracting(Complaint::trackingNumber)
                        .containsExactly(expected.get(2).trackingNumber(), expected.get(3).trackingNumber());
            }
        }
    }

    @Test
    @DisplayName("outbox messages are written with their events and relayed at least once: retried, parked, never lost")
    void outboxLifecycle() {
        Outbox outbox = outbox();
        TrackingNumber n = submit();
        java.time.Instant now = clock.instant();
        List<Outbox.Pending> pending = outbox.pending(now, 100).stream()
                .filter(p -> p.message().complaint().equals(n)).toList();
        assertThat(pending).extracting(p -> p.message().topic()).contains("complaint.received", "complaint.submitted");
        assertThat(pending).allSatisfy(p -> assertThat(p.message().eventId()).startsWith(n.value() + "/"));
        Outbox.Pending first = pending.get(0);
        String id = first.message().id();
        long waiting = outbox.waitingCount();
        long parked = outbox.parkedCount();
        assertThat(waiting).as("every message waiting, due or not").isEqualTo(outbox.pending(Outbox.LAST_ATTEMPT, 100_000).size());

        outbox.failed(id, now, "gateway down", java.util.Optional.of(now.plusSeconds(60)));
        assertThat(outbox.waitingCount()).as("a message waiting for its retry still waits").isEqualTo(waiting);
        assertThat(outbox.pending(now, 100)).extracting(p -> p.message().id()).doesNotContain(id);
        Outbox.Pending retried = outbox.pending(now.plusSeconds(60), 100).stream()
                .filter(p -> p.message().id().equals(id)).findFirst().orElseThrow();
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).contains("gateway down");
        assertThat(retried.message()).isEqualTo(first.message());

        outbox.failed(id, now, "still down", java.util.Optional.empty());
        assertThat(outbox.pending(now.plusSeconds(3600), 100)).extracting(p -> p.message().id()).doesNotContain(id);
        assertThat(outbox.parked(100)).extracting(p -> p.message().id()).contains(id);
        assertThat(outbox.waitingCount()).isEqualTo(waiting - 1);
        assertThat(outbox.parkedCount()).isEqualTo(parked + 1);

        outbox.retry(id, now.plusSeconds(7200));
        assertThat(outbox.waitingCount()).isEqualTo(waiting);
        assertThat(outbox.parkedCount()).isEqualTo(parked);
        outbox.delivered(id, now.plusSeconds(7200));
        assertThat(outbox.waitingCount()).isEqualTo(waiting - 1);
        assertThat(outbox.pending(now.plusSeconds(9999), 100)).extracting(p -> p.message().id()).doesNotContain(id);
        assertThat(outbox.parked(100)).extracting(p -> p.message().id()).doesNotContain(id);
    }

    @Test
    @DisplayName("an append that conflicts writes no outbox message")
    void conflictWritesNoOutbox() {
        TrackingNumber n = submit();
        List<RecordedEvent> history = store.history(n);
        int before = outbox().pending(clock.instant().plusSeconds(1), 1000).size();
        OutboxMessage extra = new OutboxMessage(history.get(0).id(), n, Recipient.of(Recipient.Kind.VERIFIERS), "test.conflict",
                Map.of(), clock.instant());
        assertThatThrownBy(() -> store.append(0, Complaint.start(history.get(0)), List.of(history.get(0)), List.of(extra)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(outbox().pending(clock.instant().plusSeconds(1), 1000)).hasSize(before)
                .extracting(p -> p.message().topic()).doesNotContain("test.conflict");
    }

    @Test
    @DisplayName("findAll answers the stored complaints among the numbers asked, and skips unknown ones")
    void findAllSkipsUnknown() {
        TrackingNumber a = submit();
        TrackingNumber b = submit();
        TrackingNumber unknown = TrackingNumber.withCheckDigit("5550004446");

        assertThat(store.findAll(List.of(b, unknown, a))).containsExactlyInAnyOrder(store.find(a).orElseThrow(),
                store.find(b).orElseThrow());
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("an append with a message about another complaint, or about an event it does not hold, is refused"
            + " before anything is written")
    void strayMessagesRefused() {
        TrackingNumber n = submit();
        TrackingNumber elsewhere = submit();
        Complaint current = store.find(n).orElseThrow();
        List<RecordedEvent> historyBefore = store.history(n);
        int pendingBefore = outbox().pending(clock.instant().plusSeconds(1), 1000).size();
        RecordedEvent hold = new RecordedEvent(n, current.version() + 1, clock.instant(),
                new ActorRef(Role.VERIFIER, "verifier", Optional.empty()), State.ON_HOLD,
                new Event.PutOnHold("Mohon lengkapi", current.state()));
        OutboxMessage aboutAnother = new OutboxMessage(hold.id(), elsewhere, Recipient.reporter(), "complaint.on-hold",
                Map.of(), clock.instant());
        OutboxMessage aboutAnOldEvent = new OutboxMessage(historyBefore.get(0).id(), n, Recipient.reporter(),
                "complaint.on-hold", Map.of(), clock.instant());

        assertThatThrownBy(() -> store.append(current.version(), current.apply(hold), List.of(hold), List.of(aboutAnother)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message " + aboutAnother.id())
                .hasMessageContaining("complaint " + elsewhere.value())
                .hasMessageContaining("complaint " + n.value());
        assertThatThrownBy(() -> store.append(current.version(), current.apply(hold), List.of(hold), List.of(aboutAnOldEvent)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event " + historyBefore.get(0).id());
        assertThat(store.find(n)).contains(current);
        assertThat(store.history(n)).isEqualTo(historyBefore);
        assertThat(outbox().pending(clock.instant().plusSeconds(1), 1000)).hasSize(pendingBefore);
    }

    /** The store's outbox side: every store whose messages a relay delivers implements it. */
    protected Outbox outbox() {
        assertThat(store).as("a complaint store implements Outbox").isInstanceOf(Outbox.class);
        return (Outbox) store;
    }

    /** The store's search side: every store that backs officer queues and listings implements it. */
    protected ComplaintSearch search() {
        assertThat(store).as("a complaint store implements ComplaintSearch").isInstanceOf(ComplaintSearch.class);
        return (ComplaintSearch) store;
    }

    /** The store's due-work side: every store that backs a running lapor implements it. */
    protected DueWork dueWork() {
        assertThat(store).as("a complaint store implements DueWork").isInstanceOf(DueWork.class);
        return (DueWork) store;
    }

    @Test
    @DisplayName("of commands racing on one complaint at the same version, exactly one wins and the others conflict")
    void racingCommandsConflictCleanly() throws Exception {
        TrackingNumber n = submit();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        int before = store.history(n).size();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> race = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String text = "Tindak lanjut " + i;
            race.add(pool.submit(() -> {
                go.await();
                return lapor.execute(OPERATOR, n, new Command.PostFollowUp(text));
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Outcome> f : race) {
            Outcome o = f.get(30, TimeUnit.SECONDS);
            assertThat(o).isInstanceOfAny(Outcome.Accepted.class, Outcome.Conflict.class, Outcome.Refused.class);
            if (o.isAccepted()) {
                accepted++;
            }
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(1);
        assertThat(store.history(n)).as("the follow-up, its reply-window clock an effect of it").hasSize(before + 1);
        assertThat(Complaint.replay(store.history(n))).isEqualTo(store.find(n).orElseThrow());
    }
}
