package id.lapor.examples.portal;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.State;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.timing.DueWorkDriver;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.lab.generate.HistoryGenerator;
import id.lapor.lab.history.HistoryEvent;
import id.lapor.lab.history.HistoryLine;
import id.lapor.store.jdbc.JdbcComplaintStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a generated year of Kota Palangka Raya ({@code lapor-lab generate --profile city}) into the store by
 * replaying it through lapor: every report is submitted, verified, held, answered, replied to, completed or
 * archived by the officers and reporters the history implies, each at its recorded time on a {@link ReplayClock},
 * and the SLA timers fire as time passes (warnings, breaches, escalations, automatic completion). So the queue,
 * the deadlines and the statistics the portal shows are lapor's own, not pasted figures.
 *
 * <p>The year is the one that ended at most six months ago, or the current one: events after now are left out,
 * what is open stays open, and the timers overdue by now fire in a last sweep. A step the lifecycle refuses
 * (the automatic completion came first, say) is skipped and counted.
 */
final class DemoHistory {
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String[] FIRST = {"Siti", "Budi", "Rina", "Agus", "Dewi", "Yusuf", "Maria", "Andi", "Nur",
        "Hendra", "Lestari", "Rahmat", "Intan", "Joko", "Fitri", "Dimas", "Wulan", "Bayu", "Sri", "Teguh"};
    private static final String[] LAST = {"Rahayu", "Santoso", "Wijaya", "Nugroho", "Saputra", "Lubis", "Hartono",
        "Pratama", "Kurniawan", "Siregar", "Ngaju", "Tambunan", "Halim", "Syahputra", "Putri", "Setiawan"};

    /** What a load did. */
    record Result(int year, int reports, int submitted, int steps, int skipped, int timersFired, long millis) {
    }

    private final JdbcComplaintStore store;
    private final Policy policy;
    private final CalendarBook calendars;
    private final byte[] trackingKey;

    DemoHistory(JdbcComplaintStore store, Policy policy, CalendarBook calendars, byte[] trackingKey) {
        this.store = store;
        this.policy = policy;
        this.calendars = calendars;
        this.trackingKey = trackingKey.clone();
    }

    /** The year whose history is loaded at {@code now}: the current one from July, else the one before. */
    static int yearFor(Instant now) {
        return ZonedDateTime.ofInstant(now, WIB).minusMonths(6).getYear();
    }

    /** Generates {@code count} reports (seed 1708, as the lab's default) and replays them up to {@code now}. */
    Result load(int count, Instant now) {
        long started = System.nanoTime();
        int year = yearFor(now);
        List<HistoryLine> lines = new ArrayList<>(count);
        new HistoryGenerator(new HistoryGenerator.Settings(HistoryGenerator.Profile.CITY, count, 1708, year), policy)
                .generate(lines::add);

        ReplayClock clock = new ReplayClock(lines.isEmpty() ? now : lines.get(0).submittedAt());
        Lapor lapor = Lapor.builder()
                .clock(clock)
                .store(store)
                .trackingNumbers(new KeyedTrackingNumbers(trackingKey, store::nextSequence))
                .directory(policy.directory())
                .categories(policy.categories())
                .calendars(calendars)
                .policies(PolicyBook.of(policy))
                .build();
        DueWorkDriver due = new DueWorkDriver(lapor, store, 500);

        List<Step> steps = new ArrayList<>();
        for (HistoryLine line : lines) {
            if (!line.submittedAt().isBefore(now)) {
                continue;
            }
            steps.add(new Step(line.submittedAt(), line, -1));
            for (int i = 0; i < line.events().size(); i++) {
                if (line.events().get(i).at().isBefore(now)) {
                    steps.add(new Step(line.events().get(i).at(), line, i));
                }
            }
        }
        steps.sort(Comparator.comparing(Step::at).thenComparingLong(s -> s.line().line()).thenComparingInt(Step::event));

        Replay replay = new Replay(lapor);
        Instant nextDue = Instant.MAX;
        int fired = 0;
        for (Step step : steps) {
            clock.set(step.at());
            if (!step.at().isBefore(nextDue)) {
                fired += due.sweep();
            }
            replay.apply(step);
            nextDue = nextDue();
        }
        clock.set(now);
        fired += due.sweep();
        long millis = (System.nanoTime() - started) / 1_000_000;
        Result result = new Result(year, lines.size(), replay.submitted, steps.size(), replay.skipped, fired, millis);
        log.info("demo history {}: {} reports, {} steps replayed ({} skipped), {} timers fired, in {} ms", year,
                result.submitted(), result.steps(), result.skipped(), result.timersFired(), millis);
        return result;
    }

