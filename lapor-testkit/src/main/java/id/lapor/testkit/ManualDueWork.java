package id.lapor.testkit;

import id.lapor.core.Lapor;
import id.lapor.core.port.DueWork;
import id.lapor.core.timing.DueWorkDriver;
import java.time.Duration;
import java.time.Instant;

/**
 * Time travel for tests: move the {@link SettableClock} and run what became due, the way db-scheduler's
 * ManualScheduler does. Nothing runs in the background.
 *
 * <pre>{@code
 * ManualDueWork due = new ManualDueWork(lapor, store, clock);
 * int fired = due.advance(Duration.ofDays(30));   // every overdue warning, breach and escalation, once, in order
 * }</pre>
 */
public final class ManualDueWork {
    private final SettableClock clock;
    private final DueWorkDriver driver;

    public ManualDueWork(Lapor lapor, DueWork dueWork, SettableClock clock) {
        this.clock = clock;
        this.driver = new DueWorkDriver(lapor, dueWork);
    }

    /** Runs what is due now. @return how many timers fired */
    public int runDue() {
        return driver.sweep();
    }

    /** Moves the clock forward by {@code by}, then runs what is due. @return how many timers fired */
    public int advance(Duration by) {
        clock.advance(by);
        return runDue();
    }

    /** Moves the clock to {@code instant}, then runs what is due. @return how many timers fired */
    public int advanceTo(Instant instant) {
        clock.set(instant);
        return runDue();
    }
}
