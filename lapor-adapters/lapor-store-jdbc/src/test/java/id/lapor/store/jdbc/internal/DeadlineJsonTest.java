package id.lapor.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.Lapor;
import id.lapor.core.LaporException;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.calendar.Deadline;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.ActorRef;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.sla.Stage;
import id.lapor.core.sla.Timer;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deadlines in stored JSON: the string form for a deadline at the end of its last day, the object form for any
 * other, and rows written before the string form. Re-run one seed of the property with {@code -Dlapor.deadline.seed=N}.
 */
@DisplayName("Deadlines in stored JSON")
class DeadlineJsonTest {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
    private static final List<ZoneId> ZONES = List.of(WIB, WITA, WIT);
    private static final int CASES = 2_000;

    /**
     * The dispatch of the testkit's complaint (a Verified event whose effect starts the follow-up clock: six
     * deadlines), as lapor wrote it before deadlines were strings.
     */
    private static final String VERIFIED_BEFORE = """
            {"at":"2026-03-17T03:00:00Z","actor":{"role":"VERIFIER","id":"verifier@kota-palangkaraya","unit":"kota-palangkaraya"},\
            "state":"DISPATCHED","type":"Verified","event":{"unit":"dinas-kesehatan-palangkaraya","weight":"NORMAL",\
            "kind":"COMPLAINT","title":"Jalan rusak di Jalan Tjilik Riwut","category":"jalan","tags":["jalan"]},\
            "effects":[{"type":"ClockStarted","event":{\
            "clock":{"stage":"FOLLOW_UP","instance":2,"calendar":"id-national-wib","calendarVersion":1,\
            "startedAt":"2026-03-17T03:00:00Z","targetDays":5,\
            "deadline":{"due":"2026-03-31T17:00:00Z","lastDay":"2026-03-31","zone":"Asia/Jakarta"},"timers":[\
            {"id":"follow_up@2/warning","kind":"WARNING",\
            "due":{"due":"2026-03-27T17:00:00Z","lastDay":"2026-03-27","zone":"Asia/Jakarta"}},\
            {"id":"follow_up@2/breach","kind":"BREACH",\
            "due":{"due":"2026-03-31T17:00:00Z","lastDay":"2026-03-31","zone":"Asia/Jakarta"}},\
            {"id":"follow_up@2/late-follow-up/1","kind":"ESCALATION",\
            "due":{"due":"2026-03-31T17:00:00Z","lastDay":"2026-03-31","zone":"Asia/Jakarta"},\
            "rule":"late-follow-up","level":1,"actions":["NOTIFY_SUPERVISOR","RAISE_PRIORITY"]},\
            {"id":"follow_up@2/late-follow-up-to-supervisor/2","kind":"ESCALATION",\
            "due":{"due":"2026-04-02T17:00:00Z","lastDay":"2026-04-02","zone":"Asia/Jakarta"},\
            "rule":"late-follow-up-to-supervisor","level":2,"actions":["REASSIGN_TO_PARENT","NOTIFY_SUPERVISOR"]},\
            {"id":"follow_up@2/late-follow-up-to-national/3","kind":"ESCALATION",\
            "due":{"due":"2026-04-10T17:00:00Z","lastDay":"2026-04-10","zone":"Asia/Jakarta"},\
            "rule":"late-follow-up-to-national","level":3,"actions":["REFER_TO_NATIONAL_MANAGER"]}]}}}]}""";

