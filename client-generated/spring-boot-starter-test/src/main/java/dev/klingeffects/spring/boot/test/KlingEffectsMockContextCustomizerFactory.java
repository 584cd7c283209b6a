package dev.klingeffects.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Sees {@link AutoConfigureKlingEffectsMock} on a test class (or an enclosing or super class) and gives its
 * context a mock. Registered in {@code META-INF/spring.factories}, a mechanism Spring Boot 3 and 4 share.
 */
class KlingEffectsMockContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureKlingEffectsMock annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureKlingEffectsMock.class);
        return annotation == null ? null
                : new KlingEffectsMockContextCustomizer(annotation.frozenClock(), annotation.apiKey(), List.of(annotation.flags()));
    }
}
