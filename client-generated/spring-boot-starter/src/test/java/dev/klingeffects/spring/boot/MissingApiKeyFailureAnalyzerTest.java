package dev.klingeffects.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Start-up without a key ends in Spring Boot's report: what is missing and what to set. */
class MissingApiKeyFailureAnalyzerTest {

    @Test
    void isRegisteredForSpringBootToFind() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(MissingApiKeyFailureAnalyzer.class.getName());
    }

    @Test
    void namesThePropertyAndTheVariableToSet() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KlingEffectsAutoConfiguration.class))
                .withPropertyValues("MODELLIX_API_KEY=") // whatever the machine running the test has set
                .run(context -> {
                    FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());

                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).isEqualTo("The Modellix client has no API key.");
                    assertThat(analysis.getAction()).contains("modellix.api-key").contains("MODELLIX_API_KEY");
                });
    }
}
