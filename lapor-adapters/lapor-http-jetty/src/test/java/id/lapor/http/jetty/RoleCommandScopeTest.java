package id.lapor.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Transitions;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.view.Scope;
import id.lapor.core.view.Views;
import id.lapor.testkit.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every officer role in units across the hierarchy gives every command to complaints in every state,
 * plain, anonymous and confidential, inside and outside their scope, through the officer API: no one
 * acts or reads outside their scope, a refused command writes nothing, and a capture of every HTTP body,
 * log line and outbox payload holds a reporter's name, phone, e-mail or ID number only in the bodies of
 * the reads their role may make. Reporters' data is generated from a printed seed
 * ({@code -Dlapor.seed=...} repeats a run).
 */
class RoleCommandScopeTest {
    private static final List<Role> ROLES = List.of(Role.VERIFIER, Role.UNIT_OPERATOR, Role.LIAISON_OFFICER, Role.SUPERVISOR,
            Role.AUDITOR);
    private static final List<UnitId> UNITS = List.of(Fixtures.NATIONAL, Fixtures.CITY, Fixtures.PUBLIC_WORKS, Fixtures.ROADS_UNIT,
            Fixtures.HEALTH, Fixtures.EAST_KALIMANTAN);
    private static final Map<CommandKind, String> BODIES = new EnumMap<>(CommandKind.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        BODIES.put(CommandKind.VERIFY, null); // depends on the complaint's region
        BODIES.put(CommandKind.HOLD, "{\"reason\":\"Mohon lampirkan foto lokasi.\"}");
        BODIES.put(CommandKind.RESUME, "{\"note\":\"Foto sudah diterima.\"}");
        BODIES.put(CommandKind.NOT_OUR_AUTHORITY, "{\"reason\":\"Jalan nasional, bukan wewenang kota.\"}");
        BODIES.put(CommandKind.ARCHIVE, "{\"reason\":\"OTHER\",\"note\":\"Diarsipkan.\"}");
        BODIES.put(CommandKind.FORWARD, "{\"unit\":\"upt-jalan-palangkaraya\",\"note\":\"Untuk ditangani UPT.\"}");
        BODIES.put(CommandKind.REASSIGN, "{\"unit\":\"dinas-kesehatan-palangkaraya\",\"reason\":\"Salah unit.\"}");
        BODIES.put(CommandKind.POST_FOLLOW_UP, "{\"text\":\"Perbaikan dijadwalkan minggu depan.\"}");
        BODIES.put(CommandKind.APPROVE_FOLLOW_UP, null);
        BODIES.put(CommandKind.RETURN_FOLLOW_UP, "{\"reason\":\"Mohon lengkapi jadwal.\"}");
        BODIES.put(CommandKind.REPLY, "{\"text\":\"Terima kasih.\"}");
        BODIES.put(CommandKind.RATE, "{\"score\":4,\"comment\":\"Cukup cepat.\"}");
        BODIES.put(CommandKind.COMPLETE, "{\"note\":\"Selesai.\"}");
        BODIES.put(CommandKind.ESCALATE, "{\"level\":1,\"reason\":\"Terlambat.\",\"actions\":[\"NOTIFY_SUPERVISOR\"]}");
    }

    /** Where a complaint stands before the actor tries everything on it. */
    private enum Placement {
        UNROUTED_IN_CITY, DISPATCHED_TO_PUBLIC_WORKS, DISPATCHED_TO_ROADS_UNIT, DISPATCHED_TO_HEALTH,
        AWAITING_APPROVAL_AT_PUBLIC_WORKS, FOLLOWED_UP_AT_HEALTH, ON_HOLD_AT_HEALTH, DISPATCHED_TO_EAST_KALIMANTAN
    }

    private enum Flag {
        PLAIN, ANONYMOUS, CONFIDENTIAL
    }

    /** A seeded reporter's data, each value distinct and unlike anything else in a body. */
    private record Pii(String name, String phone, String email, String nik) {
        List<String> tokens() {
            return List.of(name, phone, phone.substring(1), email, nik);
        }

        Reporter reporter() {
            return Reporter.of(name, phone, email, nik);
        }
    }

    /** An exchange and the reporters' data its audience may read in it. */
    private record Seen(TestWorld.Exchange exchange, Set<String> allowed) {
    }

