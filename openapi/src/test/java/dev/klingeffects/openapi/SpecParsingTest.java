package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

class SpecParsingTest {

    @Test
    void specParsesWithoutErrorsOrWarnings() {
        SwaggerParseResult result = SpecFiles.parse(SpecFiles.SPEC, false);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void baselineParsesWithoutErrorsOrWarnings() {
        assertThat(SpecFiles.parse(SpecFiles.BASELINE, false).getMessages()).isEmpty();
    }

    @Test
    void everyOperationHasItsDocumentedStatuses() {
        var paths = SpecFiles.parse(SpecFiles.SPEC, false).getOpenAPI().getPaths();

        var submit = paths.get("/api/v1/image-to-video/kling/kling-video-effects/async").getPost();
        var getTask = paths.get("/api/v1/tasks/{task_id}").getGet();

        assertThat(submit.getOperationId()).isEqualTo("submitEffectTask");
        assertThat(submit.getResponses().keySet())
                .containsExactlyInAnyOrder("200", "400", "401", "402", "413", "429", "500", "503");
        assertThat(getTask.getOperationId()).isEqualTo("getTask");
        assertThat(getTask.getResponses().keySet())
                .containsExactlyInAnyOrder("200", "401", "404", "429", "500", "503");
    }
}
