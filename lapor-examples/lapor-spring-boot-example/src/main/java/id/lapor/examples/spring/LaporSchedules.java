package id.lapor.examples.spring;

import id.lapor.core.relay.OutboxRelay;
import id.lapor.core.timing.DueWorkDriver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** SLA timers and the outbox on Spring's scheduler. */
@Component
class LaporSchedules {
    private final DueWorkDriver dueWork;
    private final OutboxRelay relay;

    LaporSchedules(DueWorkDriver dueWork, OutboxRelay relay) {
        this.dueWork = dueWork;
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${lapor.due-work.every:30s}", initialDelayString = "${lapor.due-work.first:5s}")
    void sweep() {
        dueWork.sweep();
    }

    @Scheduled(fixedDelayString = "${lapor.outbox.every:10s}", initialDelayString = "${lapor.outbox.first:5s}")
    void relay() {
        relay.relay();
    }
}
