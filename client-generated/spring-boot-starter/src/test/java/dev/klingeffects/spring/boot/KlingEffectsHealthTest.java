package dev.klingeffects.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health contributor proves reachability and a valid key without submitting, and spends one poll per cache time. */
class KlingEffectsHealthTest {

    static final String KEY = "right-key";

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().apiKeys(KEY).build();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KlingEffectsAutoConfiguration.class, KlingEffectsHealthAutoConfiguration.class))
            .withPropertyValues("modellix.base-url=" + mock.baseUrl(), "modellix.health.enabled=true");

    @Test
    void isUpWhenTheApiAnswersThatTheProbedTaskDoesNotExist() {
        runner.withPropertyValues("modellix.api-key=" + KEY).run(context -> {
            Health health = context.getBean("modellixHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("httpStatus", 404).containsEntry("baseUrl", mock.baseUrl());
            mock.requests().assertSubmits(0);
        });
    }

    @Test
    void isDownWithTheReasonWhenTheKeyIsRefusedAndNeverShowsIt() {
        runner.withPropertyValues("modellix.api-key=wrong-key-do-not-print").run(context -> {
            Health health = context.getBean("modellixHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("httpStatus", 401);
            assertThat(health.getDetails().get("reason").toString()).contains("401");
            assertThat(health.toString()).doesNotContain("wrong-key-do-not-print");
        });
    }

    @Test
    void isDownWhenTheApiCannotBeReached() {
        runner.withPropertyValues("modellix.api-key=" + KEY, "modellix.base-url=http://127.0.0.1:1").run(context ->
                assertThat(context.getBean("modellixHealthIndicator", HealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.DOWN));
    }

    @Test
    void contributesThroughSpringBoot4sHealthPackageWhereActuatorsOldOneIsGone() {
        runner.withPropertyValues("modellix.api-key=" + KEY)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health")).run(context -> {
            org.springframework.boot.health.contributor.HealthIndicator indicator = context.getBean("modellixHealthIndicator",
                    org.springframework.boot.health.contributor.HealthIndicator.class);
            assertThat(indicator.health().getStatus().getCode()).isEqualTo("UP");
        });
    }

    @Test
    void isOffUnlessEnabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KlingEffectsAutoConfiguration.class, KlingEffectsHealthAutoConfiguration.class))
                .withPropertyValues("modellix.api-key=" + KEY)
                .run(context -> assertThat(context).doesNotHaveBean("modellixHealthIndicator"));
    }

    @Test
    void pollsOncePerCacheTimeHoweverOftenItIsAsked() {
        MovableClock clock = new MovableClock();
        KlingEffectsHealthProbe probe = new KlingEffectsHealthProbe(
                dev.klingeffects.client.KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey(KEY).build(),
                mock.baseUrl(), Duration.ofSeconds(60), clock);

        for (int i = 0; i < 5; i++) {
            assertThat(probe.check().status()).isEqualTo("UP");
        }
        assertThat(mock.requests().all()).hasSize(1);

        clock.now = clock.now.plusSeconds(60);
        probe.check();
        assertThat(mock.requests().all()).hasSize(2);
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
