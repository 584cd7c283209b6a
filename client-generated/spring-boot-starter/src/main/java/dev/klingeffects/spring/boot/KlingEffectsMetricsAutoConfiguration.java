package dev.klingeffects.spring.boot;

import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.micrometer.KlingEffectsMetrics;
import dev.klingeffects.client.micrometer.KlingEffectsObservation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters the client when Micrometer is present: a {@link KlingEffectsMetrics} bean, which the auto-configured
 * client takes as a listener and Spring Boot's metrics support binds to the application's registry as a
 * {@code MeterBinder}. An application that builds its own client gives it this bean as its listener. With an
 * {@code ObservationRegistry} bean, every client bean's calls are observed ({@link KlingEffectsObservation}).
 */
@AutoConfiguration(before = KlingEffectsAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class KlingEffectsMetricsAutoConfiguration {

    /** @return the meters of the client, with no registry of their own until bound */
    @Bean
    @ConditionalOnMissingBean
    public KlingEffectsMetrics klingEffectsMetrics() {
        return new KlingEffectsMetrics();
    }

    /**
     * @param metrics the meters
     * @param clients the client, when there is exactly one, whose unfinished tasks and permit waits are gauged
     * @return what points the gauges at the client once every singleton exists
     */
    @Bean
    public SmartInitializingSingleton klingEffectsMetricsWatch(KlingEffectsMetrics metrics,
                                                               ObjectProvider<KlingEffectsClient> clients) {
        return () -> clients.ifUnique(metrics::watch);
    }

    /** Every call observed when the application has an {@code ObservationRegistry} (Micrometer Tracing's spans). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class Observations {

        /**
         * @param registry the application's observation registry, if any, looked up when a client bean is made
         * @return what wraps each {@link KlingEffectsClient} bean in {@link KlingEffectsObservation}
         */
        @Bean
        static BeanPostProcessor klingEffectsObservationPostProcessor(ObjectProvider<ObservationRegistry> registry) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    // Only clients of the kit's own making: a team's fake or decorator keeps its type and behaviour.
                    if (bean instanceof KlingEffectsClient client
                            && client.getClass().getPackageName().equals(KlingEffectsClient.class.getPackageName())) {
                        ObservationRegistry observations = registry.getIfAvailable();
                        if (observations != null && !observations.isNoop()) {
                            return KlingEffectsObservation.observe(client, observations);
                        }
                    }
                    return bean;
                }
            };
        }
    }
}