    /** The same complaint after its dispatch, as lapor wrote it before (its secret's salt is of another run). */
    private static final String COMPLAINT_BEFORE = """
            {"trackingNumber":"99638781370","version":2,"state":"DISPATCHED","kind":"COMPLAINT","channel":"WEB",\
            "title":"Jalan rusak di Jalan Tjilik Riwut",\
            "body":"Jalan berlubang besar di depan pasar sejak dua minggu, membahayakan pengendara motor.",\
            "location":{"region":"62.71.01.1001"},"category":"jalan","tags":["jalan"],\
            "reporter":{"name":"Budi Santoso","phone":"+6281234567890","email":"budi@example.org","nationalId":"6271010101900001"},\
            "secret":"+dSDZh4mJGiqBzHyWG3M9A==:uCXcFeAphjsQt8ORbtzKH9fZcKw0xMoA5kKTV7EnmEU=","priority":"NORMAL",\
            "weight":"NORMAL","responsibleUnit":"dinas-kesehatan-palangkaraya",\
            "clock":{"stage":"FOLLOW_UP","instance":2,"calendar":"id-national-wib","calendarVersion":1,\
            "startedAt":"2026-03-17T03:00:00Z","targetDays":5,\
            "deadline":{"due":"2026-03-31T17:00:00Z","lastDay":"2026-03-31","zone":"Asia/Jakarta"},"timers":[\
            {"id":"follow_up@2/warning","kind":"WARNING",\
            "due":{"due":"2026-03-27T17:00:00Z","lastDay":"2026-03-27","zone":"Asia/Jakarta"}},\
            {"id":"follow_up@2/breach","kind":"BREACH",\
            "due":{"due":"2026-03-31T17:00:00Z","lastDay":"2026-03-31","zone":"Asia/Jakarta"}},\
            {"id":"follow_up@2/late-follow-up/1","kind":"ESCALATION",\
            "due":{"due":"2026-03-31T17:00:00Z","lastDay":"2026-03-31","zone":"Asia/Jakarta"},\
            "rule":"late-follow-up","level":1,"actions":["NOTIFY_SUPERVISOR","RAISE_PRIORITY"]},\
            {"id":"follow_up@2/late-follow-up-to-supervisor/2","kind":"ESCALATION",\
            "due":{"due":"2026-04-02T17:00:00Z","lastDay":"2026-04-02","zone":"Asia/Jakarta"},\
            "rule":"late-follow-up-to-supervisor","level":2,"actions":["REASSIGN_TO_PARENT","NOTIFY_SUPERVISOR"]},\
            {"id":"follow_up@2/late-follow-up-to-national/3","kind":"ESCALATION",\
            "due":{"due":"2026-04-10T17:00:00Z","lastDay":"2026-04-10","zone":"Asia/Jakarta"},\
            "rule":"late-follow-up-to-national","level":3,"actions":["REFER_TO_NATIONAL_MANAGER"]}]},\
            "submittedAt":"2026-03-17T03:00:00Z","updatedAt":"2026-03-17T03:00:00Z"}""";

    /** A resumed clock over the new year in Papua, provisional (2027's decree not loaded), as lapor wrote it before. */
    private static final String RESUMED_BEFORE = """
            {"at":"2026-12-28T02:00:00Z","actor":{"role":"SYSTEM","id":"system:sla"},"state":"DISPATCHED",\
            "type":"ClockResumed","event":{"stage":"FOLLOW_UP","workingDays":2,\
            "deadline":{"due":"2026-12-31T15:00:00Z","lastDay":"2026-12-31","zone":"Asia/Jayapura","provisional":true},\
            "timers":[\
            {"id":"follow_up@2/warning","kind":"WARNING",\
            "due":{"due":"2026-12-30T15:00:00Z","lastDay":"2026-12-30","zone":"Asia/Jayapura"}},\
            {"id":"follow_up@2/breach","kind":"BREACH",\
            "due":{"due":"2026-12-31T15:00:00Z","lastDay":"2026-12-31","zone":"Asia/Jayapura","provisional":true}}]}}""";

    private static final TrackingNumber COMPLAINT = new TrackingNumber("99638781370");

    private final JsonCodec json = new JsonCodec();

    @Test
    @DisplayName("a deadline at the end of its last day is written as its day and zone, in each Indonesian zone")
    void stringForm() {
        // WIB, WITA and WIT; over the new year; provisional and not
        assertWrittenAs(new Deadline(Instant.parse("2026-03-10T17:00:00Z"), LocalDate.parse("2026-03-10"), WIB, false),
                "\"2026-03-10 Asia/Jakarta\"");
        assertWrittenAs(new Deadline(Instant.parse("2026-03-10T16:00:00Z"), LocalDate.parse("2026-03-10"), WITA, true),
                "\"2026-03-10 Asia/Makassar provisional\"");
        assertWrittenAs(new Deadline(Instant.parse("2026-12-31T15:00:00Z"), LocalDate.parse("2026-12-31"), WIT, true),
                "\"2026-12-31 Asia/Jayapura provisional\"");
        assertWrittenAs(new Deadline(Instant.parse("2027-01-01T15:00:00Z"), LocalDate.parse("2027-01-01"), WIT, false),
                "\"2027-01-01 Asia/Jayapura\"");
        assertWrittenAs(new Deadline(Instant.parse("2026-12-31T17:00:00Z"), LocalDate.parse("2026-12-31"), WIB, false),
                "\"2026-12-31 Asia/Jakarta\"");
        assertWrittenAs(new Deadline(Instant.parse("2028-02-29T16:00:00Z"), LocalDate.parse("2028-02-29"), WITA, false),
                "\"2028-02-29 Asia/Makassar\"");
    }

