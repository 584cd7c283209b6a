package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema itself rejects what it can express, so any spec-driven tool enforces it too. */
class RequestSchemaRulesTest {

    private static final String SUBMIT = "/api/v1/image-to-video/kling/kling-video-effects/async";
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createFor(SpecFiles.SPEC.toUri().toString()).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"image\": \"https://x.test/a.jpg\"}",
        "{\"effect_scene\": \"\", \"image\": \"https://x.test/a.jpg\"}",
        "{\"effect_scene\": \"hug_pro\"}",
        "{\"effect_scene\": \"hug_pro\", \"image\": \"https://x.test/a.jpg\", \"images\": [\"https://x.test/a.jpg\", \"https://x.test/b.jpg\"]}",
        "{\"effect_scene\": \"hug_pro\", \"images\": [\"https://x.test/a.jpg\"]}",
        "{\"effect_scene\": \"hug_pro\", \"images\": [\"https://x.test/a.jpg\", \"https://x.test/b.jpg\", \"https://x.test/c.jpg\"]}",
        "{\"effect_scene\": \"hug_pro\", \"images\": [\"https://x.test/a.jpg\", \"\"]}",
        "{\"effect_scene\": \"cute_dance\", \"image\": \"\"}",
        "{\"effect_scene\": \"cute_dance\", \"image\": \"https://x.test/a.jpg\", \"duration\": 7}",
        "{\"effect_scene\": \"cute_dance\", \"image\": \"https://x.test/a.jpg\", \"duration\": \"5\"}"
    })
    void schemaRejects(String body) {
        var request = SimpleRequest.Builder.post(SUBMIT)
                .withContentType("application/json")
                .withAuthorization("Bearer example-key")
                .withBody(body)
                .build();

        assertThat(VALIDATOR.validateRequest(request).hasErrors()).isTrue();
    }
}
