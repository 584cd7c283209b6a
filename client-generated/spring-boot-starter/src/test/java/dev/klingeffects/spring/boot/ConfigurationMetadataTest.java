package dev.klingeffects.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs read to complete and document modellix.* in application.properties and YAML. */
class ConfigurationMetadataTest {

    @Test
    void documentsEveryPropertyWithItsDefault() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            new ObjectMapper().readTree(in).path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        }

        assertThat(properties).containsOnlyKeys("modellix.api-key", "modellix.base-url", "modellix.connect-timeout",
                "modellix.request-timeout", "modellix.retry.max-attempts", "modellix.retry.initial-backoff",
                "modellix.retry.max-backoff", "modellix.retry.max-total-time", "modellix.poll.first-interval",
                "modellix.poll.max-interval", "modellix.max-unfinished-tasks", "modellix.pre-checks",
                "modellix.health.enabled", "modellix.health.cache-time");
        properties.forEach((name, property) -> assertThat(property.path("description").asText())
                .as(name).isNotBlank().doesNotContain("{@"));
        assertThat(properties.get("modellix.api-key").path("description").asText()).contains("MODELLIX_API_KEY");
        assertThat(properties.get("modellix.base-url").path("defaultValue").asText()).isEqualTo("https://api.modellix.ai");
        assertThat(properties.get("modellix.request-timeout").path("defaultValue").asText()).isEqualTo("60s");
        assertThat(properties.get("modellix.health.enabled").path("defaultValue").asBoolean(true)).isFalse();
    }

    @Test
    void suggestsTheProductionApiAndTheLocalMockAsBaseUrls() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode hints = new ObjectMapper().readTree(in).path("hints");
            assertThat(hints.findValuesAsText("value")).contains("https://api.modellix.ai", "http://localhost:8080");
        }
    }
}
