package id.lapor.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.access.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransitionsTest {
    @Test
    @DisplayName("terminal states accept nothing but a late rating")
    void terminalStates() {
        for (CommandKind c : CommandKind.values()) {
            assertThat(Transitions.isLegal(State.ARCHIVED, c)).as("ARCHIVED x %s", c).isFalse();
            assertThat(Transitions.isLegal(State.COMPLETED, c)).as("COMPLETED x %s", c).isEqualTo(c == CommandKind.RATE);
        }
    }

    @Test
    @DisplayName("no two rows give the same role the same command in the same state")
    void rowsAreUnambiguous() {
        for (Transition a : Transitions.table()) {
            for (Transition b : Transitions.table()) {
                if (a != b && a.from() == b.from() && a.command() == b.command()) {
                    assertThat(a.roles()).as("%s x %s", a.from(), a.command()).doesNotContainAnyElementsOf(b.roles());
                }
            }
        }
    }

    @Test
    @DisplayName("auditors and the public act on nothing")
    void readersDoNotAct() {
        for (State s : State.values()) {
            assertThat(Transitions.available(s, Role.AUDITOR)).isEmpty();
            assertThat(Transitions.available(s, Role.PUBLIC)).isEmpty();
        }
    }

    @Test
    @DisplayName("the README's lifecycle diagram is the one generated from the table")
    void readmeDiagramIsCurrent() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("README.md must contain Transitions.mermaid() verbatim; regenerate it with "
                + "./mvnw -q -pl lapor-examples exec:java -Dlapor.main=id.lapor.examples.PrintLifecycleDiagram")
                .contains("```mermaid\n" + Transitions.mermaid() + "```");
    }
}
