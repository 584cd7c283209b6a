package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakingChangeGateTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void currentSpecIsBackwardCompatibleWithTheReleasedBaseline() {
        var verdict = BreakingChangeGate.check(SpecFiles.BASELINE, SpecFiles.SPEC);

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
    }

    @Test
    void failsWhenAResponseFieldIsRemoved() throws IOException {
        String field = firstRequired("SubmittedTask");
        Path broken = copyOfSpec(spec -> removeProperty(spec, "SubmittedTask", field));

        var verdict = BreakingChangeGate.check(SpecFiles.SPEC, broken);

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains(field).contains("/async");
    }

    @Test
    void failsWhenARequiredRequestFieldIsAdded() throws IOException {
        Path broken = copyOfSpec(spec -> {
            ObjectNode request = schema(spec, "EffectTaskRequest");
            ((ObjectNode) request.get("properties")).putObject("seed").put("type", "integer");
            ((ArrayNode) request.get("required")).add("seed");
        });

        var verdict = BreakingChangeGate.check(SpecFiles.SPEC, broken);

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("seed");
    }

    @Test
    void acceptsABreakingChangeWhenTheMajorVersionIsRaised() throws IOException {
        String field = firstRequired("SubmittedTask");
        Path next = copyOfSpec(spec -> {
            removeProperty(spec, "SubmittedTask", field);
            ((ObjectNode) spec.get("info")).put("version", "2.0.0");
        });

        assertThat(BreakingChangeGate.check(SpecFiles.SPEC, next).passes()).isTrue();
    }

    @Test
    void acceptsAnAdditiveChange() throws IOException {
        Path additive = copyOfSpec(spec -> ((ObjectNode) schema(spec, "Task").get("properties"))
                .putObject("progress").put("type", "integer"));

        assertThat(BreakingChangeGate.check(SpecFiles.SPEC, additive).passes()).isTrue();
    }

    private static String firstRequired(String schemaName) throws IOException {
        return schema(YAML.readTree(SpecFiles.SPEC.toFile()), schemaName).get("required").get(0).asText();
    }

    private Path copyOfSpec(Consumer<ObjectNode> change) throws IOException {
        ObjectNode spec = (ObjectNode) YAML.readTree(SpecFiles.SPEC.toFile());
        change.accept(spec);
        Path copy = dir.resolve("kling-video-effects.yaml");
        YAML.writeValue(copy.toFile(), spec);
        return copy;
    }

    private static ObjectNode schema(JsonNode spec, String name) {
        return (ObjectNode) spec.get("components").get("schemas").get(name);
    }

    private static void removeProperty(JsonNode spec, String schemaName, String property) {
        ObjectNode schema = schema(spec, schemaName);
        ((ObjectNode) schema.get("properties")).remove(property);
        ArrayNode required = (ArrayNode) schema.get("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals(property)) {
                required.remove(i);
            }
        }
    }
}
