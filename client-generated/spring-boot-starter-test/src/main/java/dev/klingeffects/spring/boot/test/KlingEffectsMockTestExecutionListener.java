package dev.klingeffects.spring.boot.test;

import dev.klingeffects.mock.junit5.MockAdmin;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the mock before each test method of a class with {@link AutoConfigureKlingEffectsMock}, so a test sees
 * only its own tasks and requests even when Spring reuses the context (and its mock) across tests and classes.
 */
class KlingEffectsMockTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 2000; // after dependency injection, before the test's own listeners run code against the mock
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureKlingEffectsMock.class)) {
            testContext.getApplicationContext()
                    .getBean(KlingEffectsMockContextCustomizer.ADMIN_BEAN, MockAdmin.class).reset();
        }
    }
}
