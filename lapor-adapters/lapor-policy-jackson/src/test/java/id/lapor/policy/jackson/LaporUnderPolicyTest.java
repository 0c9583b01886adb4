package id.lapor.policy.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.lifecycle.State;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** lapor running under the default SP4N-LAPOR policy: routing recorded with its explanation and version. */
class LaporUnderPolicyTest {
    private final CalendarBook calendars = PolicyResources.defaultCalendars();
    private final Policy policy = new PolicyReader(calendars).readDefault();
    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final SettableClock clock = SettableClock.at("2026-04-06T02:00:00Z");
    private final AtomicLong sequence = new AtomicLong();
    private final Lapor lapor = Lapor.builder()
            .clock(clock)
            .store(store)
            .trackingNumbers(new KeyedTrackingNumbers("policy-test-key-0123456789".getBytes(StandardCharsets.UTF_8),
                    sequence::getAndIncrement))
            .directory(policy.directory())
            .categories(policy.categories())
            .calendars(calendars)
            .policies(PolicyBook.of(policy))
            .build();

    private TrackingNumber submit(String title, String body) {
        return submit(title, body, "62.71.01.1001");
    }

    private TrackingNumber submit(String title, String body, String region) {
        return ((Submission.Created) lapor.submit(Actor.newReporter(), new Command.Submit(Kind.COMPLAINT, Channel.WEB, title,
                body, null, Location.of(region), null, Set.of(), List.of(),
                Reporter.of("Siti", "+6281234500000", null, null), false, false, null, null, null))).trackingNumber();
    }

    @Test
    @DisplayName("a new complaint is routed by the policy in force; the decision, its explanation and the policy version are in its history")
    void routedAtSubmission() {
        TrackingNumber n = submit("Kabut asap pekat", "Karhutla di pinggir kota, kabut asap masuk rumah warga.");

        Complaint c = store.find(n).orElseThrow();
        assertThat(c.routedUnit()).contains(UnitId.of("bpbd-palangkaraya"));
        assertThat(c.policy()).contains("sp4n-lapor-palangkaraya@1");
        Event.Routed routed = store.history(n).stream().flatMap(e -> e.events().stream()).filter(Event.Routed.class::isInstance)
                .map(Event.Routed.class::cast).findFirst().orElseThrow();
        assertThat(routed.rule()).isEqualTo("karhutla-kota");
        assertThat(routed.explanation()).contains("karhutla-kota");
        assertThat(c.clock().orElseThrow().policy()).contains("sp4n-lapor-palangkaraya@1");
    }

    @Test
    @DisplayName("a verifier who names no unit dispatches to the routed one; with no routed unit the verifier must name one")
    void verifyTakesTheRoutedUnit() {
        TrackingNumber fire = submit("Kabut asap", "Kebakaran lahan di dekat sekolah.");
        Actor verifier = Actor.officer(Role.VERIFIER, "admin.kota", UnitId.of("kota-palangkaraya"));

        Outcome outcome = lapor.execute(verifier, fire, new Command.Verify(null, Weight.NORMAL, null, null, null, null, null, null));
        assertThat(outcome.orElseThrow().state()).isEqualTo(State.DISPATCHED);
        assertThat(store.find(fire).orElseThrow().responsibleUnit()).contains(UnitId.of("bpbd-palangkaraya"));

        TrackingNumber elsewhere = submit("Pertanyaan", "Saya ingin bertanya tentang layanan di kota lain.", "11.71");
        assertThat(store.find(elsewhere).orElseThrow().routedUnit()).as("no rule covers Aceh: the verifiers' queue").isEmpty();
        Actor national = Actor.officer(Role.VERIFIER, "admin.nasional", UnitId.of("nasional"));
        Outcome refused = lapor.execute(national, elsewhere, new Command.Verify(null, Weight.NORMAL, null, null, null, null, null, null));
        assertThat(refused).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) refused).refusal().reason()).isEqualTo(Refusal.Reason.RULE);
        assertThat(((Outcome.Refused) refused).refusal().detail()).contains("name the unit");
    }
}
