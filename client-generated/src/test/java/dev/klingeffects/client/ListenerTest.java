package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A listener hears retries and status changes, and cannot break the call it listens to. */
class ListenerTest {

    @Test
    void hearsEveryRetryWithTheFailedAttemptAndTheWait() {
        List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(500, ScriptedServer.error(500, "Internal error: oops"))
                .then(200, ScriptedServer.task("pending", ""))) {
            FakeTiming timing = new FakeTiming();
            var client = Clients.against(server, timing).listener(new ClientListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    retries.add(event);
                }
            }).build();

            client.getTask("task-1");

            assertThat(retries).extracting(RetryEvent::attempt).containsExactly(1, 2);
            assertThat(retries).extracting(RetryEvent::operation).containsOnly("get task task-1");
            assertThat(retries).extracting(RetryEvent::delay).isEqualTo(timing.sleeps);
            assertThat(retries.get(0).failure()).isInstanceOf(ServerException.class).hasMessageContaining("503");
        }
    }

    @Test
    void hearsEachStatusChangeWhileAwaitingOncePerChange() {
        List<String> changes = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.task("pending", ""))
                .then(200, ScriptedServer.task("pending", ""))
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).build();
            var listening = client.withOptions(RequestOptions.builder().listener(new ClientListener() {
                @Override
                public void onStatusChange(EffectTask task, String previousStatus) {
                    changes.add(previousStatus + "->" + task.rawStatus());
                }
            }).build());

            listening.awaitCompletion("task-1", Duration.ofMinutes(5));

            assertThat(changes).containsExactly("null->pending", "pending->processing", "processing->success");
        }
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheCallGoesOn() {
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).listener(new ClientListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    throw new IllegalStateException("listener bug");
                }

                @Override
                public void onStatusChange(EffectTask task, String previousStatus) {
                    throw new IllegalStateException("listener bug");
                }
            }).build();

            List<LogRecord> logged = new CopyOnWriteArrayList<>();
            Logger log = Logger.getLogger(KlingEffectsClient.class.getName());
            Handler capture = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            log.setUseParentHandlers(false);
            log.addHandler(capture);
            try {
                assertThat(client.awaitCompletion("task-1", Duration.ofMinutes(5)).state()).isEqualTo(TaskState.SUCCESS);
            } finally {
                log.removeHandler(capture);
                log.setUseParentHandlers(true);
            }

            assertThat(logged).hasSize(3).allSatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getThrown()).hasMessage("listener bug");
            });
        }
    }
}
