package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request rule, with the exact status and message the mock answers. */
class SubmitValidationTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    static Stream<Arguments> rules() {
        String a = "\"https://example.com/a.jpg\"";
        String b = "\"https://example.com/b.jpg\"";
        return Stream.of(
                Arguments.of("rejectsMalformedJson", "{\"effect_scene\": ",
                        "Invalid format: invalid JSON format"),
                Arguments.of("rejectsTrailingGarbageAfterJson", "{\"effect_scene\": \"x\"} {}",
                        "Invalid format: invalid JSON format"),
                Arguments.of("rejectsDuplicateKeys", "{\"effect_scene\": \"a\", \"effect_scene\": \"b\"}",
                        "Invalid format: invalid JSON format"),
                Arguments.of("rejectsEmptyBody", "",
                        "Invalid format: invalid JSON format"),
                Arguments.of("rejectsABodyThatIsNotAnObject", "[1, 2]",
                        "Invalid format: request body must be a JSON object"),
                Arguments.of("requiresEffectScene", "{\"image\": " + a + "}",
                        "Invalid parameters: parameter 'effect_scene' is required"),
                Arguments.of("treatsNullEffectSceneAsMissing", "{\"effect_scene\": null, \"image\": " + a + "}",
                        "Invalid parameters: parameter 'effect_scene' is required"),
                Arguments.of("rejectsANonStringEffectScene", "{\"effect_scene\": 12, \"image\": " + a + "}",
                        "Invalid format: parameter 'effect_scene' must be a string, got 12"),
                Arguments.of("rejectsAStringDuration", "{\"effect_scene\": \"cute_dance\", \"image\": " + a + ", \"duration\": \"5\"}",
                        "Invalid format: parameter 'duration' must be an integer, got '5'"),
                Arguments.of("rejectsAFractionalDuration", "{\"effect_scene\": \"cute_dance\", \"image\": " + a + ", \"duration\": 5.5}",
                        "Invalid format: parameter 'duration' must be an integer, got 5.5"),
                Arguments.of("rejectsImagesThatIsNotAnArray", "{\"effect_scene\": \"hug_pro\", \"images\": " + a + "}",
                        "Invalid format: parameter 'images' must be an array, got 'https://example.com/a.jpg'"),
                Arguments.of("rejectsANonStringImageItem", "{\"effect_scene\": \"hug_pro\", \"images\": [" + a + ", 7]}",
                        "Invalid format: parameter 'images[1]' must be a string, got 7"),
                Arguments.of("rejectsAnEmptyEffectScene", "{\"effect_scene\": \"\", \"image\": " + a + "}",
                        "Invalid parameters: parameter 'effect_scene' must not be empty"),
                Arguments.of("rejectsAnEmptyImage", "{\"effect_scene\": \"cute_dance\", \"image\": \"\"}",
                        "Invalid parameters: parameter 'image' must not be empty"),
                Arguments.of("rejectsDurationOutsideTheSchemaEnum", "{\"effect_scene\": \"cute_dance\", \"image\": " + a + ", \"duration\": 7}",
                        "Value out of range: parameter 'duration' must be one of [5, 10], got 7"),
                Arguments.of("rejectsOneImageInImages", "{\"effect_scene\": \"hug_pro\", \"images\": [" + a + "]}",
                        "Value out of range: parameter 'images' must contain exactly 2 items, got 1"),
                Arguments.of("rejectsThreeImagesInImages", "{\"effect_scene\": \"hug_pro\", \"images\": [" + a + ", " + b + ", " + a + "]}",
                        "Value out of range: parameter 'images' must contain exactly 2 items, got 3"),
                Arguments.of("rejectsAnEmptyImageItem", "{\"effect_scene\": \"hug_pro\", \"images\": [" + a + ", \"\"]}",
                        "Invalid parameters: parameter 'images[1]' must not be empty"),
                Arguments.of("rejectsBothImageAndImages", "{\"effect_scene\": \"hug_pro\", \"image\": " + a + ", \"images\": [" + a + ", " + b + "]}",
                        "Invalid parameters: parameters 'image' and 'images' are mutually exclusive"),
                Arguments.of("rejectsAnUnknownEffectWithASuggestion", "{\"effect_scene\": \"hug\", \"image\": " + a + "}",
                        "Invalid parameters: parameter 'effect_scene' must be a supported effect, got 'hug' (did you mean 'hug_pro'?)"),
                Arguments.of("suggestsTheClosestEffectForATypo", "{\"effect_scene\": \"bulet_time\", \"image\": " + a + "}",
                        "Invalid parameters: parameter 'effect_scene' must be a supported effect, got 'bulet_time' (did you mean 'bullet_time'?)"),
                Arguments.of("rejectsAnUnknownEffectWithoutASuggestion", "{\"effect_scene\": \"zzzzzzzz\", \"image\": " + a + "}",
                        "Invalid parameters: parameter 'effect_scene' must be a supported effect, got 'zzzzzzzz'"),
                Arguments.of("rejectsASingleImageForATwoPersonEffect", "{\"effect_scene\": \"hug_pro\", \"image\": " + a + "}",
                        "Invalid parameters: effect 'hug_pro' takes 2 images in parameter 'images', not 'image'"),
                Arguments.of("rejectsImagesForASingleImageEffect", "{\"effect_scene\": \"pet_lion_pro\", \"images\": [" + a + ", " + b + "]}",
                        "Invalid parameters: effect 'pet_lion_pro' takes 1 image in parameter 'image', not 'images'"),
                Arguments.of("requiresImageForASingleImageEffect", "{\"effect_scene\": \"pet_lion_pro\"}",
                        "Invalid parameters: parameter 'image' is required for effect 'pet_lion_pro'"),
                Arguments.of("requiresImagesForATwoPersonEffect", "{\"effect_scene\": \"fight_pro\"}",
                        "Invalid parameters: parameter 'images' is required for effect 'fight_pro'"),
                Arguments.of("rejectsTenSecondsForTwoPersonEffects", "{\"effect_scene\": \"hug_pro\", \"images\": [" + a + ", " + b + "], \"duration\": 10}",
                        "Value out of range: parameter 'duration' must be one of [5] for effect 'hug_pro', got 10"),
                Arguments.of("rejectsTenSecondsForLegacyEffects", "{\"effect_scene\": \"squish\", \"image\": " + a + ", \"duration\": 10}",
                        "Value out of range: parameter 'duration' must be one of [5] for effect 'squish', got 10"),
                Arguments.of("reportsRequiredFieldsBeforeTypes", "{\"duration\": \"x\"}",
                        "Invalid parameters: parameter 'effect_scene' is required"),
                Arguments.of("reportsTypesBeforeRanges", "{\"effect_scene\": \"\", \"duration\": \"x\", \"image\": " + a + "}",
                        "Invalid format: parameter 'duration' must be an integer, got 'x'"),
                Arguments.of("reportsRangesBeforeCatalogRules", "{\"effect_scene\": \"nope\", \"image\": " + a + ", \"duration\": 7}",
                        "Value out of range: parameter 'duration' must be one of [5, 10], got 7"),
                Arguments.of("reportsCatalogRulesBeforeImageChecks", "{\"effect_scene\": \"zzzzzzzz\", \"image\": \"ftp://x\"}",
                        "Invalid parameters: parameter 'effect_scene' must be a supported effect, got 'zzzzzzzz'"),
                Arguments.of("refusesAnEffectNameOverTheSpecsMaxLength", "{\"effect_scene\": \"" + "x".repeat(5000) + "\", \"image\": " + a + "}",
                        "Value out of range: parameter 'effect_scene' must have at most 64 characters, got 5000"),
                Arguments.of("shortensHugeValuesInMessages", "{\"effect_scene\": \"pet_lion_pro\", \"image\": " + a + ", \"duration\": \"" + "x".repeat(5000) + "\"}",
                        "Invalid format: parameter 'duration' must be an integer, got '" + "x".repeat(63) + "…"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void answersTheRuleWithItsExactMessage(String behaviour, String body, String message) {
        var answer = mock.client().post(SUBMIT, body, AUTH);

        assertThat(answer.status()).as(behaviour).isEqualTo(400);
        assertThat(answer.json().path("code").asInt()).isEqualTo(400);
        assertThat(answer.message()).as(behaviour).isEqualTo(message);
    }

    @Test
    void acceptsEveryRequestExampleOfTheSpec() {
        var named = ContractSpec.load().root().at("/paths/~1api~1v1~1image-to-video~1kling~1kling-video-effects~1async"
                + "/post/requestBody/content/application~1json/examples");

        assertThat(named.size()).isGreaterThanOrEqualTo(4);
        named.forEach(example -> {
            var answer = mock.client().post(SUBMIT, example.path("value").toString(), AUTH);
            assertThat(answer.status()).as(example.path("summary").asText() + ": " + answer.body()).isEqualTo(200);
        });
    }

    @Test
    void everyTwoPersonEffectRejectsImageAndEverySingleImageEffectRejectsImages() {
        EffectCatalog catalog = EffectCatalog.load(ContractSpec.load());

        catalog.all().forEach(effect -> {
            String wrongShape = effect.persons() == 2 ? Requests.singleImage(effect.name()) : Requests.twoPerson(effect.name());
            String rightShape = effect.persons() == 2 ? Requests.twoPerson(effect.name()) : Requests.singleImage(effect.name());

            assertThat(mock.client().post(SUBMIT, wrongShape, AUTH).status()).as(effect.name()).isEqualTo(400);
            assertThat(mock.client().post(SUBMIT, rightShape, AUTH).status()).as(effect.name()).isEqualTo(200);
        });
    }

    @Test
    void ignoresUnknownFields() {
        String body = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/a.jpg\", \"seed\": 3}";

        assertThat(mock.client().post(SUBMIT, body, AUTH).status()).isEqualTo(200);
    }

    @Test
    void rejectsANonJsonContentType() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "Bearer k", "Content-Type", "text/plain"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid format: Content-Type must be application/json, got 'text/plain'");
    }

    @Test
    void acceptsJsonWithACharset() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "Bearer k", "Content-Type", "application/json; charset=utf-8"));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void refusesABodyOverTheLimitWithTheSpecsMessage() {
        String example = ContractSpec.load().operation("submitEffectTask").firstExample(413).orElseThrow()
                .path("message").asText();
        byte[] huge = new byte[28_100_000];
        java.util.Arrays.fill(huge, (byte) ' ');

        var answer = mock.client().send("POST", SUBMIT, huge, AUTH);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.message()).isEqualTo(example);
    }

    @Test
    void rejectsInvalidUtf8AsInvalidJson() {
        byte[] body = "{\"effect_scene\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);

        var answer = mock.client().send("POST", SUBMIT, body, AUTH);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid format: invalid JSON format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8 with BOM", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void refusesABodyNotInPlainUtf8(String encoding) {
        String json = Requests.singleImage("pet_lion_pro");
        byte[] body = encoding.equals("UTF-8 with BOM")
                ? ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)
                : json.getBytes(Charset.forName(encoding));

        var answer = mock.client().send("POST", SUBMIT, body, AUTH);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid format: request body must be JSON in UTF-8 without a byte order mark");
    }

    @Test
    void acceptsPlainUtf8WithNonAsciiTextAndLeadingWhitespace() {
        byte[] body = (" \n" + Requests.singleImage("pet_lion_pro").replace("}", ", \"note\": \"é中\"}"))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(mock.client().send("POST", SUBMIT, body, AUTH).status()).isEqualTo(200);
    }
}
