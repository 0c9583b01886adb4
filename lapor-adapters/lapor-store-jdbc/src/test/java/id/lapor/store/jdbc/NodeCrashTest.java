package id.lapor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A node killed with SIGKILL ({@link Process#destroyForcibly()}) gets no chance to finish anything: an
 * append it had sent is committed or not, nothing in between. What it acknowledged must survive, what a
 * channel delivers again must not be stored twice, and the sweep it left half done must be finished by
 * the next node, each timer once.
 */
class NodeCrashTest {
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d{11}) (created|already)");
    private static final Pattern FIRED = Pattern.compile("FIRED (\\d+)");
    private static final Pattern SWEPT = Pattern.compile("SWEPT (\\S+) (\\d+)");

    @Test
    @DisplayName("a node killed in the middle of intake loses no acknowledged complaint, and the messages delivered again"
            + " create no duplicate")
    void killedDuringIntake() throws Exception {
        int messages = 1_500;
        try (TestPostgres.Schema schema = TestPostgres.newSchema()) {
            JdbcComplaintStore store = JdbcComplaintStore.builder(schema.dataSource()).migrate(true).build();
            String at = TwoNodeSweepTest.SUBMITTED_AT.toString();
            Map<Integer, String> acknowledged;
            try (NodeProcess first = NodeProcess.start("intake-1", "intake", schema.jdbcUrl(), at, "0", String.valueOf(messages))) {
                first.await(line -> line.startsWith("ACK 300 "), Duration.ofSeconds(60));
                first.kill();
                acknowledged = acks(first.lines(), "created");
            }
            assertThat(acknowledged.size()).as("acknowledged before the kill").isBetween(301, messages - 1);

            // The gateway delivers every message again, from the first: what was acknowledged and what was not.
            Map<Integer, String> again;
            Map<Integer, String> repeated;
            try (NodeProcess second = NodeProcess.start("intake-2", "intake", schema.jdbcUrl(), at, "0", String.valueOf(messages))) {
                second.awaitExit(Duration.ofSeconds(120));
                again = acks(second.lines(), null);
                repeated = acks(second.lines(), "already");
            }
            System.out.printf("intake: %d acknowledged before SIGKILL, %d found stored on delivery again%n",
                    acknowledged.size(), repeated.size());

            assertThat(again).as("every message answered").hasSize(messages);
            acknowledged.forEach((i, number) -> {
                assertThat(again.get(i)).as("message %d names the complaint acknowledged first", i).isEqualTo(number);
                assertThat(repeated).as("message %d was found, not created again", i).containsKey(i);
                assertThat(store.find(new TrackingNumber(number))).as("acknowledged complaint %s", number).isPresent();
            });
            assertThat(repeated.size() - acknowledged.size())
                    .as("stored but not acknowledged: at most the one the kill interrupted").isBetween(0, 1);
            assertThat(TwoNodeSweepTest.count(schema.dataSource(), "SELECT count(*) FROM complaint")).isEqualTo(messages);
            assertThat(TwoNodeSweepTest.count(schema.dataSource(), "SELECT count(*) FROM channel_message")).isEqualTo(messages);
            assertThat(Set.copyOf(again.values())).as("distinct complaints").hasSize(messages);
            again.forEach((i, number) -> assertThat(store.findByChannelMessage(Channel.SMS, "sms-" + i))
                    .contains(new TrackingNumber(number)));
        }
    }

    @Test
    @DisplayName("a node killed in the middle of a sweep leaves the rest to the next node, and every overdue timer fires once")
    void killedDuringSweep() throws Exception {
        int complaints = 2_000;
        Duration lease = Duration.ofMinutes(10);
        Instant sweepAt = TwoNodeSweepTest.SWEEP_AT;
        try (TestPostgres.Schema schema = TestPostgres.newSchema()) {
            JdbcComplaintStore store = JdbcComplaintStore.builder(schema.dataSource()).migrate(true).build();
            List<TrackingNumber> numbers = TwoNodeSweepTest.submitDue(store, schema.dataSource(), complaints);
            Set<String> ladder = TwoNodeSweepTest.dueTimers(store, numbers.get(0));
            int timers = complaints * ladder.size();
            String leaseMillis = String.valueOf(lease.toMillis());

            try (NodeProcess first = NodeProcess.start("sweep-1", "sweep", schema.jdbcUrl(), leaseMillis, "100", sweepAt.toString())) {
                first.await("READY"::equals, Duration.ofSeconds(60));
                first.send("GO");
                // Killed early in its sixth batch of 100 complaints: 510 done, the other 90 claimed and left undone.
                int killAt = 510 * ladder.size();
                first.await(line -> matches(FIRED, line) && Integer.parseInt(line.substring(6)) >= killAt, Duration.ofSeconds(120));
                first.kill();
            }
            long firedBefore = firedTimers(schema);
            assertThat(firedBefore).as("timers fired before the kill").isBetween(510L * ladder.size(), 600L * ladder.size() - 1);

            // The next node sweeps at the same instant, then once the dead node's claims have lapsed.
            Map<String, Integer> swept = new HashMap<>();
            try (NodeProcess second = NodeProcess.start("sweep-2", "sweep", schema.jdbcUrl(), leaseMillis, "100",
                    sweepAt.toString(), sweepAt.plus(lease).toString())) {
                second.await("READY"::equals, Duration.ofSeconds(60));
                second.send("GO");
                second.awaitExit(Duration.ofSeconds(120));
                for (String line : second.lines()) {
                    Matcher m = SWEPT.matcher(line);
                    if (m.matches()) {
                        swept.put(m.group(1), Integer.parseInt(m.group(2)));
                    }
                }
            }
            int atOnce = swept.get(sweepAt.toString());
            int afterLease = swept.get(sweepAt.plus(lease).toString());
            System.out.printf("sweep: %d of %d timers fired before SIGKILL, %d by the next node at once, %d after the"
                    + " dead node's claims lapsed%n", firedBefore, timers, atOnce, afterLease);

            assertThat(firedBefore + atOnce + afterLease).as("every timer fired by one node or the other").isEqualTo(timers);
            assertThat(afterLease).as("the dead node's claimed complaints, taken up once its lease was over").isPositive();
            TwoNodeSweepTest.assertEachTimerFiredOnce(schema.dataSource(), complaints, ladder);
            assertThat(TwoNodeSweepTest.dueAt(schema.dataSource(), sweepAt.plus(lease))).as("complaints still due").isZero();
        }
    }

    private static long firedTimers(TestPostgres.Schema schema) throws java.sql.SQLException {
        return TwoNodeSweepTest.count(schema.dataSource(),
                "SELECT count(*) FROM complaint_event WHERE event_type IN " + TwoNodeSweepTest.TIMER_EVENTS);
    }

    /** Message number to tracking number, from the whole {@code ACK} lines of the given kind (null: any). */
    private static Map<Integer, String> acks(List<String> lines, String kind) {
        Map<Integer, String> out = new HashMap<>();
        for (String line : lines) {
            Matcher m = ACK.matcher(line);
            // A line the kill cut short does not match: that message was not acknowledged.
            if (m.matches() && (kind == null || kind.equals(m.group(3)))) {
                assertThat(out.put(Integer.parseInt(m.group(1)), m.group(2))).as("message %s acknowledged once", m.group(1))
                        .isNull();
            }
        }
        return out;
    }

    private static boolean matches(Pattern pattern, String line) {
        return pattern.matcher(line).matches();
    }
}
