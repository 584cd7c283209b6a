package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An await ends at its deadline, even with a poll in flight, and says how long it really waited. */
class AwaitDeadlineTest {

    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    @Test
    void aPollThatNeverAnswersIsCutAtTheDeadlineNotAfterTheRequestTimeout() {
        try (ScriptedServer server = new ScriptedServer().alwaysHang()) {
            // The default request timeout is 60 s: an await of 1 s must not wait for it.
            var client = KlingEffectsClient.builder().baseUrl(server.baseUrl()).apiKey(Clients.KEY).build();
            long start = System.nanoTime();

            var thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(TaskTimeoutException.class,
                    () -> client.awaitCompletion("task-1", Duration.ofSeconds(1))));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
            assertThat(thrown.taskId()).isEqualTo("task-1");
            assertThat(thrown.waited()).isBetween(Duration.ofMillis(900), took);
            assertThat(thrown.getCause()).isInstanceOf(ModellixConnectionException.class);
        }
    }

    @Test
    void aSubmitAndAwaitTimeoutReportsTheWholeWaitNotTheWaitLessTheFirstInterval() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted())
                .always(200, ScriptedServer.task("processing", ""))) {
            FakeTiming timing = new FakeTiming();
            var client = Clients.against(server, timing).build();

            var thrown = catchThrowableOfType(TaskTimeoutException.class, () -> client.submitAndAwait(REQUEST, Duration.ofSeconds(2)));

            Duration waited = timing.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
            assertThat(thrown.waited()).isEqualTo(Duration.ofMillis(waited.toMillis())).isGreaterThan(Duration.ofMillis(1400));
            assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(thrown.getMessage()).contains("after " + thrown.waited());
        }
    }
}
