package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listener hears retries and status changes, and cannot break the call it listens to. */
class ListenerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void hearsEveryRetryWithTheFailedAttemptAndTheWait() throws Exception {
        List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(500, ScriptedServer.error(500, "Internal error: oops"))
                .then(200, ScriptedServer.task("pending", ""))) {
            FakeTiming timing = new FakeTiming();
            var client = Clients.against(server, timing).executor(executor).listener(new ClientListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    retries.add(event);
                }
            }).build();

            client.getTask("task-1");
            awaitListenerCalls();

            assertThat(retries).extracting(RetryEvent::attempt).containsExactly(1, 2);
            assertThat(retries).extracting(RetryEvent::operation).containsOnly("get task task-1");
            assertThat(retries).extracting(RetryEvent::delay).isEqualTo(timing.sleeps);
            assertThat(retries.get(0).failure()).isInstanceOf(ServerException.class).hasMessageContaining("503");
        }
    }

    @Test
    void hearsEachStatusChangeWhileAwaitingOncePerChange() throws Exception {
        List<String> changes = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.task("pending", ""))
                .then(200, ScriptedServer.task("pending", ""))
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).executor(executor).build();
            var listening = client.withOptions(RequestOptions.builder().listener(new ClientListener() {
                @Override
                public void onStatusChange(EffectTask task, String previousStatus) {
                    changes.add(previousStatus + "->" + task.rawStatus());
                }
            }).build());

            listening.awaitCompletion("task-1", Duration.ofMinutes(5));
            awaitListenerCalls();

            assertThat(changes).containsExactly("null->pending", "pending->processing", "processing->success");
        }
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheCallGoesOn() throws Exception {
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).executor(executor).listener(new ClientListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    throw new IllegalStateException("listener bug");
                }

                @Override
                public void onStatusChange(EffectTask task, String previousStatus) {
                    throw new IllegalStateException("listener bug");
                }
            }).build();

            List<LogRecord> logged;
            try (CapturedLog log = CapturedLog.of(KlingEffectsClient.class.getName())) {
                assertThat(client.awaitCompletion("task-1", Duration.ofMinutes(5)).status()).isEqualTo(TaskStatus.SUCCESS);
                awaitListenerCalls();
                logged = log.records();
            }

            assertThat(logged).hasSize(3).allSatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getThrown()).hasMessage("listener bug");
            });
        }
    }

    /** Listener calls run apart from the call: once the executor has ended, every one queued has run. */
    private void awaitListenerCalls() throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aListenerThatBlocksOnTheCallersForkJoinPoolOfOneThreadDelaysNotTheCallsItHears() throws Exception {
        // The common pool on two processors has one thread: a listener call blocking it held up every step.
        ForkJoinPool oneThread = new ForkJoinPool(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch heard = new CountDownLatch(1);
        ClientListener blocking = new ClientListener() {
            @Override
            public void onStatusChange(EffectTask task, String previousStatus) {
                heard.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).executor(oneThread).listener(blocking).build();
            try {
                client.awaitCompletionAsync("task-1", Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);
                assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();

                CompletableFuture<EffectTask> second = client.awaitCompletionAsync("task-1", Duration.ofMinutes(1));

                assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCESS);
            } finally {
                release.countDown();
                oneThread.shutdown();
            }
        }
    }

    @Test
    void listenerCallsStillRunWhenTheCallersPoolCannotStartAnotherThread() throws Exception {
        // The pool tries to start a thread to stand in while a listener runs; when that fails, the calls
        // must run all the same (they used to be rescheduled and fail again, in a loop, never heard).
        AtomicInteger threadsStarted = new AtomicInteger();
        ForkJoinPool noSpares = new ForkJoinPool(1, pool -> {
            if (threadsStarted.incrementAndGet() > 1) {
                throw new IllegalStateException("no thread to spare");
            }
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }, null, false);
        List<String> changes = new CopyOnWriteArrayList<>();
        CountDownLatch heard = new CountDownLatch(2);
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).executor(noSpares).listener(new ClientListener() {
                @Override
                public void onStatusChange(EffectTask task, String previousStatus) {
                    changes.add(previousStatus + "->" + task.rawStatus());
                    heard.countDown();
                }
            }).build();
            try {
                assertThat(client.awaitCompletionAsync("task-1", Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS).status())
                        .isEqualTo(TaskStatus.SUCCESS);
                assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();

                assertThat(changes).containsExactly("null->processing", "processing->success");
            } finally {
                noSpares.shutdownNow();
            }
        }
    }

    @Test
    void aListenerThatBlocksDelaysNeitherTheCallsItHearsNorAnotherClient() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ClientListener blocking = new ClientListener() {
            @Override
            public void onStatusChange(EffectTask task, String previousStatus) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (ScriptedServer a = new ScriptedServer().always(200, ScriptedServer.success());
             ScriptedServer b = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            var clientA = Clients.against(a, new FakeTiming()).listener(blocking).build();
            var clientB = Clients.against(b, new FakeTiming()).build();
            try {
                // More blocked listener calls than a pool has threads: a shared pool starved every client.
                List<CompletableFuture<EffectTask>> awaits = new ArrayList<>();
                for (int i = 0; i < 2 * ClientThreads.SIZE; i++) {
                    awaits.add(clientA.awaitCompletionAsync("task-1", Duration.ofMinutes(1)));
                }

                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> clientB.getTask("task-1"));
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CompletableFuture.allOf(awaits.toArray(CompletableFuture[]::new)).get());
            } finally {
                release.countDown();
            }
        }
    }
}
