package id.lapor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.Outcome;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.lifecycle.CommandKind;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.lifecycle.State;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state x command x role, against the matrix written by hand in {@code lifecycle-matrix.csv}:
 * what it lists is accepted and leads where it says; everything else is refused and changes nothing.
 */
class LifecycleMatrixTest {
    private static final Map<String, State> EXPECTED = readMatrix();

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (State s : State.values()) {
            for (CommandKind c : CommandKind.values()) {
                for (Role r : Role.values()) {
                    all.add(Arguments.of(s, c, r));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} x {1} x {2}")
    @MethodSource("everyCombination")
    @DisplayName("allowed moves succeed and lead where the matrix says; every other move is refused and stores nothing")
    void matrix(State state, CommandKind command, Role role) {
        World world = new World();
        World.Reached reached = world.reach(state);
        Actor actor = world.actor(role, reached.secret());
        Complaint before = world.store.find(reached.trackingNumber()).orElseThrow();

        Outcome outcome = world.lapor.execute(actor, reached.trackingNumber(), World.command(command));

        State expected = EXPECTED.get(state + "," + command + "," + role);
        Complaint after = world.store.find(reached.trackingNumber()).orElseThrow();
        if (expected != null) {
            assertThat(outcome).as("%s may %s in %s", role, command, state).isInstanceOf(Outcome.Accepted.class);
            assertThat(after.state()).isEqualTo(expected);
            assertThat(after.version()).isGreaterThan(before.version())
                    .isEqualTo(world.store.history(reached.trackingNumber()).size());
        } else {
            assertThat(outcome).as("%s may not %s in %s", role, command, state).isInstanceOf(Outcome.Refused.class);
            Refusal refusal = ((Outcome.Refused) outcome).refusal();
            assertThat(refusal.state()).isEqualTo(state);
            assertThat(refusal.command()).isEqualTo(command);
            assertThat(refusal.role()).isEqualTo(role);
            assertThat(refusal.reason()).isIn(Refusal.Reason.ILLEGAL_IN_STATE, Refusal.Reason.ROLE_NOT_ALLOWED);
            assertThat(after).isEqualTo(before);
            assertThat(world.store.history(reached.trackingNumber())).hasSize((int) before.version());
        }
    }

    private static Map<String, State> readMatrix() {
        Map<String, State> expected = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LifecycleMatrixTest.class.getResourceAsStream("/lifecycle-matrix.csv"), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("state,")) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 4) {
                    throw new IllegalStateException("lifecycle-matrix.csv line " + number + ": expected 4 fields");
                }
                State.valueOf(f[0]);
                CommandKind.valueOf(f[1]);
                Role.valueOf(f[2]);
                if (expected.put(f[0] + "," + f[1] + "," + f[2], State.valueOf(f[3])) != null) {
                    throw new IllegalStateException("lifecycle-matrix.csv line " + number + ": listed twice");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return expected;
    }
}
