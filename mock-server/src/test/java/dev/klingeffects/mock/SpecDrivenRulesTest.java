package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.support.Images;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Changing a limit in the spec changes the mock's behaviour, with no Java touched. */
class SpecDrivenRulesTest {

    private static ContractSpec specWith(String original, String replacement) {
        String yaml = new String(ContractSpec.load().text(), StandardCharsets.UTF_8);
        assertThat(yaml).contains(original);
        return ContractSpec.fromText(yaml.replace(original, replacement).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void followsTheSpecsItemCountForImages() {
        ContractSpec threeImages = specWith("minItems: 2\n          maxItems: 2", "minItems: 3\n          maxItems: 3");

        try (RunningMock mock = RunningMock.start(threeImages)) {
            var two = mock.client().post(SUBMIT, Requests.twoPerson("hug_pro"), AUTH);

            assertThat(two.message()).isEqualTo("Value out of range: parameter 'images' must contain exactly 3 items, got 2");
        }
    }

    @Test
    void followsTheSpecsMinimumResolution() {
        ContractSpec larger = specWith("min-width: 300\n        min-height: 300", "min-width: 512\n        min-height: 512");

        try (RunningMock mock = RunningMock.start(larger)) {
            var answer = mock.client().post(SUBMIT, Requests.base64Image(Images.base64("png", 400, 400)), AUTH);

            assertThat(answer.message()).isEqualTo("Value out of range: parameter 'image' must be at least 512x512 px, got 400x400 px");
        }
    }

    @Test
    void followsTheSpecsDurationEnum() {
        ContractSpec withFifteen = specWith("enum:\n            - 5\n            - 10", "enum:\n            - 5\n            - 10\n            - 15");

        try (RunningMock mock = RunningMock.start(withFifteen)) {
            String body = "{\"effect_scene\": \"cute_dance\", \"image\": \"https://example.com/a.jpg\", \"duration\": 7}";

            assertThat(mock.client().post(SUBMIT, body, AUTH).message())
                    .isEqualTo("Value out of range: parameter 'duration' must be one of [5, 10, 15], got 7");
        }
    }
}
