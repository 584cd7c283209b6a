package dev.klingeffects.contracttests.acceptance;

import static dev.klingeffects.contracttests.support.Contract.SUBMIT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.Effect;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.contracttests.support.AcceptanceApi;
import dev.klingeffects.contracttests.support.SpecCheckedHttp;
import dev.klingeffects.contracttests.support.SpecCheckedHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation matrix, derived from the catalog and the spec rather than typed again. Hundreds of
 * requests: sent with the JDK's client rather than RestAssured, each response still checked against the spec.
 */
class ValidationMatrixAcceptanceTest {

    private static final ContractSpec SPEC = ContractSpec.load();
    private static final EffectCatalog CATALOG = EffectCatalog.load(SPEC);
    private static final CatalogRules RULES = CatalogRules.from(SPEC, CATALOG);
    private static final JsonNode REQUEST = SPEC.operation("submitEffectTask").requestSchema();
    private static final String URL_A = "https://example.com/a.jpg";
    private static final String URL_B = "https://example.com/b.jpg";
    @RegisterExtension
    static final AcceptanceApi api = AcceptanceApi.perClass();
    private static final String KEY = "matrix-key";

    private static Answer submit(String json) {
        return api.http().postJson(KEY, SUBMIT_PATH, json);
    }

    private static void assertRejected(Answer answer, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.field("message")).isEqualTo(message);
    }

    private static String body(Effect effect, boolean rightShape, Integer duration) {
        boolean asImages = (effect.persons() == 2) == rightShape;
        String images = asImages ? "\"images\": [\"" + URL_A + "\", \"" + URL_B + "\"]" : "\"image\": \"" + URL_A + "\"";
        return "{\"effect_scene\": \"" + effect.name() + "\", " + images + (duration == null ? "" : ", \"duration\": " + duration) + "}";
    }

    static Stream<Effect> everyEffect() {
        return CATALOG.all().stream();
    }

    static Stream<Arguments> everyEffectAndSpecDuration() {
        List<Arguments> cases = new ArrayList<>();
        for (Effect effect : CATALOG.all()) {
            REQUEST.at("/properties/duration/enum").forEach(duration -> cases.add(Arguments.of(effect, duration.asInt())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEffect")
    void everyEffectRejectsTheOtherImageShapeAndAcceptsItsOwn(Effect effect) {
        String wrongField = RULES.imageFieldFor(effect.persons() == 1 ? 2 : 1);
        String expected = RULES.check(effect.name(), Set.of("effect_scene", wrongField), null).orElseThrow().message();

        assertRejected(submit(body(effect, false, null)), expected);
        Answer right = submit(body(effect, true, null));
        assertThat(right.status()).as(right.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} with {1} s")
    @MethodSource("everyEffectAndSpecDuration")
    void everyEffectAcceptsExactlyItsCatalogDurations(Effect effect, int duration) {
        Answer answer = submit(body(effect, true, duration));

        if (effect.durations().contains(duration)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        } else {
            assertRejected(answer, "Value out of range: parameter 'duration' must be one of "
                    + effect.durations() + " for effect '" + effect.name() + "', got " + duration);
        }
    }

    @Test
    void rejectsADurationOutsideTheSpecsEnum() {
        List<Integer> allowed = new ArrayList<>();
        REQUEST.at("/properties/duration/enum").forEach(value -> allowed.add(value.asInt()));
        int outside = allowed.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;

        assertRejected(submit("{\"effect_scene\": \"cute_dance\", \"image\": \"" + URL_A + "\", \"duration\": " + outside + "}"),
                "Value out of range: parameter 'duration' must be one of " + allowed + ", got " + outside);
    }

    @Test
    void rejectsOneImageMoreThanTheSpecAllows() {
        int max = REQUEST.at("/properties/images/maxItems").asInt();
        String images = String.join(", ", java.util.Collections.nCopies(max + 1, "\"" + URL_A + "\""));

        Answer answer = submit("{\"effect_scene\": \"hug_pro\", \"images\": [" + images + "]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.field("message")).startsWith("Value out of range: parameter 'images' must contain");
    }

    @Test
    void rejectsEveryRequiredFieldOfTheSpecWhenMissing() {
        REQUEST.path("required").forEach(field -> assertRejected(submit("{\"image\": \"" + URL_A + "\"}"),
                "Invalid parameters: parameter '" + field.asText() + "' is required"));
    }

    @Test
    void rejectsMalformedJson() {
        assertRejected(submit("{\"effect_scene\":"), "Invalid format: invalid JSON format");
    }

    @Test
    void refusesABodyOverTheLimitBeforeItIsSent() {
        byte[] huge = new byte[28_100_000];
        java.util.Arrays.fill(huge, (byte) ' ');

        // As curl does for large bodies: the mock refuses on Content-Length, so the body never travels. RestAssured
        // here: the JDK 17 client waits forever for a 100 that a refusing server never sends.
        api.as(KEY).header("Expect", "100-continue").contentType("application/json").body(huge).post(SUBMIT_PATH)
                .then().statusCode(413).body("message", startsWith("Payload too large: request body must be at most"));
    }
}
