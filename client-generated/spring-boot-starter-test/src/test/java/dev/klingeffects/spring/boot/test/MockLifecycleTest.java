package dev.klingeffects.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.mock.junit5.MockAdmin;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

/** The mock lives exactly as long as the test context it serves, and only where the annotation asks for it. */
class MockLifecycleTest {

    @AutoConfigureKlingEffectsMock(flags = {"--api-key", "only-this-key"})
    static class Annotated {}

    static class NotAnnotated {}

    final KlingEffectsMockContextCustomizerFactory factory = new KlingEffectsMockContextCustomizerFactory();

    @Test
    void stopsTheMockWhenTheContextFailsToStart() {
        ContextCustomizer customizer = factory.createContextCustomizer(Annotated.class, List.of());
        GenericApplicationContext context = new GenericApplicationContext();
        customizer.customizeContext(context, null);
        MockAdmin admin = context.getBeanFactory().getBean(MockAdmin.class);
        assertThat(admin.tasks()).isEmpty(); // running
        context.registerBean("broken", String.class, () -> {
            throw new IllegalStateException("the application does not start");
        });

        assertThatThrownBy(context::refresh).hasRootCauseMessage("the application does not start");

        assertThatThrownBy(admin::tasks).hasMessageContaining("cannot reach");
    }

    @Test
    void startsNoMockForATestWithoutTheAnnotation() {
        assertThat(factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
    }

    @Test
    void sameSettingsShareACachedContext() {
        assertThat(factory.createContextCustomizer(Annotated.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(Annotated.class, List.of()));
    }

    @Test
    void stopsTheMockWhenTheContextCloses() {
        ContextCustomizer customizer = factory.createContextCustomizer(Annotated.class, List.of());
        GenericApplicationContext context = new GenericApplicationContext();
        customizer.customizeContext(context, null);
        context.refresh();
        MockAdmin admin = context.getBean(MockAdmin.class);
        assertThat(admin.tasks()).isEmpty(); // running

        context.close();

        assertThatThrownBy(admin::tasks).hasMessageContaining("cannot reach");
    }
}
