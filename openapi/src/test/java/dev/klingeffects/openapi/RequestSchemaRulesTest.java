package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
        "{\"effect_scene\": \"a_name_longer_than_any_effect_could_ever_be_in_this_catalog_0123456789\", \"image\": \"https://x.test/a.jpg\"}",
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

    @Test
    void neitherImageNorImagesIsLeftToTheCatalogRuleThatNamesTheFieldTheEffectNeeds() {
        ContractSpec spec = ContractSpec.load();
        var rules = CatalogRules.from(spec, EffectCatalog.load(spec));

        assertThat(rules.exclusiveFields()).containsExactly("image", "images");
        assertThat(rules.check("hug_pro", Set.of("effect_scene"), null))
                .map(ContractError::message)
                .contains("Invalid parameters: parameter 'images' is required for effect 'hug_pro'");
    }

    @Test
    void imageMaxLengthIsTheBase64LengthOfTheImageByteLimit() {
        JsonNode image = ContractSpec.load().schema("ImageInput");
        long maxBytes = image.path("x-image").path("max-bytes").asLong();

        assertThat(image.path("maxLength").asLong()).isEqualTo(4 * ((maxBytes + 2) / 3));
    }
}
