package dev.klingeffects.client.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskNotFoundException;
import dev.klingeffects.mock.MockServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each call is one observation, as a tracer sees it: named, with its operation, ended, and failed when it failed. */
class KlingEffectsObservationTest {

    static MockServer mock;
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    final ObservationRegistry registry = ObservationRegistry.create();

    @BeforeAll
    static void startMock() {
        mock = ShortTaskMock.start();
    }

    @AfterAll
    static void stopMock() {
        mock.stop();
    }

    KlingEffectsClient observedClient() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        return KlingEffectsObservation.observe(KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key")
                .pollInterval(Duration.ofMillis(100), Duration.ofMillis(200)).build(), registry);
    }

    @Test
    void observesEachCallWithItsOperationAndEffect() {
        try (KlingEffectsClient client = observedClient()) {
            client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(30));

            assertThat(stopped).singleElement().satisfies(context -> {
                assertThat(context.getName()).isEqualTo(KlingEffectsObservation.NAME);
                assertThat(context.getLowCardinalityKeyValue("operation").getValue()).isEqualTo("submit_and_await");
                assertThat(context.getLowCardinalityKeyValue("effect").getValue()).isEqualTo("pet_lion_pro");
                assertThat(context.getError()).isNull();
            });
        }
    }

    @Test
    void recordsTheFailureOfAFailedCallBlockingOrAsync() {
        try (KlingEffectsClient client = observedClient()) {
            assertThatThrownBy(() -> client.getTask("no-such-task")).isInstanceOf(TaskNotFoundException.class);
            assertThatThrownBy(() -> client.getTaskAsync("no-such-task").join()).hasCauseInstanceOf(TaskNotFoundException.class);

            assertThat(stopped).hasSize(2).allSatisfy(context -> {
                assertThat(context.getLowCardinalityKeyValue("operation").getValue()).isEqualTo("get_task");
                assertThat(context.getError()).isNotNull();
            });
        }
    }

    @Test
    void cancellingAnObservedCallCancelsTheCall() {
        try (KlingEffectsClient client = observedClient()) {
            var future = client.submitAndAwaitAsync(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"),
                    Duration.ofMinutes(5));

            future.cancel(true);

            assertThat(future).isCancelled();
            assertThat(stopped).singleElement().satisfies(context -> assertThat(context.getError()).isNotNull());
        }
    }

    @Test
    void observesTheViewsOfTheClientToo() {
        try (KlingEffectsClient client = observedClient()) {
            assertThatThrownBy(() -> client.withOptions(dev.klingeffects.client.RequestOptions.builder().build()).getTask("x"))
                    .isInstanceOf(TaskNotFoundException.class);

            assertThat(stopped).hasSize(1);
        }
    }
}
