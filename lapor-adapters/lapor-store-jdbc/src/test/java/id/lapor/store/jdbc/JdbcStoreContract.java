package id.lapor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.LaporException;
import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.SecretHash;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.ActorRef;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.notification.NotificationPolicy;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import id.lapor.core.sla.EscalationAction;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import id.lapor.core.sla.Timer;
import id.lapor.core.calendar.Deadline;
import java.time.ZoneId;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.directory.UnitId;
import id.lapor.core.port.Outbox;
import id.lapor.store.jdbc.ComplaintStatistics.UnitCount;
import id.lapor.testkit.ComplaintStoreContract;
import id.lapor.testkit.CountingStore;
import id.lapor.testkit.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The store contract plus what the JDBC store promises beyond it: exact JSON round trips, atomic
 * appends with their outbox, the queries, the outbox queue and the sequence. A database's test
 * extends this class with a fresh database per test.
 */
abstract class JdbcStoreContract extends ComplaintStoreContract {
    private static final Actor VERIFIER = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);

    /** The store under test; set by {@link #createStore()}. */
    protected JdbcComplaintStore jdbc;

    /** A migrated store over an empty database. */
    protected abstract JdbcComplaintStore newStore();

    /** The data source of the latest {@link #newStore()}, for looking at the tables directly. */
    protected abstract DataSource dataSource();

    /** A data source over a database without lapor's tables. */
    protected abstract DataSource emptyDatabase();

    @Override
    protected final ComplaintStore createStore() {
        jdbc = newStore();
        return jdbc;
    }

    @Test
    @DisplayName("every kind of event, with nanosecond instants and awkward text, comes back equal")
    void everyEventRoundTrips() {
        TrackingNumber n = TrackingNumber.withCheckDigit("5550001112");
        Instant t = Instant.parse("2026-03-17T03:00:00.123456789Z");
        ActorRef reporter = new ActorRef(Role.REPORTER, "reporter", Optional.empty());
        ActorRef officer = new ActorRef(Role.UNIT_OPERATOR, "operator@dinas", Optional.of(Fixtures.HEALTH));
        String awkward = "Jalan \"berlubang\" \\ di depan pasar\n\t– 50 cm ✓ 🚧 'kutip' </script>";
        Event.Submitted submitted = new Event.Submitted(Kind.COMPLAINT, Channel.SMS, "Judul " + awkward, awkward,
                LocalDate.of(2026, 3, 1), new Location(RegionCode.of("62.71.01.1001"), -2.2136, 113.9108, "Jl. Tjilik Riwut km 2"),
                Fixtures.ROADS, Set.of("jalan", "banjir"), List.of(new AttachmentRef("s3://bukti/1.jpg", "image/jpeg", "foto 1"),
                        new AttachmentRef("s3://bukti/2.pdf", "application/pdf", null)),
                Reporter.of("Budi \"B\" Santoso", "+6281234567890", "budi@example.org", "6271010101900001"), true, true,
                Fixtures.CITY, Priority.HIGH, new SecretHash("c2FsdA==:aGFzaA=="), "kannel-ü-1");
        List<Event> rest = List.of(
                new Event.Verified(Fixtures.HEALTH, Weight.NEEDING_EXAMINATION, Kind.ASPIRATION, "Judul baru", Fixtures.CLINICS,
                        Set.of("puskesmas"), false, true),
                new Event.PutOnHold("Mohon kirim foto", State.DISPATCHED),
                new Event.Resumed(null, State.DISPATCHED),
                new Event.Forwarded(Fixtures.HEALTH, Fixtures.DISTRICT, null),
                new Event.Reassigned(Fixtures.DISTRICT, Fixtures.HEALTH, "salah unit"),
                new Event.FollowUpPosted(awkward, true),
                new Event.FollowUpReturned("kurang lengkap"),
                new Event.FollowUpPosted("Sudah diperbaiki", true),
                new Event.FollowUpApproved(),
                new Event.ReporterReplied("Belum selesai", true),
                new Event.ReporterReplied("Lewat SMS", false, Channel.SMS, "kannel-42"),
                new Event.Escalated(2, "lewat batas", null, Set.of(EscalationAction.REASSIGN_TO_PARENT,
                        EscalationAction.RAISE_PRIORITY), Fixtures.CITY, Priority.URGENT, "follow_up@2/escalation-1",
                        t.plusSeconds(86_400)),
                new Event.ClockStarted(clock(Stage.FOLLOW_UP, 2, t.plusSeconds(5 * 86_400))),
                new Event.ClockPaused(Stage.FOLLOW_UP),
                new Event.ClockResumed(Stage.FOLLOW_UP, 2, deadline(t.plusSeconds(7 * 86_400)),
                        List.of(breach(Stage.FOLLOW_UP, 2, t.plusSeconds(7 * 86_400)))),
                new Event.DeadlineMoved(Stage.FOLLOW_UP, "cuti bersama added", 2, deadline(t.plusSeconds(7 * 86_400)),
                        deadline(t.plusSeconds(8 * 86_400)), List.of(breach(Stage.FOLLOW_UP, 2, t.plusSeconds(8 * 86_400)))),
                new Event.SlaWarned(Stage.FOLLOW_UP, "follow_up@2/warning", t.plusSeconds(4 * 86_400)),
                new Event.SlaBreached(Stage.FOLLOW_UP, "follow_up@2/breach", t.plusSeconds(8 * 86_400)),
                new Event.ReturnedForRouting("bukan wewenang", Fixtures.CITY),
                new Event.Routed("routing-kalteng@3", Fixtures.HEALTH, "puskesmas-ke-dinkes", "kategori puskesmas → dinas kesehatan"),
                new Event.Routed("routing-kalteng@3", null, null, "tidak ada aturan yang cocok"),
                new Event.Rated(5, null),
                new Event.Completed(Event.Completion.AUTOMATIC, "selesai", "reply_window@9/auto", t.plusNanos(7)),
                new Event.Archived(ArchiveReason.DUPLICATE, null));
        assertThat(rest.stream().map(e -> e.getClass()).distinct().count() + 1)
                .as("every permitted event type is covered").isEqualTo(Event.class.getPermittedSubclasses().length);

        RecordedEvent first = new RecordedEvent(n, 1, t, reporter, State.SUBMITTED, submitted);
        Complaint current = Complaint.start(first);
        store.append(0, current, List.of(first), List.of());
        List<RecordedEvent> appended = new ArrayList<>(List.of(first));
        List<RecordedEvent> batch = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            RecordedEvent e = new RecordedEvent(n, i + 2, t.plusNanos(i + 1), officer, State.values()[i % State.values().length],
                    rest.get(i));
            if (rest.get(i) instanceof Event.ReturnedForRouting) {
                // Effects travel with their event.
                e = e.withEffects(List.of(new Event.Routed("routing-kalteng@3", Fixtures.CITY, null, "kembali ke kota"),
                        new Event.ClockStarted(clock(Stage.VERIFICATION, i + 2, t.plusSeconds(3 * 86_400)))));
            }
            batch.add(e);
            appended.add(e);
        }
        // Half appended one by one, the rest as one batch of several events.
        long version = 1;
        for (RecordedEvent e : batch.subList(0, 7)) {
            Complaint next = current.apply(e);
            store.append(version++, next, List.of(e), List.of());
            current = next;
        }
        Complaint last = current;
        for (RecordedEvent e : batch.subList(7, batch.size())) {
            last = last.apply(e);
        }
        store.append(version, last, batch.subList(7, batch.size()), List.of());

        assertThat(store.history(n)).containsExactlyElementsOf(appended);
        assertThat(store.find(n)).contains(last);
        assertThat(Complaint.replay(store.history(n))).isEqualTo(last);
    }

    @Test
    @DisplayName("a failed append writes nothing: no complaint, event, channel message or outbox row")
    void failedAppendWritesNothing() throws SQLException {
        TrackingNumber n = submit();
        Set<String> outboxBefore = outboxIds();
        Complaint current = store.find(n).orElseThrow();
        List<RecordedEvent> historyBefore = store.history(n);
        RecordedEvent hold = new RecordedEvent(n, current.version() + 1, clock.instant(), ActorRef.of(VERIFIER), State.ON_HOLD,
                new Event.PutOnHold("Mohon lengkapi", State.SUBMITTED));
        OutboxMessage fine = new OutboxMessage(hold.id(), n, Recipient.reporter(), "complaint.on-hold", Map.of(), clock.instant());
        // The database refuses the second message, after the update and the first message went through.
        OutboxMessage broken = new OutboxMessage(hold.id(), n, Recipient.of(Recipient.Kind.VERIFIERS), REFUSED_TOPIC,
                Map.of(), clock.instant());
        refuseOutboxTopic(REFUSED_TOPIC);
        try {
            assertThatThrownBy(() -> store.append(current.version(), current.apply(hold), List.of(hold), List.of(fine, broken)))
                    .isInstanceOf(LaporException.class)
                    .isNotInstanceOf(ConcurrentUpdateException.class);
            assertThat(store.find(n)).contains(current);
            assertThat(store.history(n)).isEqualTo(historyBefore);

            TrackingNumber other = TrackingNumber.withCheckDigit("5550002223");
            RecordedEvent original = historyBefore.get(0);
            Event.Submitted s = (Event.Submitted) original.event();
            Event.Submitted viaSms = new Event.Submitted(s.kind(), Channel.SMS, s.title(), s.body(), s.incidentDate(),
                    s.location(), s.category(), s.tags(), s.attachments(), s.reporter(), s.anonymous(), s.confidential(), s.targetInstitution(),
                    s.priority(), s.secret(), "kannel-failed-1");
            RecordedEvent created = new RecordedEvent(other, 1, clock.instant(), original.actor(), State.SUBMITTED, viaSms);
            OutboxMessage received = new OutboxMessage(created.id(), other, Recipient.reporter(), "complaint.received", Map.of(),
                    clock.instant());
            OutboxMessage lost = new OutboxMessage(created.id(), other, Recipient.of(Recipient.Kind.VERIFIERS),
                    REFUSED_TOPIC, Map.of(), clock.instant());
            assertThatThrownBy(() -> store.append(0, Complaint.start(created), List.of(created), List.of(received, lost)))
                    .isInstanceOf(LaporException.class)
                    .isNotInstanceOf(ConcurrentUpdateException.class);
            assertThat(store.find(other)).isEmpty();
            assertThat(store.history(other)).isEmpty();

            // More messages than PostgreSQL binds one by one: sent as JSON rows, the last refused.
            List<OutboxMessage> many = new ArrayList<>();
            for (int i = 0; i <= PostgresDialect.VALUES_ROWS; i++) {
                many.add(new OutboxMessage(hold.id(), n, Recipient.unit(new UnitId("unit-" + i)),
                        i == PostgresDialect.VALUES_ROWS ? REFUSED_TOPIC : "complaint.on-hold", Map.of(), clock.instant()));
            }
            assertThatThrownBy(() -> store.append(current.version(), current.apply(hold), List.of(hold), many))
                    .isInstanceOf(LaporException.class)
                    .isNotInstanceOf(ConcurrentUpdateException.class);
            assertThat(store.find(n)).contains(current);
            assertThat(store.history(n)).isEqualTo(historyBefore);
            assertThat(store.findByChannelMessage(Channel.SMS, "kannel-failed-1")).isEmpty();
            assertThat(outboxIds()).isEqualTo(outboxBefore);
        } finally {
            dropRefusals();
        }
    }

    @Test
    @DisplayName("findAll reads more numbers than one query takes, in several")
    void findAllInChunks() {
        List<TrackingNumber> stored = List.of(submit(), submit(), submit());
        List<TrackingNumber> asked = new ArrayList<>();
        for (int i = 0; i < 2 * JdbcComplaintStore.FIND_ALL_CHUNK + 1; i++) {
            asked.add(TrackingNumber.withCheckDigit(String.valueOf(5_550_000_000L + i)));
        }
        asked.set(0, stored.get(0));
        asked.set(JdbcComplaintStore.FIND_ALL_CHUNK, stored.get(1));
        asked.set(asked.size() - 1, stored.get(2));

        assertThat(store.findAll(asked)).extracting(Complaint::trackingNumber).containsExactlyInAnyOrderElementsOf(stored);
    }

    /** Around the most events and messages PostgreSQL binds one by one, and beyond: both ways it sends them. */
    static Stream<Arguments> appendSizes() {
        int n = PostgresDialect.VALUES_ROWS;
        return Stream.of(Arguments.of(1, 0), Arguments.of(1, 1), Arguments.of(n, n), Arguments.of(n + 1, 1),
                Arguments.of(1, n + 1), Arguments.of(n + 1, n + 1), Arguments.of(3 * n, 3 * n));
    }

    @ParameterizedTest(name = "{0} events and {1} messages in one append")
    @MethodSource("appendSizes")
    @DisplayName("appends of every size write all their events and messages, column by column, whichever way they are sent")
    void appendsOfEverySize(int eventCount, int messageCount) throws SQLException {
        TrackingNumber n = submit();
        Complaint current = store.find(n).orElseThrow();
        Set<String> outboxBefore = outboxIds();
        List<RecordedEvent> events = new ArrayList<>();
        Complaint after = current;
        for (int i = 1; i <= eventCount; i++) {
            // Every other event by an officer of a unit, so that actor_unit is written both empty and not.
            ActorRef actor = i % 2 == 0 ? ActorRef.of(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH))
                    : new ActorRef(Role.REPORTER, "reporter", Optional.empty());
            RecordedEvent e = new RecordedEvent(n, current.version() + i, clock.instant().plusNanos(i * 1_000L), actor,
                    current.state(), new Event.ReporterReplied("Balasan " + i + " \"kutip\" ✓", false));
            events.add(e);
            after = after.apply(e);
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < messageCount; i++) {
            messages.add(new OutboxMessage(events.get(i % eventCount).id(), n, Recipient.unit(new UnitId("unit-" + i)),
                    "complaint.reporter-replied", Map.of("i", String.valueOf(i), "empty", ""), clock.instant()));
        }

        store.append(current.version(), after, events, messages);

        assertThat(store.find(n)).contains(after);
        assertThat(store.history(n)).endsWith(events.toArray(RecordedEvent[]::new));
        assertThat(eventColumns(n, current.version())).containsExactlyElementsOf(events.stream()
                .map(e -> List.of(String.valueOf(e.version()), e.at().toString(), e.actor().role().name(), e.actor().id(),
                        e.actor().unit().map(UnitId::value).orElse("-"), e.state().name(), "ReporterReplied"))
                .toList());
        Set<String> written = new HashSet<>(outboxIds());
        written.removeAll(outboxBefore);
        assertThat(written).containsExactlyInAnyOrderElementsOf(messages.stream().map(OutboxMessage::id).toList());
        assertThat(jdbc.pending(clock.instant().plusSeconds(1), 1_000)).extracting(Outbox.Pending::message)
                .containsAll(messages);
    }

    /** The plain columns of a complaint's events after {@code version}, as text, "-" for null. */
    private List<List<String>> eventColumns(TrackingNumber n, long version) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement("SELECT version, at,"
                + " actor_role, actor_id, actor_unit, state, event_type FROM complaint_event WHERE tracking_number = ?"
                + " AND version > ? ORDER BY version")) {
            s.setString(1, n.value());
            s.setLong(2, version);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(List.of(String.valueOf(r.getLong(1)), jdbc.dialect().getInstant(r, 2).toString(), r.getString(3),
                            r.getString(4), r.getString(5) == null ? "-" : r.getString(5), r.getString(6), r.getString(7)));
                }
            }
        }
        return rows;
    }

    @Test
    @DisplayName("the outbox holds exactly the messages the notification policy owes for the stored events")
    void outboxHoldsWhatThePolicyOwes() {
        TrackingNumber n = submit();
        Actor operator = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(operator, n, new Command.Hold("Mohon kirim foto")).orElseThrow();
        lapor.execute(operator, n, new Command.Resume(null)).orElseThrow();
        lapor.execute(operator, n, new Command.PostFollowUp("Sudah ditambal.")).orElseThrow();
        lapor.execute(VERIFIER, n, new Command.Complete(null)).orElseThrow();

        List<OutboxMessage> stored = jdbc.pending(Instant.parse("2100-01-01T00:00:00Z"), 100).stream()
                .map(Outbox.Pending::message).toList();

        assertThat(stored).containsExactlyInAnyOrderElementsOf(owed(store.history(n)));
        assertThat(jdbc.pending(clock.instant(), 100)).allSatisfy(p -> {
            assertThat(p.attempts()).isZero();
            assertThat(p.lastError()).isEmpty();
        });
    }

    @Test
    @DisplayName("the outbox keeps a repeated message once, takes repeated deliveries calmly and refuses unknown ids")
    void outboxEdges() {
        TrackingNumber n = submit();
        Complaint current = store.find(n).orElseThrow();
        RecordedEvent reply = new RecordedEvent(n, current.version() + 1, clock.instant(),
                new ActorRef(Role.REPORTER, "reporter", Optional.empty()), current.state(), new Event.ReporterReplied("Halo", false));
        OutboxMessage m = new OutboxMessage(reply.id(), n, Recipient.of(Recipient.Kind.VERIFIERS), "complaint.reporter-replied",
                Map.of("trackingNumber", n.value(), "quote", "\"kutip\" ✓"), clock.instant());
        store.append(current.version(), current.apply(reply), List.of(reply), List.of(m, m));
        Instant now = clock.instant();

        assertThat(jdbc.pending(now, 100)).filteredOn(p -> p.message().id().equals(m.id())).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(m));
        jdbc.delivered(m.id(), now);
        jdbc.delivered(m.id(), now.plusSeconds(5));
        assertThat(jdbc.pending(now.plusSeconds(3600), 100)).extracting(p -> p.message().id()).doesNotContain(m.id());
        assertThatThrownBy(() -> jdbc.delivered("no-such-message", now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jdbc.failed("no-such-message", now, "x", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jdbc.retry("no-such-message", now)).isInstanceOf(IllegalArgumentException.class);

        List<Outbox.Pending> pending = jdbc.pending(now, 100);
        for (Outbox.Pending p : pending) {
            jdbc.failed(p.message().id(), now, "x".repeat(5000), Optional.empty());
        }
        assertThat(jdbc.parked(100)).hasSameSizeAs(pending)
                .allSatisfy(p -> assertThat(p.lastError()).hasValueSatisfying(e -> assertThat(e).hasSize(OutboxTable.MAX_ERROR_LENGTH)))
                .isSortedAccordingTo(java.util.Comparator.comparing((Outbox.Pending p) -> p.message().createdAt())
                        .thenComparing(p -> p.message().id()));
        assertThat(jdbc.parked(1)).hasSize(1);
    }

    @Test
    @DisplayName("statistics count the complaints submitted in a period by their unit and state")
    void statistics() {
        TrackingNumber early = submitAt("2026-03-16T23:59:59Z");
        TrackingNumber a = submitAt("2026-03-17T01:00:00Z");
        TrackingNumber b = submitAt("2026-03-17T02:00:00Z");
        submitAt("2026-03-17T03:00:00Z");
        lapor.execute(VERIFIER, early, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(VERIFIER, a, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(VERIFIER, b, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        lapor.execute(Fixtures.officer(Role.LIAISON_OFFICER, Fixtures.HEALTH), b, new Command.PostFollowUp("Selesai.")).orElseThrow();

        List<UnitCount> counts = jdbc.countSubmitted(Instant.parse("2026-03-17T00:00:00Z"), Instant.parse("2026-03-17T03:00:00Z"));

        assertThat(counts).containsExactlyInAnyOrder(
                new UnitCount(Optional.of(Fixtures.HEALTH), State.DISPATCHED, 1),
                new UnitCount(Optional.of(Fixtures.HEALTH), State.FOLLOWED_UP, 1));
        assertThat(jdbc.countSubmitted(Instant.parse("2026-03-16T00:00:00Z"), Instant.parse("2026-03-18T00:00:00Z")))
                .containsExactlyInAnyOrder(
                        new UnitCount(Optional.of(Fixtures.HEALTH), State.DISPATCHED, 2),
                        new UnitCount(Optional.of(Fixtures.HEALTH), State.FOLLOWED_UP, 1),
                        new UnitCount(Optional.empty(), State.SUBMITTED, 1));
    }

    @Test
    @DisplayName("an officer's queue puts the nearest deadline first and complaints with nothing due (clock paused) last")
    void queueByDeadline() {
        Instant t = Instant.parse("2026-03-20T09:00:00Z");
        TrackingNumber paused = submit();
        TrackingNumber far = submit();
        TrackingNumber near = submit();
        for (TrackingNumber n : List.of(paused, far, near)) {
            lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        }
        appendSla(far, new Event.ClockStarted(clock(Stage.FOLLOW_UP, 3, t.plusSeconds(86_400))));
        appendSla(near, new Event.ClockStarted(clock(Stage.FOLLOW_UP, 3, t)));
        appendSla(paused, new Event.ClockPaused(Stage.FOLLOW_UP));
        assertThat(store.find(paused).orElseThrow().nextDueAt()).isEmpty();

        ComplaintFilter queue = ComplaintFilter.all().units(Set.of(Fixtures.HEALTH)).states(Set.of(State.DISPATCHED))
                .order(ComplaintFilter.Order.NEXT_DUE);
        assertThat(numbers(jdbc.search(queue, 0, 10))).containsExactly(near, far, paused);
        assertThat(jdbc.count(queue)).isEqualTo(3);
        assertThat(jdbc.due(t, 10)).contains(near).doesNotContain(far, paused);
    }

    /** Appends a clock event as the SLA component would, without moving the complaint's state. */
    private void appendSla(TrackingNumber n, Event event) {
        Complaint c = store.find(n).orElseThrow();
        RecordedEvent e = new RecordedEvent(n, c.version() + 1, clock.instant(), new ActorRef(Role.SYSTEM, "system:sla",
                Optional.empty()), c.state(), event);
        store.append(c.version(), c.apply(e), List.of(e), List.of());
    }

    private static Deadline deadline(Instant due) {
        return new Deadline(due, due.atZone(ZoneId.of("Asia/Jakarta")).toLocalDate(), ZoneId.of("Asia/Jakarta"), false);
    }

    private static Timer breach(Stage stage, int instance, Instant due) {
        return new Timer(StageClock.key(stage, instance) + "/breach", Timer.Kind.BREACH, deadline(due), null, 0, Set.of());
    }

    /** A running clock on calendar {@code id-national} version 2 whose only timer is its breach at {@code due}. */
    private static StageClock clock(Stage stage, int instance, Instant due) {
        return new StageClock(stage, instance, "id-national", 2, due.minusSeconds(3 * 86_400), 3, deadline(due),
                List.of(breach(stage, instance, due)), Set.of(), Optional.empty(), 0, Optional.of("routing-kalteng@3"));
    }

    @Test
    @DisplayName("the tracking-number sequence starts at 0 and never hands out a value twice, even to racing threads")
    void sequenceIsUnique() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                parts.add(pool.submit(() -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        values.add(jdbc.nextSequence());
                    }
                    return values;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> part : parts) {
                all.addAll(part.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(200);
            assertThat(all).contains(0L, 199L).allMatch(v -> v >= 0 && v < 200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("two stores on one database (two nodes) reserve sequence blocks and never hand out a value twice")
    void sequenceBlocksAreSharedByNodes() throws Exception {
        JdbcComplaintStore other = JdbcComplaintStore.builder(dataSource()).sequenceBlock(7).build();
        assertThat(jdbc.sequenceBlock()).isEqualTo(JdbcComplaintStore.DEFAULT_SEQUENCE_BLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> parts = new ArrayList<>();
            for (JdbcComplaintStore node : List.of(jdbc, other, jdbc, other)) {
                parts.add(pool.submit(() -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        values.add(node.nextSequence());
                    }
                    return values;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> part : parts) {
                all.addAll(part.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(400).allMatch(v -> v >= 0);
        } finally {
            pool.shutdownNow();
        }
        // Each node reserved whole blocks: at most one block each is left over, as a gap.
        long reserved = jdbc.dialect() instanceof PostgresDialect
                ? one("SELECT last_value + 1 FROM tracking_number_sequence")
                : one("SELECT next_value FROM tracking_number_sequence");
        assertThat(reserved).isBetween(400L, 400L + JdbcComplaintStore.DEFAULT_SEQUENCE_BLOCK + 7);
        assertThatThrownBy(() -> JdbcComplaintStore.builder(dataSource()).sequenceBlock(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 10000 values, got 0");
    }

    @Test
    @DisplayName("the event table is append-only: the database itself refuses updates and deletes")
    void eventsAreAppendOnly() {
        submit();
        assertThatThrownBy(() -> execute("UPDATE complaint_event SET state = 'ARCHIVED'")).isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM complaint_event")).isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    @DisplayName("a store over a database without lapor's tables fails at build time and says how to migrate")
    void missingSchemaFailsFast() {
        assertThatThrownBy(() -> JdbcComplaintStore.builder(emptyDatabase()).build())
                .isInstanceOf(LaporException.class)
                .hasMessageContaining("migrate(true)")
                .hasMessageContaining("id/lapor/store/jdbc/migration/");
    }

    @Test
    @DisplayName("migrating an up-to-date database again changes nothing")
    void migrationIsRepeatable() {
        TrackingNumber n = submit();
        Migrations.migrate(dataSource(), jdbc.dialect());
        JdbcComplaintStore again = JdbcComplaintStore.builder(dataSource()).migrate(true).build();
        assertThat(again.find(n)).isEqualTo(store.find(n));
        assertThat(again.dialect()).hasSameClassAs(jdbc.dialect());
    }

    @Test
    @DisplayName("a complaint answered as due is claimed: no other sweep gets it until the lease is over")
    void dueWorkIsClaimed() {
        JdbcComplaintStore sweeper = JdbcComplaintStore.builder(dataSource()).dueLease(Duration.ofMinutes(5)).build();
        List<TrackingNumber> submitted = List.of(submit(), submit(), submit());
        Instant t = submitted.stream().map(n -> store.find(n).orElseThrow().nextDueAt().orElseThrow())
                .max(Comparator.naturalOrder()).orElseThrow();
        List<TrackingNumber> earliestFirst = submitted.stream()
                .sorted(Comparator.comparing((TrackingNumber n) -> store.find(n).orElseThrow().nextDueAt().orElseThrow())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();

        assertThat(sweeper.due(t, 2)).containsExactlyElementsOf(earliestFirst.subList(0, 2));
        assertThat(sweeper.due(t, 10)).as("what the first sweep left").containsExactly(earliestFirst.get(2));
        assertThat(sweeper.due(t.plus(Duration.ofMinutes(5)).minusNanos(1000), 10)).as("all claimed").isEmpty();
        assertThat(sweeper.due(t.plus(Duration.ofMinutes(5)), 10)).as("every claim has lapsed")
                .containsExactlyElementsOf(earliestFirst);

        assertThat(sweeper.dueLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(JdbcComplaintStore.builder(dataSource()).build().dueLease()).isEqualTo(JdbcComplaintStore.DEFAULT_DUE_LEASE);
        assertThatThrownBy(() -> JdbcComplaintStore.builder(dataSource()).dueLease(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcComplaintStore.builder(dataSource()).dueLease(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("sweepers asking at once take different due complaints, and together every one of them")
    void concurrentSweepersTakeDifferentComplaints() throws Exception {
        JdbcComplaintStore sweeper = JdbcComplaintStore.builder(dataSource()).dueLease(Duration.ofMinutes(5)).build();
        Set<TrackingNumber> submitted = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            submitted.add(submit());
        }
        Instant t = submitted.stream().map(n -> store.find(n).orElseThrow().nextDueAt().orElseThrow())
                .max(Comparator.naturalOrder()).orElseThrow();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<List<TrackingNumber>>> takes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                takes.add(pool.submit(() -> {
                    go.await();
                    List<TrackingNumber> taken = new ArrayList<>();
                    for (List<TrackingNumber> batch = sweeper.due(t, 3); !batch.isEmpty(); batch = sweeper.due(t, 3)) {
                        taken.addAll(batch);
                    }
                    return taken;
                }));
            }
            go.countDown();
            List<TrackingNumber> all = new ArrayList<>();
            for (Future<List<TrackingNumber>> f : takes) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(submitted);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Eight threads give random commands to the same 100 complaints. Each thread reads a complaint and
     * picks a command its state allows, so many race and conflict. No accepted command may be lost.
     * The threads take turns between two Lapor instances (two nodes), so each node's recent copies of
     * the complaints go stale under it.
     */
    @Test
    @DisplayName("racing random commands on 100 complaints lose no update and leave every history legal and complete")
    void randomConcurrentCommands() throws Exception {
        raceRandomCommands(100, commandsPerThread());
    }

    /**
     * Eight threads give random commands to the same {@code complaints}, {@code commandsPerThread} each,
     * then every complaint is checked: as many events as its version, its history replays to it, every
     * move in it is legal, every accepted command is in it once, and the outbox holds what it owes.
     */
    protected void raceRandomCommands(int complaints, int commandsPerThread) throws Exception {
        long seed = System.nanoTime();
        System.out.println("random commands on " + complaints + " complaints, seed " + seed + ", on " + jdbc.dialect());
        List<TrackingNumber> numbers = new ArrayList<>();
        Map<TrackingNumber, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < complaints; i++) {
            var created = lapor.submit(Actor.newReporter(), Fixtures.report().title("Laporan " + i).build());
            TrackingNumber n = created.trackingNumberOrThrow();
            numbers.add(n);
            secrets.put(n, ((id.lapor.core.Submission.Created) created).secret());
        }
        int threads = 8;
        CountingStore counted = new CountingStore(store);
        List<Lapor> nodes = List.of(Fixtures.lapor(counted, clock), Fixtures.lapor(counted, clock));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<RandomCommands.Result>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(seed + t);
            Lapor node = nodes.get(t % nodes.size());
            Callable<RandomCommands.Result> work = () -> new RandomCommands(node, store, numbers, secrets, random)
                    .run(commandsPerThread);
            results.add(pool.submit(work));
        }
        Map<TrackingNumber, List<Long>> acceptedVersions = new java.util.HashMap<>();
        int accepted = 0;
        int conflicts = 0;
        for (Future<RandomCommands.Result> r : results) {
            RandomCommands.Result result = r.get(10, TimeUnit.MINUTES);
            for (Outcome.Accepted a : result.accepted()) {
                acceptedVersions.computeIfAbsent(a.trackingNumber(), k -> new ArrayList<>()).add(a.version());
            }
            accepted += result.accepted().size();
            conflicts += result.conflicts();
        }
        pool.shutdown();

        List<OutboxMessage> owed = new ArrayList<>();
        for (TrackingNumber n : numbers) {
            Complaint stored = store.find(n).orElseThrow();
            List<RecordedEvent> history = store.history(n);
            assertThat(history).as("events of %s", n).hasSize((int) stored.version());
            assertThat(Complaint.replay(history)).as("replay of %s", n).isEqualTo(stored);
            RandomCommands.assertLegal(history);
            // Each accepted command appended its own event (the clock's events are by system:sla) at a version of its own.
            List<Long> versions = acceptedVersions.getOrDefault(n, List.of());
            long commandEvents = history.stream().skip(1).filter(e -> !e.actor().id().equals("system:sla")).count();
            assertThat(commandEvents).as("command events of %s", n).isEqualTo(versions.size());
            assertThat(versions).as("versions accepted on %s", n).doesNotHaveDuplicates()
                    .allMatch(v -> v >= 1 && v <= stored.version());
            owed.addAll(owed(history));
        }
        System.out.println(jdbc.dialect() + ": " + accepted + " commands accepted, " + conflicts + " conflicts, "
                + counted.refused.get() + " appends refused as stale");
        assertThat(accepted).as("the race lets commands through").isGreaterThan(threads * commandsPerThread / 4);
        assertThat(counted.refused.get()).as("the threads do race: the store refuses appends at stale versions").isPositive();
        assertThat(outboxIds()).as("outbox rows, written only with their events")
                .isEqualTo(owed.stream().map(OutboxMessage::id).collect(java.util.stream.Collectors.toSet()));
        assertThat(outboxIds()).hasSize(owed.size());
    }

    /** How many commands each of the eight racing threads gives. */
    protected int commandsPerThread() {
        return 150;
    }

    /** What {@link NotificationPolicy#standard} owes for {@code history}, event by event, as {@link Lapor} asks it. */
    private static List<OutboxMessage> owed(List<RecordedEvent> history) {
        NotificationPolicy policy = NotificationPolicy.standard(Fixtures.directory());
        List<OutboxMessage> out = new ArrayList<>();
        Complaint before = Complaint.start(history.get(0));
        out.addAll(policy.messagesFor(before, before, history.get(0)));
        for (RecordedEvent e : history.subList(1, history.size())) {
            Complaint after = before.apply(e);
            out.addAll(policy.messagesFor(before, after, e));
            before = after;
        }
        return out;
    }

    private TrackingNumber submitAt(String instant) {
        clock.set(Instant.parse(instant));
        return submit();
    }

    private static List<TrackingNumber> numbers(List<Complaint> complaints) {
        return complaints.stream().map(Complaint::trackingNumber).toList();
    }

    protected Set<String> outboxIds() {
        Set<String> ids = new HashSet<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id FROM outbox")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** A topic {@link #refuseOutboxTopic} makes the database refuse. */
    private static final String REFUSED_TOPIC = "test.refused";

    /**
     * Makes the database refuse any outbox row of {@code topic} with an error of its own, as a failure in the
     * middle of an append: a trigger, which {@link #dropRefusals} removes.
     */
    private void refuseOutboxTopic(String topic) throws SQLException {
        if (jdbc.dialect() instanceof PostgresDialect) {
            execute("CREATE OR REPLACE FUNCTION test_refuse_topic() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.topic = '" + topic + "' THEN RAISE EXCEPTION 'outbox topic % refused by the test', NEW.topic;"
                    + " END IF; RETURN NEW; END $$");
            execute("CREATE TRIGGER test_refuse_topic BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION test_refuse_topic()");
        } else {
            execute("CREATE TRIGGER test_refuse_topic BEFORE INSERT ON outbox WHEN NEW.topic = '" + topic + "'"
                    + " BEGIN SELECT RAISE(ABORT, 'outbox topic refused by the test'); END");
        }
    }

    private void dropRefusals() throws SQLException {
        execute("DROP TRIGGER IF EXISTS test_refuse_topic" + (jdbc.dialect() instanceof PostgresDialect ? " ON outbox" : ""));
    }

    protected void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single value {@code sql} selects. */
    protected long one(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