    @Test
    @DisplayName("a deadline due at any other instant keeps the object form, every digit of its due included")
    void objectForm() {
        Deadline early = new Deadline(Instant.parse("2026-03-10T16:59:59.999999999Z"), LocalDate.parse("2026-03-10"), WIB, false);
        Deadline otherZone = new Deadline(Instant.parse("2026-03-10T17:00:00Z"), LocalDate.parse("2026-03-10"), WIT, true);
        // The end of the last day of all has no next day to start: the string form could not say when it is due.
        Deadline lastDayOfAll = new Deadline(Instant.parse("2026-03-10T17:00:00Z"), LocalDate.MAX, WITA, false);

        assertWrittenAs(early, "{\"due\":\"2026-03-10T16:59:59.999999999Z\",\"lastDay\":\"2026-03-10\",\"zone\":\"Asia/Jakarta\"}");
        assertWrittenAs(otherZone,
                "{\"due\":\"2026-03-10T17:00:00Z\",\"lastDay\":\"2026-03-10\",\"zone\":\"Asia/Jayapura\",\"provisional\":true}");
        assertWrittenAs(lastDayOfAll,
                "{\"due\":\"2026-03-10T17:00:00Z\",\"lastDay\":\"+999999999-12-31\",\"zone\":\"Asia/Makassar\"}");
    }

    @Test
    @DisplayName("an event and a complaint written before deadlines were strings read the same, and are rewritten shorter")
    void rowsWrittenBefore() {
        History typical = History.ofTypicalComplaint();
        RecordedEvent verified = typical.events.get(1);

        assertThat(json.event(COMPLAINT, 2, VERIFIED_BEFORE)).isEqualTo(verified);
        assertThat(withoutActions(json.event(verified))).isEqualTo(withoutActions(asStrings(VERIFIED_BEFORE)));
        Complaint before = json.complaint(COMPLAINT_BEFORE);
        assertThat(before.clock()).isEqualTo(typical.complaint.clock());
        assertThat(withoutActions(json.complaint(before))).isEqualTo(withoutActions(asStrings(COMPLAINT_BEFORE)));

        Deadline newYear = new Deadline(Instant.parse("2026-12-31T15:00:00Z"), LocalDate.parse("2026-12-31"), WIT, true);
        Deadline warning = new Deadline(Instant.parse("2026-12-30T15:00:00Z"), LocalDate.parse("2026-12-30"), WIT, false);
        RecordedEvent resumed = new RecordedEvent(COMPLAINT, 3, Instant.parse("2026-12-28T02:00:00Z"),
                new ActorRef(Role.SYSTEM, "system:sla", Optional.empty()), State.DISPATCHED,
                new Event.ClockResumed(Stage.FOLLOW_UP, 2, newYear, List.of(timer("follow_up@2/warning", Timer.Kind.WARNING, warning),
                        timer("follow_up@2/breach", Timer.Kind.BREACH, newYear))));
        assertThat(json.event(COMPLAINT, 3, RESUMED_BEFORE)).isEqualTo(resumed);
        assertThat(json.event(resumed)).isEqualTo(asStrings(RESUMED_BEFORE))
                .contains("\"deadline\":\"2026-12-31 Asia/Jayapura provisional\"");
    }

