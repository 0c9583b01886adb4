package id.lapor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.Violation;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.State;
import id.lapor.core.view.ComplaintView;
import id.lapor.testkit.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubmissionTest {
    private final World world = new World();

    @Test
    @DisplayName("a report with many faults is refused with every field at fault listed, and nothing is stored")
    void everyFieldAtFault() {
        Command.Submit bad = new Command.Submit(null, Channel.WEB, " ", "x".repeat(10_001), LocalDate.of(2030, 1, 1),
                new Location(RegionCode.of("62.71"), 95.0, null, null), CategoryId.of("no-such-category"),
                Set.of("ok", "#bad tag"), List.of(new AttachmentRef("", "jpeg", null)),
                new Reporter("Budi", "12ab", "not-an-email", "123"), false, false, UnitId.of("no-such-unit"), null, null);

        Submission result = world.lapor.submit(Actor.newReporter(), bad);

        assertThat(result).isInstanceOf(Submission.Invalid.class);
        assertThat(((Submission.Invalid) result).violations()).extracting(Violation::field).contains(
                "kind", "title", "body", "incidentDate", "location.latitude", "location.pointComplete", "category",
                "reporter.phone", "reporter.email", "reporter.nationalId", "attachments[0].uri",
                "attachments[0].mediaType", "targetInstitution");
        assertThat(((Submission.Invalid) result).violations()).anySatisfy(v -> assertThat(v.field()).startsWith("tags["));
        assertThat(world.store.size()).isZero();
    }

    @Test
    @DisplayName("a NUL character anywhere in a report is refused with the field named")
    void nulCharacters() {
        Submission result = world.lapor.submit(Actor.newReporter(), Fixtures.report().body("jalan\u0000rusak")
                .reporter(new Reporter("Bu\u0000di", "+6281234567890", null, null)).build());
        assertThat(((Submission.Invalid) result).violations()).extracting(Violation::field)
                .containsExactly("body", "reporter.name");
        Submission halfEmoji = world.lapor.submit(Actor.newReporter(), Fixtures.report().title("Jalan rusak \uD83D").build());
        assertThat(((Submission.Invalid) halfEmoji).violations()).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("title",
                        "must not contain unpaired surrogates (half of a character outside the Basic Multilingual Plane)"));
        assertThat(world.lapor.submit(Actor.newReporter(), Fixtures.report().title("Jalan rusak \uD83D\uDEA7").build()))
                .as("a whole emoji is fine").isInstanceOf(Submission.Created.class);
        assertThat(world.store.size()).isOne();
    }

    @Test
    @DisplayName("a reporter without phone or e-mail is refused: they could not be told anything")
    void reporterNeedsContact() {
        Submission result = world.lapor.submit(Actor.newReporter(),
                Fixtures.report().reporter(new Reporter("Anon", null, null, null)).build());
        assertThat(((Submission.Invalid) result).violations()).extracting(Violation::field).containsExactly("reporter.reachable");
    }

    @Test
    @DisplayName("a web report gets an 8-digit PIN as its secret; an SMS report's secret is the reporting phone")
    void secrets() {
        Submission.Created web = (Submission.Created) world.lapor.submit(Actor.newReporter(), Fixtures.report().build());
        Submission.Created sms = (Submission.Created) world.lapor.submit(Actor.system("sms"),
                Fixtures.report().channel(Channel.SMS).reporter(Reporter.phoneOnly("+6281111222333")).build());

        assertThat(web.secret()).matches("[0-9]{8}");
        assertThat(sms.secret()).isEqualTo("+6281111222333");
        assertThat(world.lapor.view(Actor.reporter("+6281111222333"), sms.trackingNumber())
                .flatMap(ComplaintView::reporter)).isPresent();
        assertThat(web.toString()).doesNotContain(web.secret());
    }

    @Test
    @DisplayName("a bad command lists its faults and changes nothing")
    void invalidCommand() {
        World.Reached r = world.reach(State.SUBMITTED);
        long version = world.store.find(r.trackingNumber()).orElseThrow().version();
        Outcome outcome = world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), r.trackingNumber(),
                new Command.Verify(null, null, Kind.COMPLAINT, "", null, Set.of(), null, null));
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid) outcome).violations()).extracting(Violation::field).containsExactly("title", "weight");
        assertThat(world.store.find(r.trackingNumber()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    @DisplayName("an officer outside the unit is refused as out of scope; a confidential complaint is simply not found")
    void scope() {
        World.Reached open = world.reach(State.DISPATCHED);
        Outcome outsider = world.lapor.execute(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH), open.trackingNumber(),
                new Command.PostFollowUp("Bukan urusan kami"));
        assertThat(outsider).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outsider).refusal().reason()).isEqualTo(id.lapor.core.lifecycle.Refusal.Reason.OUT_OF_SCOPE);

        Submission.Created secret = (Submission.Created) world.lapor.submit(Actor.newReporter(),
                Fixtures.report().confidential(true).build());
        assertThat(world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.EAST_KALIMANTAN), secret.trackingNumber(),
                new Command.Hold("?"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(world.lapor.view(Actor.publicVisitor(), secret.trackingNumber())).isEmpty();
        assertThat(world.lapor.view(Actor.reporter(secret.secret()), secret.trackingNumber())).isPresent();
    }

    @Test
    @DisplayName("an operator's follow-up in a unit without approval reaches the reporter at once")
    void noApprovalNeeded() {
        World.Reached r = world.reach(State.SUBMITTED);
        Actor verifier = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
        world.lapor.execute(verifier, r.trackingNumber(), Command.Verify.to(Fixtures.HEALTH,
                id.lapor.core.complaint.Weight.MINOR)).orElseThrow();
        Outcome posted = world.lapor.execute(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.HEALTH), r.trackingNumber(),
                new Command.PostFollowUp("Sudah ditangani."));
        assertThat(posted.orElseThrow().state()).isEqualTo(State.FOLLOWED_UP);
        assertThat(world.lapor.view(Actor.publicVisitor(), r.trackingNumber()).orElseThrow().latestFollowUp())
                .contains("Sudah ditangani.");
    }

    @Test
    @DisplayName("a stale expected version is a conflict, not a refusal")
    void staleVersion() {
        World.Reached r = world.reach(State.SUBMITTED);
        Outcome outcome = world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), r.trackingNumber(),
                new Command.Hold("Lengkapi lokasi"), 0);
        assertThat(outcome).isEqualTo(new Outcome.Conflict(r.trackingNumber(), 0));
    }
}
