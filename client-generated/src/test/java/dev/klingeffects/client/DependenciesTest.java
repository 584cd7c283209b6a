package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** What a downstream build gets with the client: no YAML parser, and everything still works. */
class DependenciesTest {

    @Test
    void theClientWorksWithoutAYamlParserOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLFactory"))
                .isInstanceOf(ClassNotFoundException.class);

        try (ScriptedServer server = new ScriptedServer()) {
            var client = Clients.against(server, new FakeTiming()).build();
            // Pre-checks read the spec and catalog: a typo is caught without YAML.
            var typo = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.submit(EffectRequest.singleImage("pet_lion_pr", "https://example.com/cat.jpg")));

            assertThat(typo.detail()).contains("did you mean 'pet_lion_pro'?");
        }
    }
}
