package dev.klingeffects.spring.boot.test;

import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import dev.klingeffects.mock.junit5.MockAdmin;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts one mock for one test context, before the context is refreshed (so the client bean is built against
 * it), and stops it when that context closes. A record: equal settings share a cached context, as Spring's
 * context caching requires.
 */
record KlingEffectsMockContextCustomizer(boolean frozenClock, String apiKey, List<String> flags) implements ContextCustomizer {

    /** The bean name of the {@link MockAdmin}. */
    static final String ADMIN_BEAN = "klingEffectsMockAdmin";
    /** The name under which the running mock is stopped with the context. */
    static final String MOCK_BEAN = "klingEffectsMock";
    /** The property source that points the client at the mock; it wins over the application's own. */
    static final String PROPERTY_SOURCE = "klingEffectsMock";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        // The extension's defaults are this slice's: wall clock, tasks that end about a second after their submit.
        KlingEffectsMockExtension.Builder builder = KlingEffectsMockExtension.builder();
        if (frozenClock) {
            builder.frozenClock();
        }
        builder.flags(flags.toArray(String[]::new));
        KlingEffectsMockExtension mock = builder.build();
        // The extension's class-level lifecycle, outside JUnit: it reads nothing from the context it is given.
        mock.beforeAll(null);
        // Stopped with the context's singletons: on close, and also when the refresh fails (no close event then).
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry singletons) {
            singletons.registerDisposableBean(MOCK_BEAN, () -> mock.afterAll(null));
        } else {
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    mock.afterAll(null);
                }
            });
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                Map.of("modellix.base-url", mock.baseUrl(), "modellix.api-key", apiKey)));
        context.getBeanFactory().registerSingleton(ADMIN_BEAN, mock.admin());
    }
}
