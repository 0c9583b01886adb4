package id.lapor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleWalkthroughTest {
    @Test
    @DisplayName("the README's first command walks a complaint to COMPLETED and prints its public history without the reporter")
    void walksToCompletion() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LifecycleWalkthrough.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Instant.parse("2026-03-17T03:00:00Z"));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("reporter completes:          COMPLETED")
                .contains("reporter shown to the public: false")
                .contains("FollowUpApproved")
                .doesNotContain("Budi Santoso").doesNotContain("+6281234567890");
    }
}
