package dev.klingeffects.client.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.InvalidRequestException;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.RateLimitException;
import dev.klingeffects.client.RequestOptions;
import dev.klingeffects.client.RetryPolicy;
import dev.klingeffects.client.SubmittedTask;
import dev.klingeffects.client.TaskFailedException;
import dev.klingeffects.mock.MockServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a registry holds after real calls against the mock: every meter, with bounded tags. */
class KlingEffectsMetricsTest {

    static final EffectRequest LION = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");
    static MockServer mock;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final KlingEffectsMetrics metrics = new KlingEffectsMetrics();
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    KlingEffectsClient client;

    @BeforeAll
    static void startMock() {
        mock = ShortTaskMock.start();
    }

    @AfterAll
    static void stopMock() {
        mock.stop();
    }

    @BeforeEach
    void meteredClient() {
        client = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key").executor(executor)
                .pollInterval(Duration.ofMillis(100), Duration.ofMillis(200))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(30)))
                .listener(metrics).build();
        metrics.watch(client).bindTo(registry);
    }

    @AfterEach
    void closeClient() {
        client.close();
        executor.shutdownNow();
    }

    @Test
    void timesASuccessfulTaskAndEachOfItsRequests() throws Exception {
        client.submitAndAwait(LION, Duration.ofSeconds(30));
        awaitListenerCalls();

        assertThat(registry.get(KlingEffectsMetrics.REQUESTS)
                .tags("operation", "submit", "status", "200", "outcome", "SUCCESS", "exception", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get(KlingEffectsMetrics.REQUESTS).tags("operation", "get_task", "status", "200").timer().count())
                .isPositive();
        assertThat(registry.get(KlingEffectsMetrics.TASK_DURATION).tags("effect", "pet_lion_pro", "status", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(KlingEffectsMetrics.TASKS_UNFINISHED).gauge().value()).isZero();
    }

    @Test
    void countsARejectedSubmitAsAClientError() throws Exception {
        assertThatThrownBy(() -> withPrefer("code=400").submit(LION)).isInstanceOf(InvalidRequestException.class);
        awaitListenerCalls();

        assertThat(registry.get(KlingEffectsMetrics.REQUESTS)
                .tags("operation", "submit", "status", "400", "outcome", "CLIENT_ERROR").timer().count()).isEqualTo(1);
        assertThat(registry.find(KlingEffectsMetrics.SUBMITS_REFUSED).counter()).isNull();
    }

    @Test
    void countsARateLimitedSubmitAndItsRetry() throws Exception {
        assertThatThrownBy(() -> withPrefer("code=429").submit(LION)).isInstanceOf(RateLimitException.class);
        awaitListenerCalls();

        assertThat(registry.get(KlingEffectsMetrics.REQUESTS).tags("operation", "submit", "status", "429").timer().count())
                .isEqualTo(2);
        assertThat(registry.get(KlingEffectsMetrics.RETRIES).tags("operation", "submit", "exception", "RateLimitException")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void timesAFailedTaskByItsFinalStatus() throws Exception {
        assertThatThrownBy(() -> withPrefer("outcome=failed").submitAndAwait(LION, Duration.ofSeconds(30)))
                .isInstanceOf(TaskFailedException.class);
        awaitListenerCalls();

        assertThat(registry.get(KlingEffectsMetrics.TASK_DURATION).tags("effect", "pet_lion_pro", "status", "failed")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find(KlingEffectsMetrics.TASK_DURATION).tag("status", "success").timer()).isNull();
    }

    @Test
    void countsASubmitRefusedBeforeSendingUnderABoundedEffectTag() throws Exception {
        assertThatThrownBy(() -> client.submit(EffectRequest.singleImage("pet_lion_pr", "https://example.com/cat.jpg")))
                .isInstanceOf(InvalidRequestException.class);
        awaitListenerCalls();

        assertThat(registry.get(KlingEffectsMetrics.SUBMITS_REFUSED).tags("effect", "other", "reason", "pre_check")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find(KlingEffectsMetrics.REQUESTS).timer()).isNull();
    }

    @Test
    void gaugesUnfinishedTasksAndSubmitsWaitingForAPermit() {
        try (KlingEffectsClient capped = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key")
                .maxUnfinishedTasks(1).build()) {
            SimpleMeterRegistry own = new SimpleMeterRegistry();
            new KlingEffectsMetrics().watch(capped).bindTo(own);
            capped.submit(LION);

            CompletableFuture<SubmittedTask> second = capped.submitAsync(LION);

            assertThat(own.get(KlingEffectsMetrics.TASKS_UNFINISHED).gauge().value()).isEqualTo(1);
            assertThat(own.get(KlingEffectsMetrics.PERMITS_WAITING).gauge().value()).isEqualTo(1);
            second.cancel(true);
        }
    }

    @Test
    void noTagHoldsATaskIdOrAKey() throws Exception {
        client.submitAndAwait(LION, Duration.ofSeconds(30));
        assertThatThrownBy(() -> withPrefer("outcome=failed").submitAndAwait(LION, Duration.ofSeconds(30)));
        awaitListenerCalls();

        assertThat(registry.getMeters()).flatExtracting(meter -> meter.getId().getTags()).extracting(Tag::getValue)
                .noneMatch(value -> value.startsWith("task") || value.contains("test-key"));
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .allMatch(name -> name.startsWith("modellix.client."));
    }

    private KlingEffectsClient withPrefer(String preference) {
        return client.withOptions(RequestOptions.builder().header("Prefer", preference).build());
    }

    /** Listener calls run on the client's executor, apart from the calls they hear: let them all run. */
    private void awaitListenerCalls() throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
