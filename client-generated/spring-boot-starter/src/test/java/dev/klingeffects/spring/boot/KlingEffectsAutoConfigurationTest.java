package dev.klingeffects.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.client.ClientListener;
import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.InvalidRequestException;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.ModellixConnectionException;
import dev.klingeffects.client.RequestOptions;
import dev.klingeffects.client.RetryEvent;
import dev.klingeffects.client.ServerException;
import dev.klingeffects.client.SubmittedTask;
import dev.klingeffects.client.AuthenticationException;
import dev.klingeffects.client.TaskNotFoundException;
import dev.klingeffects.client.TaskTimeoutException;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import dev.klingeffects.mock.junit5.MockTaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Each property and back-off rule of the auto-configuration, against the mock (which accepts only {@code right-key}). */
class KlingEffectsAutoConfigurationTest {

    static final String KEY = "right-key";

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().apiKeys(KEY).wallClock().build();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KlingEffectsAutoConfiguration.class));

    ApplicationContextRunner againstTheMock() {
        return runner.withPropertyValues("modellix.base-url=" + mock.baseUrl());
    }

    @Test
    void buildsOneClientForTheProductionApiFromTheKeyAlone() {
        runner.withPropertyValues("modellix.api-key=" + KEY).run(context -> {
            assertThat(context).hasSingleBean(KlingEffectsClient.class);
            assertThat(context.getBean(KlingEffectsClient.class).toString())
                    .contains(KlingEffectsClient.DEFAULT_BASE_URL).doesNotContain(KEY);
        });
    }

    @Test
    void sendsTheKeyFromModellixApiKeyToTheBaseUrl() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY).run(context -> {
            KlingEffectsClient client = context.getBean(KlingEffectsClient.class);
            String taskId = client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")).taskId();
            assertThat(client.getTask(taskId).taskId()).isEqualTo(taskId);
            mock.requests().assertSubmits(1);
        });
    }

    @Test
    void readsTheKeyFromTheModellixApiKeyVariableWhenThePropertyIsUnset() {
        againstTheMock().withPropertyValues("MODELLIX_API_KEY=" + KEY).run(context ->
                assertThatThrownBy(() -> context.getBean(KlingEffectsClient.class).getTask("no-such-task"))
                        .isInstanceOf(TaskNotFoundException.class));
    }

    @Test
    void thePropertyWinsOverTheVariable() {
        againstTheMock().withPropertyValues("MODELLIX_API_KEY=" + KEY, "modellix.api-key=wrong-key").run(context ->
                assertThatThrownBy(() -> context.getBean(KlingEffectsClient.class).getTask("no-such-task"))
                        .isInstanceOf(AuthenticationException.class));
    }

    @Test
    void failsAtStartUpWithoutAKeyNamingWhatToSet() {
        runner.withPropertyValues("MODELLIX_API_KEY=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingApiKeyException.class)
                    .hasMessageContaining("modellix.api-key").hasMessageContaining("MODELLIX_API_KEY");
        });
    }

    @Test
    void failsAtStartUpOnAKeyWithWhitespaceWithoutPrintingIt() {
        runner.withPropertyValues("modellix.api-key=secret-part other-secret-part").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("whitespace");
            assertThat(allMessages(context.getStartupFailure())).doesNotContain("secret-part");
        });
    }

    @Test
    void failsAtStartUpOnAPlaceholderNothingResolvedInsteadOfSendingIt() {
        runner.withPropertyValues("modellix.api-key=${SECRET_FROM_YOUR_VAULT}", "MODELLIX_API_KEY=" + KEY).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingApiKeyException.class)
                    .hasMessageContaining("placeholder");
        });
    }

    @Test
    void failsAtStartUpOnACommentAfterTheKeyWithoutPrintingEither() {
        runner.withPropertyValues("modellix.api-key=sk-secret-part   # or set MODELLIX_API_KEY").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingApiKeyException.class)
                    .hasMessageContaining("comment");
            assertThat(allMessages(context.getStartupFailure())).doesNotContain("secret-part");
        });
    }

    @Test
    void stripsANewlineOrPaddingAroundTheKey() {
        againstTheMock().withPropertyValues("modellix.api-key=  " + KEY + "\n").run(context ->
                assertThat(context.getBean(KlingEffectsClient.class).submit(
                        EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")).taskId()).isNotBlank());
    }

    @Test
    void readsABareNumberOfTheTimeoutsAsSecondsAsTheClientReadsTheirEnvironmentVariables() {
        // MODELLIX_REQUEST_TIMEOUT=30 in the environment binds to modellix.request-timeout: it must mean 30 s here too.
        runner.withPropertyValues("modellix.api-key=" + KEY, "modellix.request-timeout=30", "modellix.connect-timeout=5")
                .run(context -> {
                    KlingEffectsProperties properties = context.getBean(KlingEffectsProperties.class);
                    assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void bindsEveryPropertyWithTheClientsDefaults() {
        runner.withPropertyValues("modellix.api-key=" + KEY).run(context -> {
            KlingEffectsProperties properties = context.getBean(KlingEffectsProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(KlingEffectsClient.DEFAULT_BASE_URL);
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.retry()).isEqualTo(new KlingEffectsProperties.Retry(4, Duration.ofSeconds(1),
                    Duration.ofSeconds(30), Duration.ofMinutes(2)));
            assertThat(properties.poll()).isEqualTo(new KlingEffectsProperties.Poll(Duration.ofSeconds(1), Duration.ofSeconds(10)));
            assertThat(properties.maxUnfinishedTasks()).isZero();
            assertThat(properties.preChecks()).isTrue();
            assertThat(properties.health().enabled()).isFalse();
            assertThat(properties.toString()).doesNotContain(KEY);
        });
    }

    @Test
    void bindsEveryPropertyGiven() {
        runner.withPropertyValues("modellix.api-key=" + KEY, "modellix.base-url=http://localhost:1",
                "modellix.connect-timeout=3s", "modellix.request-timeout=7s", "modellix.retry.max-attempts=2",
                "modellix.retry.initial-backoff=10ms", "modellix.retry.max-backoff=20ms", "modellix.retry.max-total-time=5s",
                "modellix.poll.first-interval=100ms", "modellix.poll.max-interval=200ms", "modellix.max-unfinished-tasks=3",
                "modellix.pre-checks=false", "modellix.health.enabled=true", "modellix.health.cache-time=5m").run(context -> {
            KlingEffectsProperties properties = context.getBean(KlingEffectsProperties.class);
            assertThat(properties.baseUrl()).isEqualTo("http://localhost:1");
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(properties.retry()).isEqualTo(new KlingEffectsProperties.Retry(2, Duration.ofMillis(10),
                    Duration.ofMillis(20), Duration.ofSeconds(5)));
            assertThat(properties.poll()).isEqualTo(new KlingEffectsProperties.Poll(Duration.ofMillis(100), Duration.ofMillis(200)));
            assertThat(properties.maxUnfinishedTasks()).isEqualTo(3);
            assertThat(properties.preChecks()).isFalse();
            assertThat(properties.health()).isEqualTo(new KlingEffectsProperties.Health(true, Duration.ofMinutes(5)));
        });
    }

    @Test
    void triesAReadAsOftenAsRetryMaxAttemptsSays() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.retry.max-attempts=3",
                "modellix.retry.initial-backoff=1ms", "modellix.retry.max-backoff=1ms").run(context -> {
            KlingEffectsClient failing = context.getBean(KlingEffectsClient.class)
                    .withOptions(RequestOptions.builder().header("Prefer", "code=500").build());
            assertThatThrownBy(() -> failing.getTask("task-x")).isInstanceOf(ServerException.class);
            assertThat(mock.requests().all()).hasSize(3);
        });
    }

    @Test
    void endsAnExchangeAtTheRequestTimeout() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.request-timeout=200ms",
                "modellix.retry.max-attempts=1").run(context -> {
            KlingEffectsClient slow = context.getBean(KlingEffectsClient.class)
                    .withOptions(RequestOptions.builder().header("Prefer", "delay=3000").build());
            long start = System.nanoTime();
            assertThatThrownBy(() -> slow.getTask("task-x")).isInstanceOf(ModellixConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        });
    }

    @Test
    void pollsAsOftenAsThePollIntervalSays() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.poll.first-interval=50ms",
                "modellix.poll.max-interval=50ms").run(context -> {
            KlingEffectsClient client = context.getBean(KlingEffectsClient.class);
            // Held pending: the mock's own tasks end within a second, before this test has seen enough polls.
            mock.admin().createTask("task-pending", KEY, MockTaskStatus.PENDING);
            assertThatThrownBy(() -> client.awaitCompletion("task-pending", Duration.ofSeconds(3)))
                    .isInstanceOf(TaskTimeoutException.class);
            // At the default intervals (1 s growing by half) three seconds hold four polls at most.
            assertThat(mock.requests().all()).hasSizeGreaterThanOrEqualTo(10);
        });
    }

    @Test
    void holdsASubmitBeyondMaxUnfinishedTasksUntilAPermitComesBack() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.max-unfinished-tasks=1").run(context -> {
            KlingEffectsClient client = context.getBean(KlingEffectsClient.class);
            EffectRequest lion = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");
            client.submit(lion);

            CompletableFuture<SubmittedTask> second = client.submitAsync(lion);

            assertThat(client.waitingForPermit()).isEqualTo(1);
            mock.requests().assertSubmits(1);
            second.cancel(true);
        });
    }

    @Test
    void sendsANearMissOfAnEffectWhenPreChecksAreOff() {
        EffectRequest typo = EffectRequest.singleImage("pet_lion_pr", "https://example.com/cat.jpg");
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY).run(context -> {
            assertThatThrownBy(() -> context.getBean(KlingEffectsClient.class).submit(typo))
                    .isInstanceOf(InvalidRequestException.class);
            mock.requests().assertSubmits(0);
        });
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.pre-checks=false").run(context -> {
            assertThatThrownBy(() -> context.getBean(KlingEffectsClient.class).submit(typo))
                    .isInstanceOf(InvalidRequestException.class);
            mock.requests().assertSubmits(1);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnClient() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(KlingEffectsClient.class);
            assertThat(context.getBean(KlingEffectsClient.class)).isSameAs(context.getBean(OwnClient.class).client);
        });
    }

    @Test
    void closesTheClientWhenTheContextCloses() {
        KlingEffectsClient[] client = new KlingEffectsClient[1];
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY).run(context ->
                client[0] = context.getBean(KlingEffectsClient.class));
        assertThatThrownBy(() -> client[0].getTask("task-x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyListenerBeanHearsTheClientInOrder() {
        // The first listener throws on purpose: the client logs that as a warning and goes on; kept off the build log.
        Logger clientLog = Logger.getLogger(KlingEffectsClient.class.getName());
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        CountDownLatch logged = new CountDownLatch(1);
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
                logged.countDown();
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        clientLog.addHandler(capture);
        clientLog.setUseParentHandlers(false);
        try {
            listenersHearTheClientInOrder();
            assertThat(logged.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            clientLog.removeHandler(capture);
            clientLog.setUseParentHandlers(true);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).containsExactly("ClientListener.onRetry threw; ignored");
    }

    private void listenersHearTheClientInOrder() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.retry.max-attempts=2",
                "modellix.retry.initial-backoff=1ms", "modellix.retry.max-backoff=1ms")
                .withUserConfiguration(TwoListeners.class).run(context -> {
            KlingEffectsClient failing = context.getBean(KlingEffectsClient.class)
                    .withOptions(RequestOptions.builder().header("Prefer", "code=500").build());
            assertThatThrownBy(() -> failing.getTask("task-x")).isInstanceOf(ServerException.class);
            TwoListeners listeners = context.getBean(TwoListeners.class);
            assertThat(listeners.bothHeard.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(listeners.heard).containsExactly("first", "second");
        });
    }

    @Test
    void aCustomizerChangesTheBuilderAfterTheProperties() {
        againstTheMock().withPropertyValues("modellix.api-key=" + KEY, "modellix.retry.max-attempts=1")
                .withBean(KlingEffectsClientBuilderCustomizer.class, () -> builder -> builder.defaultHeader("Prefer", "code=500"))
                .run(context -> assertThatThrownBy(() -> context.getBean(KlingEffectsClient.class).getTask("task-x"))
                        .isInstanceOf(ServerException.class));
    }

    private static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        final KlingEffectsClient client = KlingEffectsClient.builder().apiKey("own-key").build();

        @Bean
        KlingEffectsClient myClient() {
            return client;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoListeners {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final CountDownLatch bothHeard = new CountDownLatch(2);

        @Bean
        @Order(2)
        ClientListener second() {
            return new ClientListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    heard.add("second");
                    bothHeard.countDown();
                }
            };
        }

        @Bean
        @Order(1)
        ClientListener first() {
            return new ClientListener() {
                @Override
                public void onRetry(RetryEvent event) {
                    heard.add("first");
                    bothHeard.countDown();
                    throw new IllegalStateException("a broken listener keeps no one else from hearing");
                }
            };
        }
    }
}
