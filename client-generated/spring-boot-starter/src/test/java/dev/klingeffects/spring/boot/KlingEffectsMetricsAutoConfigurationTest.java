package dev.klingeffects.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.micrometer.KlingEffectsMetrics;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With Micrometer and Boot's metrics support, the auto-configured client is metered in the application's registry. */
class KlingEffectsMetricsAutoConfigurationTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().wallClock()
            .flags("--pending-ms", "100", "--processing-ms", "300").build();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, KlingEffectsAutoConfiguration.class,
                    KlingEffectsMetricsAutoConfiguration.class))
            .withPropertyValues("modellix.api-key=test-key", "modellix.poll.first-interval=100ms");

    @Test
    void metersTheAutoConfiguredClientInTheApplicationsRegistry() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        runner.withPropertyValues("modellix.base-url=" + mock.baseUrl())
                .withBean(KlingEffectsClientBuilderCustomizer.class, () -> builder -> builder.executor(executor)).run(context -> {
            KlingEffectsClient client = context.getBean(KlingEffectsClient.class);
            client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(30));
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            // Listener calls run on the client's executor, apart from the calls they hear: let them all run.
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(registry.get(KlingEffectsMetrics.REQUESTS).tags("operation", "submit", "status", "200").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(KlingEffectsMetrics.TASK_DURATION).tags("effect", "pet_lion_pro", "status", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get(KlingEffectsMetrics.TASKS_UNFINISHED).gauge().value()).isZero();
        });
    }

    @Test
    void observesEachCallOfTheClientBeanWhenTheApplicationHasAnObservationRegistry() {
        List<String> observed = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observed.add(context.getName() + " " + context.getLowCardinalityKeyValue("operation").getValue());
            }
        });
        runner.withPropertyValues("modellix.base-url=" + mock.baseUrl())
                .withBean(ObservationRegistry.class, () -> observations).run(context -> {
            context.getBean(KlingEffectsClient.class)
                    .submitAndAwait(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(30));

            assertThat(observed).containsExactly("modellix.client.call submit_and_await");
        });
    }

    @Test
    void leavesAnApplicationsOwnClientImplementationAsItIs() {
        KlingEffectsClient fake = (KlingEffectsClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KlingEffectsClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake client";
                    case "unfinishedTasks" -> java.util.Set.of();
                    case "waitingForPermit" -> 0;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        runner.withBean(ObservationRegistry.class, () -> {
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(context -> true);
            return observations;
        }).withBean("fakeClient", KlingEffectsClient.class, () -> fake).run(context ->
                assertThat(context.getBean("fakeClient")).isSameAs(fake));
    }

    @Test
    void leavesTheClientUnmeteredWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(KlingEffectsClient.class);
            assertThat(context).doesNotHaveBean("klingEffectsMetrics");
        });
    }
}
