package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The …Async calls hold no thread while they wait, and a cancelled call sends nothing more. */
class AsyncTest {

    private static final EffectRequest LION = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    /** The client's only thread in most tests, so a test can wait until every step queued on it has run. */
    private final ExecutorService oneThread = Executors.newSingleThreadExecutor();
    private final ManualTiming timing = new ManualTiming();
    private final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void stop() {
        server.close();
        oneThread.shutdownNow();
    }

    private void drainClientThread() throws Exception {
        oneThread.submit(() -> { }).get();
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("kling-effects-client")).count();
    }

    private List<CompletableFuture<EffectTask>> awaitMany(KlingEffectsClient client, int count) {
        List<CompletableFuture<EffectTask>> awaits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            awaits.add(client.awaitCompletionAsync("task-1", Duration.ofHours(1)));
        }
        return awaits;
    }

    @Test
    void a100AwaitsShareOneThreadBecauseNoneHoldsItWhileWaiting() throws Exception {
        server.always(200, ScriptedServer.task("processing", ""));

        var client = Clients.against(server, timing).executor(oneThread).build();

        List<CompletableFuture<EffectTask>> awaits = awaitMany(client, 100);

        // Every await has polled once and now waits for its next poll: none blocked the single thread.
        assertThat(timing.awaitWaits(100)).hasSize(100);
        assertThat(server.received()).hasSize(100);
        assertThat(awaits).noneMatch(CompletableFuture::isDone);
    }

    @Test
    void theDefaultThreadsStayBoundedWhateverTheNumberOfCalls() throws Exception {
        server.always(200, ScriptedServer.task("processing", ""));

        var client = Clients.against(server, timing).build();
        long before = clientThreads();
        List<CompletableFuture<EffectTask>> awaits = awaitMany(client, 300);
        timing.awaitWaits(300);

        // At most this client's own steps pool, the shared HTTP pool and the timer, whatever the number of calls;
        // other tests' clients may still have idle threads, counted in before.
        assertThat(clientThreads()).isLessThanOrEqualTo(before + 2L * ClientThreads.SIZE + 1);
        awaits.forEach(await -> await.cancel(true));
    }

    @Test
    void cancellingAnAwaitCancelsItsWaitSoItNeverPollsAgain() throws Exception {
        server.always(200, ScriptedServer.task("processing", ""));

        var client = Clients.against(server, timing).executor(oneThread).build();
        List<CompletableFuture<EffectTask>> awaits = awaitMany(client, 40);
        List<CompletableFuture<Void>> waits = timing.awaitWaits(40);

        awaits.forEach(await -> await.cancel(true));
        drainClientThread(); // every step already queued on the client's thread has run

        assertThat(waits).allMatch(CompletableFuture::isCancelled);
        assertThat(server.received()).hasSize(40);
    }

    @Test
    void cancellingAReadWaitingToRetryAfterA429SendsNothingMore() throws Exception {
        server.then(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"), Map.of("Retry-After", "10"))
                .always(200, ScriptedServer.task("pending", ""));

        var client = Clients.against(server, timing).executor(oneThread).build();
        CompletableFuture<EffectTask> poll = client.getTaskAsync("task-1");
        CompletableFuture<Void> retryWait = timing.awaitWaits(1).get(0);

        poll.cancel(true);
        drainClientThread();

        assertThat(retryWait).isCancelled();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anInterruptedBlockingAwaitStopsPollingAndNamesTheTask() throws Exception {
        server.always(200, ScriptedServer.task("processing", ""));

        var client = Clients.against(server, timing).executor(oneThread).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                client.awaitCompletion("task-1", Duration.ofHours(1));
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        CompletableFuture<Void> wait = timing.awaitWaits(1).get(0);

        waiter.interrupt();
        waiter.join();
        drainClientThread();

        assertThat(thrown.get()).isInstanceOf(ModellixException.class).hasMessageContaining("task-1");
        assertThat(((ModellixException) thrown.get()).taskId()).isEqualTo("task-1");
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(wait).isCancelled();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aSubmitCancelledWhileWaitingForAPermitGivesItsPlaceToTheNext() throws Exception {
        server.then(200, ScriptedServer.submitted("task-a"))
                .then(200, ScriptedServer.success("task-a"))
                .then(200, ScriptedServer.submitted("task-c"));

        var client = Clients.against(server, new FakeTiming()).maxUnfinishedTasks(1).build();
        assertThat(client.submitAsync(LION).get().taskId()).isEqualTo("task-a");
        CompletableFuture<SubmittedTask> second = client.submitAsync(LION);
        CompletableFuture<SubmittedTask> third = client.submitAsync(LION);
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();

        second.cancel(true);
        client.getTask("task-a"); // seen to end: its permit comes back

        assertThat(third.get().taskId()).isEqualTo("task-c");
        assertThat(server.received()).extracting(ScriptedServer.Received::method).containsExactly("POST", "GET", "POST");
    }

    @Test
    void aBlockingCallInsideAnAsyncCallbackDoesNotStarveTheClientsThreads() throws Exception {
        server.always(200, ScriptedServer.success());
        var client = Clients.against(server, new FakeTiming()).build();

        // Far more callbacks blocking on the client than it has default threads: each needs more steps to end.
        List<CompletableFuture<EffectTask>> chained = new ArrayList<>();
        for (int i = 0; i < 4 * ClientThreads.SIZE; i++) {
            chained.add(client.getTaskAsync("task-1").thenApply(task -> client.awaitCompletion(task.taskId(), Duration.ofMinutes(1))));
        }

        var all = CompletableFuture.allOf(chained.toArray(CompletableFuture[]::new));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> all.get());
        assertThat(chained).allMatch(future -> future.join().status() == TaskStatus.SUCCESS);
    }
}
