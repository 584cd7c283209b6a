package dev.klingeffects.spring.boot;

import dev.klingeffects.client.KlingEffectsClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health contributor {@code modellix}, when {@code modellix.health.enabled=true} and Actuator is present:
 * Spring Boot 3's and 4's health APIs live in different packages, so each has its own indicator behind its own
 * class condition, and neither generation loads the other's types.
 */
@AutoConfiguration(after = KlingEffectsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "modellix.health", name = "enabled", havingValue = "true")
public class KlingEffectsHealthAutoConfiguration {

    static KlingEffectsHealthProbe probe(KlingEffectsClient client, KlingEffectsProperties properties) {
        return new KlingEffectsHealthProbe(client, properties.baseUrl(), properties.health().cacheTime(), Clock.systemUTC());
    }

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnBean(KlingEffectsClient.class)
    static class ActuatorHealth {

        @Bean
        @ConditionalOnMissingBean(name = "modellixHealthIndicator")
        KlingEffectsHealthIndicator modellixHealthIndicator(KlingEffectsClient client, KlingEffectsProperties properties) {
            return new KlingEffectsHealthIndicator(probe(client, properties));
        }
    }

    /** Spring Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator") // never both: Boot 3 wins
    @ConditionalOnBean(KlingEffectsClient.class)
    static class HealthContributor {

        @Bean
        @ConditionalOnMissingBean(name = "modellixHealthIndicator")
        KlingEffectsHealthContributor modellixHealthIndicator(KlingEffectsClient client, KlingEffectsProperties properties) {
            return new KlingEffectsHealthContributor(probe(client, properties));
        }
    }
}