    /** When the earliest running timer of any complaint is due; far in the future when none is. */
    private Instant nextDue() {
        List<Complaint> first = store.search(ComplaintFilter.all().order(ComplaintFilter.Order.NEXT_DUE), 0, 1);
        return first.isEmpty() ? Instant.MAX : first.get(0).nextDueAt().orElse(Instant.MAX);
    }

    /** One thing that happened: the submission ({@code event} -1) or the {@code event}-th later event of a line. */
    private record Step(Instant at, HistoryLine line, int event) {
    }

    /** Applies steps in time order, remembering each report's number and secret. */
    private final class Replay {
        private final Lapor lapor;
        private final Map<String, Submission.Created> created = new HashMap<>();
        int submitted;
        int skipped;

        Replay(Lapor lapor) {
            this.lapor = lapor;
        }

        void apply(Step step) {
            HistoryLine line = step.line();
            if (step.event() < 0) {
                submit(line);
                return;
            }
            Submission.Created c = created.get(line.id());
            if (c == null) {
                skipped++;
                return;
            }
            HistoryEvent e = line.events().get(step.event());
            Optional<Complaint> now = store.find(c.trackingNumber());
            if (now.isEmpty() || !act(c, now.get(), line, e)) {
                skipped++;
                log.debug("demo history line {} ({}): {} skipped", line.line(), line.id(), e.type());
            }
        }

        private void submit(HistoryLine line) {
            int h = Math.floorMod(line.id().hashCode() * 31 + 7, 1000);
            String first = FIRST[Math.floorMod(line.id().hashCode(), FIRST.length)];
            String last = LAST[Math.floorMod(line.id().hashCode() / 7, LAST.length)];
            String phone = "+62811" + String.format(Locale.ROOT, "%07d", Long.parseLong(line.id()) % 10_000_000);
            Reporter reporter = line.channel() == Channel.SMS ? Reporter.phoneOnly(phone)
                    : new Reporter(first + " " + last, h % 3 == 0 ? null : phone, "warga." + line.id() + "@example.org", null);
            String body = line.body().isBlank() ? line.title() : line.body();
            String title = line.title().isBlank() ? shorten(body, 80) : shorten(line.title(), 200);
            if (body.isBlank()) {
                body = title = "Laporan warga";
            }
            Command.Submit report = new Command.Submit(line.kind(), line.channel(), title, shorten(body, Command.MAX_TEXT), null,
                    Location.of(line.region()), line.category().orElse(null), Set.of(), List.of(), reporter,
                    h < 80, h >= 960, line.institution().orElse(null), null, "demo-history:" + line.id());
            Actor submitter = line.channel() == Channel.FRONT_DESK
                    ? Actor.officer(Role.VERIFIER, "front-desk@" + policy.verifierFor(line.region()).value(),
                            policy.verifierFor(line.region()))
                    : Actor.newReporter();
            Submission s = lapor.submit(submitter, report);
            if (s instanceof Submission.Created c) {
                created.put(line.id(), c);
                submitted++;
            } else {
                skipped++;
                log.debug("demo history line {} ({}) not submitted: {}", line.line(), line.id(), s);
            }
        }

