package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's own listener accounts for the whole client: every exchange, every submit refused before sending,
 * every task it submitted seen to end, whichever view made the call.
 */
class AccountingListenerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<ExchangeEvent> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private final ClientListener accounting = new ClientListener() {
        @Override
        public void onExchange(ExchangeEvent event) {
            exchanges.add(event);
        }

        @Override
        public void onSubmitRefused(EffectRequest request, ModellixException reason) {
            refused.add(request.effect() + ": " + reason.getClass().getSimpleName());
        }

        @Override
        public void onTaskEnd(EffectTask task, String effect, Duration sinceSubmit) {
            ended.add(task.taskId() + " " + effect + " " + task.rawStatus() + " " + !sinceSubmit.isNegative());
        }
    };

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void hearsEachAttemptAsAnExchangeWithItsStatusEvenThroughAViewWithItsOwnListener() throws Exception {
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(200, ScriptedServer.task("pending", ""))) {
            KlingEffectsClient client = Clients.against(server, new FakeTiming()).executor(executor).listener(accounting).build();

            client.withOptions(RequestOptions.builder().listener(new ClientListener() {}).build()).getTask("task-1");
            awaitListenerCalls();

            assertThat(exchanges).extracting(ExchangeEvent::operation).containsExactly("get_task", "get_task");
            assertThat(exchanges).extracting(ExchangeEvent::httpStatus).containsExactly(503, 200);
            assertThat(exchanges).allSatisfy(event -> {
                assertThat(event.error()).isNull();
                assertThat(event.duration().isNegative()).isFalse();
            });
        }
    }

    @Test
    void hearsAnExchangeWithoutAnswerAsStatusZeroWithItsError() throws Exception {
        int closedPort;
        try (ScriptedServer server = new ScriptedServer()) {
            closedPort = Integer.parseInt(server.baseUrl().replaceAll(".*:", ""));
        }
        KlingEffectsClient client = KlingEffectsClient.builder().baseUrl("http://127.0.0.1:" + closedPort).apiKey(Clients.KEY)
                .retryPolicy(RetryPolicy.none()).executor(executor).listener(accounting).build();

        assertThatThrownBy(() -> client.getTask("task-1")).isInstanceOf(ModellixConnectionException.class);
        awaitListenerCalls();

        assertThat(exchanges).singleElement().satisfies(event -> {
            assertThat(event.httpStatus()).isZero();
            assertThat(event.error()).isNotNull();
        });
    }

    @Test
    void hearsASubmitRefusedByAPreCheckAndNoExchange() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            KlingEffectsClient client = Clients.against(server, new FakeTiming()).executor(executor).listener(accounting).build();

            assertThatThrownBy(() -> client.submit(EffectRequest.singleImage("pet_lion_pr", "https://example.com/cat.jpg")))
                    .isInstanceOf(InvalidRequestException.class);
            awaitListenerCalls();

            assertThat(refused).containsExactly("pet_lion_pr: InvalidRequestException");
            assertThat(exchanges).isEmpty();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void hearsATaskItSubmittedEndOnceWithItsEffect() throws Exception {
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.submitted())
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())
                .then(200, ScriptedServer.success())) {
            KlingEffectsClient client = Clients.against(server, new FakeTiming()).executor(executor).listener(accounting).build();

            client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"));
            client.getTask("task-1");
            client.getTask("task-1");
            client.getTask("task-1");
            awaitListenerCalls();

            assertThat(ended).containsExactly("task-1 pet_lion_pro success true");
            assertThat(exchanges).extracting(ExchangeEvent::operation).containsExactly("submit", "get_task", "get_task", "get_task");
        }
    }

    @Test
    void countsTheSubmitsWaitingForAPermit() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted("task-1"));
             KlingEffectsClient client = Clients.against(server, new FakeTiming()).maxUnfinishedTasks(1).build()) {
            EffectRequest lion = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");
            client.submit(lion);
            assertThat(client.waitingForPermit()).isZero();

            CompletableFuture<SubmittedTask> second = client.submitAsync(lion);

            assertThat(client.waitingForPermit()).isEqualTo(1);
            second.cancel(true);
        }
    }

    private void awaitListenerCalls() throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
