package id.lapor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Lapor;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.calendar.CalendarFormat;
import id.lapor.core.calendar.CalendarId;
import id.lapor.core.calendar.WorkingCalendar;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.notification.Recipient;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.StageClock;
import id.lapor.core.view.ComplaintView;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.ManualDueWork;
import id.lapor.testkit.SettableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SLA clocks on real 2025 and 2026 dates, through the facade and the in-memory store. */
class SlaClockTest {
    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final CalendarBook calendars = Lapor.Builder.nationalCalendars();
    private SettableClock clock;
    private Lapor lapor;
    private ManualDueWork due;

    private static final Actor VERIFIER = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
    private static final Actor HEALTH_OPERATOR = Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH);

    private void startAt(String instant) {
        clock = SettableClock.at(instant);
        lapor = Fixtures.laporBuilder(store, clock).calendars(calendars).build();
        due = new ManualDueWork(lapor, store, clock);
    }

    private Submission.Created submit(UnitId target) {
        return (Submission.Created) lapor.submit(Actor.newReporter(), Fixtures.report().targetInstitution(target).build());
    }

    private StageClock clockOf(TrackingNumber n) {
        return store.find(n).orElseThrow().clock().orElseThrow();
    }

    @Test
    @DisplayName("a report of Tuesday 17 March 2026 10:00 WIB with 3 working days is due at the end of Friday 27 March (Nyepi, Idul Fitri and leave between)")
    void nyepiAndIdulFitri2026() {
        startAt("2026-03-17T03:00:00Z");
        TrackingNumber n = submit(null).trackingNumber();

        StageClock k = clockOf(n);
        assertThat(k.stage()).isEqualTo(Stage.VERIFICATION);
        assertThat(k.deadline().due()).isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));
        assertThat(k.timers()).extracting(t -> t.kind().name() + "@" + t.due().due()).startsWith(
                "WARNING@2026-03-26T17:00:00Z", "BREACH@2026-03-27T17:00:00Z");
        ComplaintView seen = lapor.view(Actor.publicVisitor(), n).orElseThrow();
        assertThat(seen.deadline().orElseThrow().due()).isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));
        assertThat(seen.clock()).as("timers are for insiders").isEmpty();
    }

    @Test
    @DisplayName("a report at 23:30 WIB is already the next day for an institution in WITA")
    void lateEveningAcrossZones() {
        startAt("2025-12-16T16:30:00Z"); // Tuesday 16 December 2025, 23:30 WIB = Wednesday 00:30 WITA
        TrackingNumber wib = submit(Fixtures.CITY).trackingNumber();
        TrackingNumber wita = submit(Fixtures.EAST_KALIMANTAN).trackingNumber();

        assertThat(clockOf(wib).deadline().due()).as("WIB: 17, 18, 19 December").isEqualTo(Instant.parse("2025-12-19T17:00:00Z"));
        assertThat(clockOf(wita).deadline().due()).as("WITA: 18, 19, 22 December")
                .isEqualTo(Instant.parse("2025-12-22T16:00:00Z"));
        assertThat(clockOf(wita).calendar()).isEqualTo("id-national-wita");
    }

    @Test
    @DisplayName("Christmas 2025: 25 December is a holiday and 26 December collective leave")
    void christmas2025() {
        startAt("2025-12-23T03:00:00Z"); // Tuesday 23 December 2025, 10:00 WIB
        TrackingNumber christmas = submit(Fixtures.CITY).trackingNumber();
        assertThat(clockOf(christmas).deadline().lastDay()).as("24, 29, 30 December").hasToString("2025-12-30");
    }

    @Test
    @DisplayName("the 2025 amendment's 18 August collective leave is not a working day, here in WIT")
    void amendment2025() {
        startAt("2025-08-14T03:00:00Z"); // Thursday 14 August 2025
        TrackingNumber independence = submit(Fixtures.PAPUA).trackingNumber();
        assertThat(clockOf(independence).deadline().lastDay()).as("15, 19, 20 August (17 Sunday, 18 leave)").hasToString("2025-08-20");
        assertThat(clockOf(independence).deadline().due()).as("end of the day in WIT").isEqualTo(Instant.parse("2025-08-20T15:00:00Z"));
    }

    @Test
    @DisplayName("a report submitted on a holiday starts counting on the next working day")
    void submittedOnHoliday() {
        startAt("2026-12-25T02:00:00Z"); // Christmas Day 2026, 09:00 WIB
        TrackingNumber n = submit(Fixtures.CITY).trackingNumber();
        assertThat(clockOf(n).deadline().lastDay()).as("28, 29, 30 December").hasToString("2026-12-30");
    }

    @Test
    @DisplayName("a hold pauses the clock: the deadline moves by the working days from the day after the hold to the day of resuming")
    void holdPausesTheClock() {
        startAt("2026-04-06T02:00:00Z"); // Monday 6 April 2026, 09:00 WIB
        TrackingNumber n = submit(Fixtures.CITY).trackingNumber();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        assertThat(clockOf(n).deadline().lastDay()).hasToString("2026-04-13");

        clock.set(Instant.parse("2026-04-07T03:00:00Z"));
        lapor.execute(HEALTH_OPERATOR, n, new Command.Hold("Alamat puskesmas kurang jelas")).orElseThrow();
        assertThat(lapor.view(Actor.publicVisitor(), n).orElseThrow().deadline()).as("no deadline while on hold").isEmpty();
        assertThat(due.advanceTo(Instant.parse("2026-04-13T03:00:00Z"))).as("nothing fires while paused").isZero();
        lapor.execute(HEALTH_OPERATOR, n, new Command.Resume("Alamat sudah dilengkapi")).orElseThrow();

        StageClock k = clockOf(n);
        assertThat(k.pausedWorkingDays()).as("8, 9, 10 and 13 April").isEqualTo(4);
        assertThat(k.deadline().lastDay()).hasToString("2026-04-17");
        assertThat(last(n).event()).isInstanceOf(Event.Resumed.class);
        Event.ClockResumed resumed = (Event.ClockResumed) last(n).effects().get(0);
        assertThat(resumed.workingDays()).isEqualTo(4);
    }

    @Test
    @DisplayName("a 30-day clock jump fires every overdue warning, breach and escalation once, in order, each with its due instant")
    void thirtyDayJump() {
        startAt("2026-04-06T02:00:00Z");
        TrackingNumber n = submit(Fixtures.CITY).trackingNumber();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        int before = store.history(n).size();

        int fired = due.advance(Duration.ofDays(30));
        assertThat(due.advance(Duration.ofDays(30))).as("nothing fires twice").isZero();

        List<RecordedEvent> events = store.history(n).subList(before, store.history(n).size());
        assertThat(fired).isEqualTo(5);
        assertThat(events).extracting(e -> e.event().getClass().getSimpleName() + "@" + dueAt(e.event())).containsExactly(
                "SlaWarned@2026-04-09T17:00:00Z",
                "SlaBreached@2026-04-13T17:00:00Z",
                "Escalated@2026-04-13T17:00:00Z",
                "Escalated@2026-04-15T17:00:00Z",
                "Escalated@2026-04-22T17:00:00Z");
        assertThat(events).allSatisfy(e -> assertThat(e.at()).as("processed when the sweep ran")
                .isEqualTo(Instant.parse("2026-05-06T02:00:00Z")));
        Complaint after = store.find(n).orElseThrow();
        assertThat(after.escalationLevel()).isEqualTo(3);
        assertThat(after.responsibleUnit()).as("level 2 moved it to the supervising unit").contains(Fixtures.CITY);
        assertThat(after.priority()).isEqualTo(id.lapor.core.complaint.Priority.HIGH);
        List<OutboxMessage> escalations = store.outbox().stream().filter(m -> m.topic().equals("complaint.escalated")).toList();
        assertThat(escalations).extracting(m -> m.recipient().kind()).containsExactly(
                Recipient.Kind.SUPERVISOR, Recipient.Kind.SUPERVISOR, Recipient.Kind.NATIONAL_MANAGER);
        assertThat(escalations).extracting(OutboxMessage::id).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("sweepers racing on the same complaints fire each timer exactly once")
    void racingSweepers() throws Exception {
        startAt("2026-04-06T02:00:00Z");
        List<TrackingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TrackingNumber n = submit(Fixtures.CITY).trackingNumber();
            lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
            numbers.add(n);
        }
        clock.advance(Duration.ofDays(30));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sweeps.add(pool.submit(due::runDue));
        }
        int total = 0;
        for (Future<Integer> f : sweeps) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(total).isEqualTo(20 * 5);
        for (TrackingNumber n : numbers) {
            List<String> timers = store.history(n).stream().map(e -> timerOf(e.event())).filter(t -> t != null).toList();
            assertThat(timers).hasSize(5).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("with no reply for 10 working days after the follow-up, the complaint completes by itself")
    void autoCompletion() {
        startAt("2026-04-06T02:00:00Z");
        TrackingNumber n = submit(Fixtures.CITY).trackingNumber();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.MINOR)).orElseThrow();
        lapor.execute(HEALTH_OPERATOR, n, new Command.PostFollowUp("Obat sudah tersedia kembali.")).orElseThrow();
        assertThat(clockOf(n).stage()).isEqualTo(Stage.REPLY_WINDOW);
        assertThat(clockOf(n).deadline().lastDay()).as("7-10, 13-17, 20 April").hasToString("2026-04-20");

        assertThat(due.advanceTo(Instant.parse("2026-04-20T16:59:59Z"))).isZero();
        assertThat(due.advanceTo(Instant.parse("2026-04-20T17:00:00Z"))).isEqualTo(1);

        Complaint done = store.find(n).orElseThrow();
        assertThat(done.state()).isEqualTo(State.COMPLETED);
        Event.Completed completed = (Event.Completed) last(n).event();
        assertThat(completed.by()).isEqualTo(Event.Completion.AUTOMATIC);
        assertThat(completed.dueAt()).isEqualTo(Instant.parse("2026-04-20T17:00:00Z"));
    }

    @Test
    @DisplayName("a reply reopens the complaint with a new follow-up stage instance whose escalations fire again")
    void reopenStartsNewInstance() {
        startAt("2026-04-06T02:00:00Z");
        Submission.Created created = submit(Fixtures.CITY);
        TrackingNumber n = created.trackingNumber();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
        due.advance(Duration.ofDays(10));
        StageClock first = clockOf(n);
        lapor.execute(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.CITY), n, new Command.PostFollowUp("Sudah ditangani."))
                .orElseThrow();
        lapor.execute(Actor.reporter(created.secret()), n, new Command.Reply("Belum, obatnya masih kosong.")).orElseThrow();

        StageClock second = clockOf(n);
        assertThat(second.stage()).isEqualTo(Stage.FOLLOW_UP);
        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.fired()).isEmpty();
        assertThat(due.advance(Duration.ofDays(30))).isEqualTo(5);
    }

    @Test
    @DisplayName("a deadline in a provisional year is flagged, and loading that year's decree recomputes it and says why")
    void provisionalYearThenDecree() {
        startAt("2026-12-07T02:00:00Z");
        TrackingNumber n = submit(Fixtures.CITY).trackingNumber();
        lapor.execute(VERIFIER, n, Command.Verify.to(Fixtures.HEALTH, Weight.NEEDING_EXAMINATION)).orElseThrow();
        StageClock k = clockOf(n);
        assertThat(k.targetDays()).isEqualTo(60);
        assertThat(k.provisional()).as("60 working days reach into 2027").isTrue();
        assertThat(lapor.view(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH), n).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.text()).hasValueSatisfying(t -> assertThat(t).contains("provisional")));

        String decree2027 = "@year 2027\n"
                + "2027-01-01|NATIONAL_HOLIDAY|Tahun Baru 2027 Masehi|Test decree for 2027\n"
                + "2027-01-04|COLLECTIVE_LEAVE|Cuti bersama (test)|Test decree for 2027\n"
                + "2027-01-05|COLLECTIVE_LEAVE|Cuti bersama (test)|Test decree for 2027\n";
        calendars.addListener(change -> lapor.calendarChanged(change, store));
        WorkingCalendar v2 = calendars.update(CalendarId.of("id-national-wib"),
                b -> b.load(CalendarFormat.read("decree-2027.txt",
                        new ByteArrayInputStream(decree2027.getBytes(StandardCharsets.UTF_8)))), "2027 decree");

        StageClock recomputed = clockOf(n);
        assertThat(recomputed.calendarVersion()).isEqualTo(v2.version());
        assertThat(recomputed.provisional()).isFalse();
        assertThat(recomputed.deadline()).isEqualTo(v2.deadline(k.startedAt(), 60));
        assertThat(recomputed.deadline().due()).as("two more days of leave").isAfter(k.deadline().due());
        Event.DeadlineMoved moved = (Event.DeadlineMoved) last(n).event();
        assertThat(moved.reason()).contains("id-national-wib").contains("2027 decree");
        assertThat(moved.previous()).isEqualTo(k.deadline());
    }

    private RecordedEvent last(TrackingNumber n) {
        List<RecordedEvent> h = store.history(n);
        return h.get(h.size() - 1);
    }

    private static String dueAt(Event e) {
        if (e instanceof Event.SlaWarned w) {
            return w.dueAt().toString();
        } else if (e instanceof Event.SlaBreached b) {
            return b.dueAt().toString();
        } else if (e instanceof Event.Escalated x) {
            return String.valueOf(x.dueAt());
        }
        return "-";
    }

    private static String timerOf(Event e) {
        if (e instanceof Event.SlaWarned w) {
            return w.timer();
        } else if (e instanceof Event.SlaBreached b) {
            return b.timer();
        } else if (e instanceof Event.Escalated x) {
            return x.timer();
        }
        return null;
    }
}