        /** @return false when the lifecycle refused the step for every actor who could have taken it */
        private boolean act(Submission.Created c, Complaint now, HistoryLine line, HistoryEvent e) {
            TrackingNumber n = c.trackingNumber();
            Actor reporter = Actor.reporter(c.secret());
            Weight weight = line.weight().orElse(Weight.NORMAL);
            switch (e.type()) {
                case VERIFIED:
                    return firstAccepted(verifiers(now, line), n, new Command.Verify(e.unit().orElse(null), weight, null, null,
                            null, null, null, null));
                case HELD:
                    Command hold = new Command.Hold(e.note().isBlank() ? "menunggu informasi dari pelapor" : e.note());
                    return now.state() == State.SUBMITTED ? firstAccepted(verifiers(now, line), n, hold)
                            : firstAccepted(unit(now, Role.UNIT_OPERATOR), n, hold);
                case RESUMED:
                    Command resume = new Command.Resume(e.note().isBlank() ? null : e.note());
                    List<Actor> who = new ArrayList<>(unit(now, Role.UNIT_OPERATOR));
                    who.addAll(verifiers(now, line));
                    return firstAccepted(who, n, resume);
                case RETURNED:
                    return firstAccepted(unit(now, Role.UNIT_OPERATOR), n,
                            new Command.NotOurAuthority(e.note().isBlank() ? "bukan wewenang unit ini" : e.note()));
                case FOLLOWED_UP:
                    if (!firstAccepted(unit(now, Role.UNIT_OPERATOR), n, new Command.PostFollowUp(followUpText(line)))) {
                        return false;
                    }
                    Complaint after = store.find(n).orElseThrow();
                    return after.state() != State.AWAITING_APPROVAL
                            || firstAccepted(unit(after, Role.LIAISON_OFFICER), n, new Command.ApproveFollowUp());
                case REPLIED:
                    return accepted(lapor.execute(reporter, n, new Command.Reply(now.state() == State.FOLLOWED_UP
                            ? "Masalahnya belum selesai, mohon ditinjau kembali."
                            : "Berikut informasi tambahan yang diminta.")));
                case COMPLETED:
                    return accepted(lapor.execute(reporter, n, new Command.Complete("terima kasih")));
                case ARCHIVED:
                    return firstAccepted(verifiers(now, line), n, new Command.Archive(archiveReason(e.note()), null));
                default:
                    return false;
            }
        }

        private boolean firstAccepted(List<Actor> actors, TrackingNumber n, Command command) {
            for (Actor a : actors) {
                Outcome o = lapor.execute(a, n, command);
                if (accepted(o)) {
                    return true;
                }
                // Only a refusal of this actor's scope or role is worth another actor; the rest would be refused alike.
                boolean scope = o instanceof Outcome.NotFound || o instanceof Outcome.Refused r
                        && (r.refusal().reason() == id.lapor.core.lifecycle.Refusal.Reason.OUT_OF_SCOPE
                        || r.refusal().reason() == id.lapor.core.lifecycle.Refusal.Reason.ROLE_NOT_ALLOWED);
                if (!scope) {
                    return false;
                }
            }
            return false;
        }

        private boolean accepted(Outcome o) {
            return o instanceof Outcome.Accepted;
        }

        /** The verifiers of the report's region, of the institution the reporter chose, and the national coordinators. */
        private List<Actor> verifiers(Complaint c, HistoryLine line) {
            List<Actor> out = new ArrayList<>();
            UnitId regional = policy.verifierFor(line.region());
            out.add(officer(Role.VERIFIER, regional));
            c.responsibleUnit().or(c::targetInstitution).filter(u -> !u.equals(regional))
                    .ifPresent(u -> out.add(officer(Role.VERIFIER, u)));
            UnitId top = policy.verifiers();
            if (!top.equals(regional)) {
                out.add(officer(Role.VERIFIER, top));
            }
            return out;
        }

        private List<Actor> unit(Complaint c, Role role) {
            return c.responsibleUnit().map(u -> List.of(officer(role, u))).orElse(List.of());
        }

        private Actor officer(Role role, UnitId unit) {
            return Actor.officer(role, role.name().toLowerCase(Locale.ROOT) + "@" + unit.value(), unit);
        }
    }

    private String followUpText(HistoryLine line) {
        String about = line.category().flatMap(id -> policy.categories().find(id)).map(c -> c.name().toLowerCase(Locale.ROOT))
                .orElse("laporan ini");
        return "Terima kasih atas laporannya. Petugas telah meninjau lokasi dan menindaklanjuti " + about
                + "; perbaikan dijadwalkan dalam pekan ini.";
    }

    private static ArchiveReason archiveReason(String note) {
        try {
            return ArchiveReason.valueOf(note.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ArchiveReason.OTHER;
        }
    }

    private static String shorten(String s, int max) {
        String t = s.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? t.substring(0, cut) : t.substring(0, max - 1)).strip() + "…";
    }
}