    @Test
    @DisplayName("a typical dispatch event, its clock started with six deadlines, is a fifth shorter")
    void bytesSaved() {
        RecordedEvent verified = History.ofTypicalComplaint().events.get(1);
        String after = json.event(verified);

        System.out.printf("Verified with ClockStarted (6 deadlines): %d characters before, %d after%n",
                VERIFIED_BEFORE.length(), after.length());
        // Each of the six deadlines: 75 characters as an object, 25 as a string.
        assertThat(VERIFIED_BEFORE.length() - after.length()).isEqualTo(6 * (75 - 25));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2026-13-10 Asia/Jakarta", "2026-02-30 Asia/Jakarta", "2026-03-10 Asia/Atlantis", "2026-03-10",
            "2026-03-10 Asia/Jakarta tentative", "2026-03-10  Asia/Jakarta", "2026-03-10 Asia/Jakarta ", "10/03/2026 Asia/Jakarta",
            "+999999999-12-31 Asia/Jakarta", ""})
    @DisplayName("a malformed deadline fails naming the event and the value")
    void malformed(String bad) {
        String stored = json.event(History.ofTypicalComplaint().events.get(1))
                .replace("\"deadline\":\"2026-03-31 Asia/Jakarta\"", "\"deadline\":\"" + bad + "\"");

        assertThatThrownBy(() -> json.event(COMPLAINT, 2, stored)).isInstanceOf(LaporException.class)
                .hasMessage("event 99638781370/2 (effect) cannot be read as ClockStarted")
                .cause().hasMessageContaining("deadline \"" + bad + "\" cannot be read");
    }

    @Test
    @DisplayName("a deadline object without its due fails naming the field")
    void objectWithoutDue() {
        String stored = RESUMED_BEFORE.replace("\"deadline\":{\"due\":\"2026-12-31T15:00:00Z\",", "\"deadline\":{");

        assertThatThrownBy(() -> json.event(COMPLAINT, 3, stored)).isInstanceOf(LaporException.class)
                .hasMessage("event 99638781370/3 cannot be read as ClockResumed")
                .cause().hasMessageContaining("a deadline object needs \"due\"");
    }

    static LongStream seeds() {
        String chosen = System.getProperty("lapor.deadline.seed");
        if (chosen != null) {
            return LongStream.of(Long.parseLong(chosen));
        }
        return LongStream.of(1L, 42L, 1708L, 20_260_317L, 0xC0FFEEL, 7_285L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("any deadline from 2020 to 2035 in the three zones reads back as written, as a string when it ends its day")
    void roundTrips(long seed) {
        Random random = new Random(seed);
        long first = LocalDate.parse("2020-01-01").toEpochDay();
        long days = LocalDate.parse("2035-12-31").toEpochDay() - first + 1;
        for (int c = 0; c < CASES; c++) {
            LocalDate lastDay = LocalDate.ofEpochDay(first + random.nextInt((int) days));
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant end = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
            // One in four due elsewhere: a nanosecond to a few days either side of the end of the day.
            Instant due = random.nextInt(4) > 0 ? end : end.plusNanos(random.nextLong() % 300_000_000_000_000L);
            Deadline deadline = new Deadline(due, lastDay, zone, random.nextBoolean());
            String what = "seed " + seed + ", case " + c + ": " + deadline;

            RecordedEvent event = moved(deadline);
            String written = json.event(event);
            assertThat(json.event(COMPLAINT, event.version(), written)).as(what).isEqualTo(event);
            assertThat(written).as(what).contains(due.equals(end) ? "\"deadline\":\"" + lastDay + " " + zone.getId()
                    : "\"deadline\":{\"due\":\"" + due + "\"");
        }
    }

    /** Writes {@code deadline} in an event, checks it reads back equal and that the deadline's JSON is {@code expected}. */
    private void assertWrittenAs(Deadline deadline, String expected) {
        RecordedEvent event = moved(deadline);
        String written = json.event(event);

        assertThat(written).contains("\"deadline\":" + expected + ",\"timers\":[{\"id\":\"follow_up@2/breach\","
                + "\"kind\":\"BREACH\",\"due\":" + expected + "}]");
        assertThat(json.event(COMPLAINT, event.version(), written)).isEqualTo(event);
    }

    /** A recomputed follow-up clock whose deadline and breach are {@code deadline}. */
    private static RecordedEvent moved(Deadline deadline) {
        Deadline previous = new Deadline(Instant.parse("2026-03-10T17:00:00Z"), LocalDate.parse("2026-03-10"), WIB, false);
        return new RecordedEvent(COMPLAINT, 4, Instant.parse("2026-03-02T01:00:00Z"),
                new ActorRef(Role.SYSTEM, "system:calendar", Optional.empty()), State.DISPATCHED,
                new Event.DeadlineMoved(Stage.FOLLOW_UP, "calendar id-national-wib version 2", 2, previous, deadline,
                        List.of(timer("follow_up@2/breach", Timer.Kind.BREACH, deadline))));
    }

    private static Timer timer(String id, Timer.Kind kind, Deadline due) {
        return new Timer(id, kind, due, null, 0, Set.of());
    }

    /** {@code json} with every deadline object written as its string: every deadline in the rows above ends its last day. */
    private static String asStrings(String json) {
        return json.replaceAll("\\{\"due\":\"[^\"]+\",\"lastDay\":\"([^\"]+)\",\"zone\":\"([^\"]+)\",\"provisional\":true}",
                        "\"$1 $2 provisional\"")
                .replaceAll("\\{\"due\":\"[^\"]+\",\"lastDay\":\"([^\"]+)\",\"zone\":\"([^\"]+)\"}", "\"$1 $2\"");
    }

    /** {@code json} without its timers' actions: sets, written in an order that changes from one JVM to the next. */
    private static String withoutActions(String json) {
        return json.replaceAll(",\"actions\":\\[[^]]*]", "");
    }

    /** The testkit's complaint submitted and dispatched, as the literals above recorded it: the same tracking number. */
    private record History(List<RecordedEvent> events, Complaint complaint) {
        static History ofTypicalComplaint() {
            InMemoryComplaintStore store = new InMemoryComplaintStore();
            Lapor lapor = Fixtures.lapor(store, SettableClock.at("2026-03-17T03:00:00Z"));
            TrackingNumber n = lapor.submit(Actor.newReporter(), Fixtures.report().build()).trackingNumberOrThrow();
            lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL))
                    .orElseThrow();
            assertThat(n).isEqualTo(COMPLAINT);
            return new History(store.history(n), store.find(n).orElseThrow());
        }
    }
}
