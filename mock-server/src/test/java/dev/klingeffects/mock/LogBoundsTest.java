package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Eventually;
import dev.klingeffects.mock.support.RunningMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client sends reaches the log only clipped: a 60 KB path is one short line, never 60 KB. */
class LogBoundsTest {

    @Test
    void logsAHugePathAsOneShortLine() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try (RunningMock mock = RunningMock.start("--access-log", "true")) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String path = TASKS + "task-" + "p".repeat(60_000);
            for (int i = 0; i < 20; i++) {
                assertThat(mock.client().get(path, Map.of("Authorization", "Bearer k")).status()).isEqualTo(404);
            }

            List<String> lines = awaitAccessLines(captured, 20);

            assertThat(lines).hasSize(20).allSatisfy(line -> assertThat(line.length()).isLessThan(300));
            assertThat(lines.get(0)).contains("GET /api/v1/tasks/task-ppp").contains("...(60019 chars) 404");
        } finally {
            System.setErr(original);
        }
    }

    private static List<String> awaitAccessLines(ByteArrayOutputStream captured, int count) {
        // The access log is written after each answer has gone out: wait for the lines, not for a time.
        Eventually.await(count + " access lines", Duration.ofSeconds(5), () -> accessLines(captured).size() >= count);
        return accessLines(captured);
    }

    private static List<String> accessLines(ByteArrayOutputStream captured) {
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains(" access - ")).toList();
    }
}
