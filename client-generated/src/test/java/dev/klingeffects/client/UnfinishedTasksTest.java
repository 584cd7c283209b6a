package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A task that may still be running upstream keeps its permit, but the client follows it until it ends, so
 * the permit always comes back and the task's id is never lost.
 */
class UnfinishedTasksTest {

    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");
    /** Far beyond the few milliseconds a working client needs; the permit wait of a broken one is 10 minutes. */
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final Duration FOLLOW = Duration.ofMillis(50);

    @Test
    void aCancelledSubmitAndAwaitGivesItsPermitBackOnceTheTaskEnds() throws Exception {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted("task-1"))
                .then(200, ScriptedServer.success("task-1")).then(200, ScriptedServer.submitted("task-2"))) {
            ManualTiming timing = new ManualTiming();
            var client = Clients.against(server, timing).maxUnfinishedTasks(1).followInterval(FOLLOW).build();
            var awaiting = client.submitAndAwaitAsync(REQUEST, Duration.ofMinutes(1));
            timing.awaitWaits(1);

            awaiting.cancel(true);
            var next = assertTimeoutPreemptively(GUARD, () -> client.submit(REQUEST));

            assertThat(next.taskId()).isEqualTo("task-2");
            assertThat(server.received()).extracting(ScriptedServer.Received::method).containsExactly("POST", "GET", "POST");
        }
    }

    @Test
    void aSubmitAndAwaitTimeoutGivesItsPermitBackOnceTheTaskEnds() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted("task-1"))
                .always(200, ScriptedServer.task("task-1", "processing", ""))) {
            var client = Clients.against(server, new FakeTiming()).maxUnfinishedTasks(1).followInterval(FOLLOW).build();
            catchThrowableOfType(TaskTimeoutException.class, () -> client.submitAndAwait(REQUEST, Duration.ofSeconds(5)));

            server.then(200, ScriptedServer.success("task-1")).then(200, ScriptedServer.submitted("task-2"));
            var next = assertTimeoutPreemptively(GUARD, () -> client.submit(REQUEST));

            assertThat(next.taskId()).isEqualTo("task-2");
            assertThat(client.unfinishedTasks()).containsExactly("task-2");
        }
    }

    @Test
    void pollsFailingWith503GiveThePermitBackOnceTheTaskEnds() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted("task-1"))
                .always(503, ScriptedServer.error(503, "Service unavailable: later"))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).maxUnfinishedTasks(1)
                    .followInterval(FOLLOW).build();
            client.submit(REQUEST);
            catchThrowableOfType(ServerException.class, () -> client.awaitCompletion("task-1", Duration.ofMinutes(1)));

            server.then(200, ScriptedServer.task("task-1", "failed", ",\"error_message\":\"Image pixel is invalid\""))
                    .then(200, ScriptedServer.submitted("task-2"));
            var next = assertTimeoutPreemptively(GUARD, () -> client.submit(REQUEST));

            assertThat(next.taskId()).isEqualTo("task-2");
        }
    }

    @Test
    void aCancelledSubmitAndAwaitKeepsItsTaskIdInUnfinishedTasks() throws Exception {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted("task-1"))) {
            ManualTiming timing = new ManualTiming();
            var client = Clients.against(server, timing).build();
            var awaiting = client.submitAndAwaitAsync(REQUEST, Duration.ofMinutes(1));
            timing.awaitWaits(1);

            awaiting.cancel(true);

            assertThat(client.unfinishedTasks()).containsExactly("task-1");
        }
    }

    @Test
    void aTaskPolledToItsEndIsNoLongerUnfinished() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted("task-1"))
                .then(200, ScriptedServer.success("task-1"))) {
            var client = Clients.against(server, new FakeTiming()).build();

            client.submitAndAwait(REQUEST, Duration.ofMinutes(1));

            assertThat(client.unfinishedTasks()).isEmpty();
        }
    }

    @Test
    void aTaskFollowedForItsWholeLifetimeIsGivenUpWithoutAPoll() throws InterruptedException {
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch givenUp = new CountDownLatch(1);
        TaskFollower follower = new TaskFollower(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, taskId -> {
            polls.incrementAndGet();
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }, taskId -> givenUp.countDown(), Runnable::run);

        try (CapturedLog log = CapturedLog.of(KlingEffectsClient.class.getName())) {
            follower.follow("task-1");

            assertThat(givenUp.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(polls).hasValue(0);
            assertThat(log.records()).extracting(java.util.logging.LogRecord::getMessage)
                    .containsExactly("Task task-1 still unfinished after PT0S; no longer followed");
        }
    }
}