    private final long seed = Long.getLong("lapor.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Scope scope = new Views(Fixtures.directory()).scope();

    private Pii pii() {
        String name = "Pelapor " + letters(10);
        String phone = "+62857" + digits(9);
        String email = letters(8).toLowerCase(Locale.ROOT) + "." + letters(6).toLowerCase(Locale.ROOT) + "@mail.example";
        String nik = "62" + digits(14);
        return new Pii(name, phone, email, nik);
    }

    private String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ((i == 0 ? 'A' : 'a') + random.nextInt(26)));
        }
        return s.toString();
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    @Test
    @DisplayName("no officer acts or reads outside their scope, and reporters' data reaches only the reads that may show it")
    void roleByCommandByScope() {
        System.out.println("RoleCommandScopeTest seed=" + seed + " (repeat with -Dlapor.seed=" + seed + ")");
        List<Pii> everyone = new ArrayList<>();
        List<Seen> seen = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        try (TestWorld world = new TestWorld()) {
            for (Role role : ROLES) {
                for (UnitId unit : UNITS) {
                    Actor actor = world.officer(role, unit);
                    String key = TestWorld.key(role, unit);
                    Map<TrackingNumber, Pii> complaints = new LinkedHashMap<>();
                    for (Placement p : Placement.values()) {
                        for (Flag f : Flag.values()) {
                            Pii pii = pii();
                            everyone.add(pii);
                            complaints.put(place(world, p, f, pii), pii);
                        }
                    }
                    // Reads first, on the complaints as placed.
                    for (Map.Entry<TrackingNumber, Pii> c : complaints.entrySet()) {
                        Complaint before = world.store.find(c.getKey()).orElseThrow();
                        TestWorld.Exchange read = world.getAs(key, "/api/v1/complaints/" + c.getKey());
                        boolean mayRead = scope.canSee(actor, before);
                        assertThat(read.status()).as("%s of %s reads %s", role, unit, before).isEqualTo(mayRead ? 200 : 404);
                        boolean mayReadReporter = scope.canSeeReporter(actor, before);
                        if (mayRead) {
                            assertThat(read.body().contains(c.getValue().name())).as("%s of %s reads the reporter of %s", role, unit, before)
                                    .isEqualTo(mayReadReporter);
                        }
                        seen.add(new Seen(read, mayReadReporter ? Set.copyOf(c.getValue().tokens()) : Set.of()));
                    }
                    TestWorld.Exchange queue = world.getAs(key, "/api/v1/queue?pageSize=200");
                    seen.add(new Seen(queue, Set.of()));
                    if (role == Role.AUDITOR) {
                        assertThat(queue.status()).as("an auditor has no queue").isEqualTo(403);
                    } else {
                        assertThat(queue.status()).isEqualTo(200);
                        checkQueue(world, actor, complaints.keySet(), queue);
                    }
                    // Then every command on every complaint, in a seeded order.
                    List<CommandKind> kinds = new ArrayList<>(BODIES.keySet());
                    for (Map.Entry<TrackingNumber, Pii> c : complaints.entrySet()) {
                        Collections.shuffle(kinds, random);
                        for (CommandKind kind : kinds) {
                            TrackingNumber n = c.getKey();
                            Complaint before = world.store.find(n).orElseThrow();
                            int outbox = world.store.outbox().size();
                            TestWorld.Exchange e = world.command(key, n, segment(kind), body(kind, before), Map.of());
                            seen.add(new Seen(e, Set.of()));
                            Complaint after = world.store.find(n).orElseThrow();
                            String what = role + " of " + unit + " " + kind + " on " + before + ": " + e.body();
                            assertThat(e.status()).as(what).isIn(200, 403, 404, 409);
                            if (e.status() == 200) {
                                accepted++;
                                assertThat(scope.covers(actor, before)).as("acted outside scope: " + what).isTrue();
                                assertThat(Transitions.find(before.state(), kind, role)).as(what).isPresent();
                                assertThat(after.version()).isGreaterThan(before.version());
                            } else {
                                refused++;
                                assertThat(after.version()).as("a refused command wrote: " + what).isEqualTo(before.version());
                                assertThat(world.store.outbox()).as("a refused command wrote to the outbox: " + what).hasSize(outbox);
                                if (before.confidential() && !scope.canSee(actor, before)) {
                                    assertThat(e.status()).as("a confidential complaint out of scope must look missing: " + what)
                                            .isEqualTo(404);
                                }
                            }
                        }
                    }
                }
            }
            // The public side of the same complaints.
            seen.add(new Seen(world.get("/open311/v2/requests.json?page_size=1000"), Set.of()));
            seen.add(new Seen(world.get("/open311/v2/requests.xml?page_size=1000"), Set.of()));
            seen.add(new Seen(world.get("/open311/v2/servicerequestupdates.json"), Set.of()));
            seen.add(new Seen(world.getAs(TestWorld.key(Role.AUDITOR, Fixtures.NATIONAL), "/api/v1/statistics?from=2026-03&to=2026-03"),
                    Set.of()));

            assertThat(accepted).as("some commands must be accepted for the test to mean anything").isGreaterThan(100);
            assertThat(refused).isGreaterThan(accepted);
            Set<String> every = new java.util.HashSet<>();
            everyone.forEach(p -> every.addAll(p.tokens()));
            int shown = 0;
            for (Seen s : seen) {
                for (String token : seeded(s.exchange().body(), every)) {
                    assertThat(s.allowed()).as("%s %s to %s shows %s", s.exchange().method(), s.exchange().path(),
                            s.exchange().audience(), token).contains(token);
                    shown++;
                }
            }
            assertThat(shown).as("the scan finds the reporters' data where it may be shown, so it would find it elsewhere").isPositive();
            List<CapturedLog.Line> logs = world.logs();
            assertThat(logs).isNotEmpty();
            for (CapturedLog.Line line : logs) {
                assertThat(seeded(line.text() + " " + line.mdc(), every)).as("log line %s", line).isEmpty();
            }
            List<OutboxMessage> outbox = world.store.outbox();
            assertThat(outbox).isNotEmpty();
            for (OutboxMessage m : outbox) {
                assertThat(seeded(m + " " + m.attributes(), every)).as("outbox message %s", m).isEmpty();
            }
            System.out.println("RoleCommandScopeTest: " + seen.size() + " exchanges, " + accepted + " accepted, " + refused
                    + " refused, " + logs.size() + " log lines, " + outbox.size() + " outbox messages checked");
        }
    }

    /** Every item of the queue is in the actor's scope; with one page of everything, every complaint of theirs is in it. */
    private void checkQueue(TestWorld world, Actor actor, Set<TrackingNumber> theirs, TestWorld.Exchange queue) {
        JsonNode listed = JSON.readTree(queue.body());
        for (JsonNode item : listed.get("items")) {
            Complaint c = world.store.find(TrackingNumber.parse(item.get("trackingNumber").asString())).orElseThrow();
            assertThat(scope.covers(actor, c)).as("%s queue holds %s", actor, c).isTrue();
        }
        if (listed.get("total").asLong() <= 200) {
            for (TrackingNumber n : theirs) {
                Complaint c = world.store.find(n).orElseThrow();
                assertThat(queue.body().contains(n.value())).as("%s queue holds %s", actor, c)
                        .isEqualTo(scope.covers(actor, c) && (c.responsibleUnit().isPresent() || actor.role() == Role.VERIFIER));
            }
        }
    }

    /** The generated reporters' data: shapes no other text here has, so a scan finds every occurrence. */
    private static final java.util.regex.Pattern SEEDED = java.util.regex.Pattern.compile(
            "62[0-9]{14}|Pelapor [A-Z][a-z]{9}|\\+?62857[0-9]{9}|[a-z]{8}\\.[a-z]{6}@mail\\.example");

    /** Every piece of seeded reporters' data in {@code text}. */
    private static List<String> seeded(String text, Set<String> every) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = SEEDED.matcher(text);
        while (m.find()) {
            if (every.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static String segment(CommandKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String body(CommandKind kind, Complaint c) {
        if (kind == CommandKind.VERIFY) {
            UnitId to = c.location().region().value().startsWith("64") ? Fixtures.EAST_KALIMANTAN : Fixtures.HEALTH;
            return "{\"unit\":\"" + to + "\",\"weight\":\"NORMAL\"}";
        }
        return BODIES.get(kind);
    }

    private TrackingNumber place(TestWorld world, Placement p, Flag f, Pii pii) {
        Location where = p == Placement.DISPATCHED_TO_EAST_KALIMANTAN ? Location.of("64.72") : Location.of("62.71.01.1001");
        TrackingNumber n = world.submitNumber(Fixtures.report().location(where).reporter(pii.reporter())
                .anonymous(f == Flag.ANONYMOUS).confidential(f == Flag.CONFIDENTIAL).build());
        Actor verifier = world.officer(Role.VERIFIER, Fixtures.NATIONAL);
        switch (p) {
            case UNROUTED_IN_CITY:
                break;
            case DISPATCHED_TO_PUBLIC_WORKS:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL)).orElseThrow();
                break;
            case DISPATCHED_TO_ROADS_UNIT:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.ROADS_UNIT, Weight.NORMAL)).orElseThrow();
                break;
            case DISPATCHED_TO_HEALTH:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
                break;
            case AWAITING_APPROVAL_AT_PUBLIC_WORKS:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL)).orElseThrow();
                world.lapor.execute(world.officer(Role.UNIT_OPERATOR, Fixtures.PUBLIC_WORKS), n,
                        new Command.PostFollowUp("Draf jawaban.")).orElseThrow();
                break;
            case FOLLOWED_UP_AT_HEALTH:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
                world.lapor.execute(world.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH), n,
                        new Command.PostFollowUp("Sudah ditangani.")).orElseThrow();
                break;
            case ON_HOLD_AT_HEALTH:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.HEALTH, Weight.NORMAL)).orElseThrow();
                world.lapor.execute(world.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH), n, new Command.Hold("Data kurang.")).orElseThrow();
                break;
            case DISPATCHED_TO_EAST_KALIMANTAN:
                world.lapor.execute(verifier, n, Command.Verify.to(Fixtures.EAST_KALIMANTAN, Weight.NORMAL)).orElseThrow();
                break;
            default:
                throw new IllegalStateException(p.name());
        }
        return n;
    }
}
