package dev.klingeffects.spring.boot;

import dev.klingeffects.client.ClientListener;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.RetryPolicy;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One {@link KlingEffectsClient} from the {@code modellix.*} properties ({@link KlingEffectsProperties}), closed
 * when the context closes. Backs off when the application defines its own client bean. Every
 * {@link ClientListener} bean hears the client (the Micrometer metrics among them), and every
 * {@link KlingEffectsClientBuilderCustomizer} bean may change its builder.
 */
@AutoConfiguration
@ConditionalOnClass(KlingEffectsClient.class)
@EnableConfigurationProperties(KlingEffectsProperties.class)
public class KlingEffectsAutoConfiguration {

    /** The API key's environment variable, which relaxed binding would read as {@code modellix.api.key}. */
    static final String API_KEY_VARIABLE = KlingEffectsClient.API_KEY_ENV;

    /**
     * @param properties  the {@code modellix.*} settings
     * @param environment where {@code MODELLIX_API_KEY} is read when {@code modellix.api-key} is unset
     * @param listeners   every {@link ClientListener} bean, in order
     * @param customizers every {@link KlingEffectsClientBuilderCustomizer} bean, in order
     * @return the client, closed with the context
     * @throws MissingApiKeyException when neither {@code modellix.api-key} nor {@code MODELLIX_API_KEY} is set
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KlingEffectsClient klingEffectsClient(KlingEffectsProperties properties, Environment environment,
                                                 ObjectProvider<ClientListener> listeners,
                                                 ObjectProvider<KlingEffectsClientBuilderCustomizer> customizers) {
        KlingEffectsClient.Builder builder = KlingEffectsClient.builder()
                .apiKey(apiKey(properties, environment))
                .baseUrl(properties.baseUrl())
                .connectTimeout(properties.connectTimeout())
                .requestTimeout(properties.requestTimeout())
                .retryPolicy(new RetryPolicy(properties.retry().maxAttempts(), properties.retry().initialBackoff(),
                        properties.retry().maxBackoff(), properties.retry().maxTotalTime()))
                .pollInterval(properties.poll().firstInterval(), properties.poll().maxInterval())
                .maxUnfinishedTasks(properties.maxUnfinishedTasks())
                .preChecks(properties.preChecks())
                .userAgent("kling-effects-java-client (spring-boot)");
        List<ClientListener> heard = listeners.orderedStream().toList();
        if (!heard.isEmpty()) {
            builder.listener(heard.size() == 1 ? heard.get(0) : new ClientListeners(heard));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    static String apiKey(KlingEffectsProperties properties, Environment environment) {
        String key = properties.apiKey();
        if (key != null && key.contains("${")) {
            // Spring leaves a placeholder it cannot resolve as it is: sending it would only fail later with a 401.
            throw new MissingApiKeyException("modellix.api-key holds a placeholder that nothing resolved");
        }
        if (key == null || key.isBlank()) {
            key = environment.getProperty(API_KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new MissingApiKeyException();
        }
        // Around the key, whitespace is a file's newline or padding; inside it, text that is not the key, such
        // as a comment after the value (.properties files have none on the same line).
        key = key.strip();
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw new MissingApiKeyException("The Modellix API key has whitespace inside it (a comment on the same line"
                    + " as modellix.api-key in a .properties file becomes part of the value)");
        }
        return key;
    }
}
