package dev.klingeffects.spring.boot;

import dev.klingeffects.client.KlingEffectsClient;

/**
 * Changes the builder of the auto-configured client after the {@code modellix.*} properties are applied, for
 * what properties do not cover (an {@code HttpClient} with a proxy, an executor, a default header). Declare
 * one or more as beans; they run in {@link org.springframework.core.annotation.Order} order. Declare listeners
 * as {@link dev.klingeffects.client.ClientListener} beans, not with {@code builder.listener(...)} here: the
 * builder holds one listener, so that call would replace every listener bean, the metrics among them.
 */
@FunctionalInterface
public interface KlingEffectsClientBuilderCustomizer {

    /** @param builder the builder, properties applied */
    void customize(KlingEffectsClient.Builder builder);
}
