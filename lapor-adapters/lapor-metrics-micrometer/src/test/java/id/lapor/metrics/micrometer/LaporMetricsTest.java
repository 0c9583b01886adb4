package id.lapor.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Lapor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.memory.InMemoryComplaintStore;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.Backoff;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.DeliveryException;
import id.lapor.core.notification.Medium;
import id.lapor.core.relay.OutboxRelay;
import id.lapor.testkit.Fixtures;
import id.lapor.testkit.ManualDueWork;
import id.lapor.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LaporMetricsTest {
    private final SettableClock clock = SettableClock.at("2026-04-14T02:00:00Z");
    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LaporMetrics metrics = LaporMetrics.builder().clock(clock).store(store).outbox(store).dueWork(store).build();
    private final Lapor lapor;

    LaporMetricsTest() {
        metrics.bindTo(registry);
        lapor = Fixtures.laporBuilder(store, clock).listener(metrics).build();
    }

    private double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private TrackingNumber submit(Channel channel) {
        return lapor.submit(Fixtures.officer(Role.VERIFIER, Fixtures.CITY),
                Fixtures.report().channel(channel).reporter(Reporter.phoneOnly("+6281234567890")).build()).trackingNumberOrThrow();
    }

    @Test
    @DisplayName("complaints are counted per channel and accepted commands per kind and role")
    void complaintsAndCommands() {
        submit(Channel.WEB);
        submit(Channel.WEB);
        TrackingNumber sms = submit(Channel.SMS);
        lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), sms, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL)).orElseThrow();
        lapor.execute(Fixtures.officer(Role.UNIT_OPERATOR, Fixtures.PUBLIC_WORKS), sms, new Command.Hold("lokasi?")).orElseThrow();

        assertThat(count(LaporMetrics.RECEIVED, "channel", "web")).isEqualTo(2);
        assertThat(count(LaporMetrics.RECEIVED, "channel", "sms")).isEqualTo(1);
        assertThat(count(LaporMetrics.COMMANDS, "kind", "submit", "role", "verifier")).isEqualTo(3);
        assertThat(count(LaporMetrics.COMMANDS, "kind", "verify")).isEqualTo(1);
        assertThat(count(LaporMetrics.COMMANDS, "kind", "hold", "role", "unit-operator")).isEqualTo(1);
        // the clock's own events are no commands
        assertThat(registry.find(LaporMetrics.COMMANDS).counters()).hasSize(3);
    }

    @Test
    @DisplayName("SLA warnings and breaches are counted per unit and stage; the due-work lag shows what waits")
    void slaAndLag() {
        TrackingNumber dispatched = submit(Channel.WEB);
        lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), dispatched, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL))
                .orElseThrow();
        submit(Channel.WEB);
        assertThat(gauge(LaporMetrics.DUE_LAG)).isZero();

        clock.advance(Duration.ofDays(20));
        assertThat(gauge(LaporMetrics.DUE_LAG)).isGreaterThan(Duration.ofDays(10).toSeconds());
        new ManualDueWork(lapor, store, clock).runDue();
        assertThat(gauge(LaporMetrics.DUE_LAG)).isZero();

        assertThat(count(LaporMetrics.SLA_WARNINGS, "unit", Fixtures.PUBLIC_WORKS.value(), "stage", "follow-up")).isEqualTo(1);
        assertThat(count(LaporMetrics.SLA_BREACHES, "unit", Fixtures.PUBLIC_WORKS.value(), "stage", "follow-up")).isEqualTo(1);
        assertThat(count(LaporMetrics.SLA_BREACHES, "unit", "unrouted", "stage", "verification")).isEqualTo(1);
        assertThat(count(LaporMetrics.COMMANDS, "kind", "escalate", "role", "system")).isPositive();
    }

    @Test
    @DisplayName("the outbox backlog, failures and parked messages are visible")
    void outbox() {
        submit(Channel.WEB);
        submit(Channel.WEB);
        assertThat(gauge(LaporMetrics.OUTBOX_BACKLOG)).isEqualTo(4);
        AtomicBoolean down = new AtomicBoolean(true);
        Courier sms = new Courier() {
            @Override
            public Medium medium() {
                return Medium.SMS;
            }

            @Override
            public void deliver(Delivery delivery) {
                if (down.get()) {
                    throw DeliveryException.transientFailure("gateway down", null);
                }
            }
        };
        OutboxRelay relay = OutboxRelay.builder().clock(clock).outbox(store).complaints(store).addressBook(AddressBook.none())
                .courier(sms).backoff(Backoff.fixed(Duration.ofMinutes(1))).maxAttempts(5).listener(metrics).build();
        relay.relay();
        assertThat(count(LaporMetrics.OUTBOX_ATTEMPTS, "outcome", "failed", "topic", "complaint.received")).isEqualTo(2);
        assertThat(count(LaporMetrics.OUTBOX_ATTEMPTS, "outcome", "parked", "topic", "complaint.submitted")).isEqualTo(2);
        assertThat(gauge(LaporMetrics.OUTBOX_BACKLOG)).isEqualTo(2);
        assertThat(gauge(LaporMetrics.OUTBOX_PARKED)).isEqualTo(2);

        down.set(false);
        clock.advance(Duration.ofMinutes(3));
        relay.relay();
        assertThat(count(LaporMetrics.OUTBOX_ATTEMPTS, "outcome", "delivered", "topic", "complaint.received")).isEqualTo(2);
        assertThat(gauge(LaporMetrics.OUTBOX_BACKLOG)).isZero();
        // written at the start, delivered three minutes later
        assertThat(registry.get(LaporMetrics.OUTBOX_AGE).tag("topic", "complaint.received").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(2 * 180);
    }
}
