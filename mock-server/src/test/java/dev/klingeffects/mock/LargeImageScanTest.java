package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.support.Images;
import dev.klingeffects.mock.validation.SubmitValidator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scans a large image is read in place with (eight bytes at a time for its end, blocks of bytes for its
 * alphabet) find the same end and the same first bad character as a byte-by-byte reading, wherever they fall.
 */
class LargeImageScanTest {

    /** Over the size from which strings are kept in place (64 KiB). */
    private static final String IMAGE = padded(Images.base64("png", 300, 300), 70_000);
    private static SubmitValidator validator;

    @BeforeAll
    static void compile() {
        ContractSpec spec = ContractSpec.load();
        validator = new SubmitValidator(spec, CatalogRules.from(spec, EffectCatalog.load(spec)));
    }

    /** A valid PNG's Base64 followed by more Base64 ('A' is zero bits): still a valid image of the same size. */
    private static String padded(String base64, int length) {
        String data = base64.replaceAll("=+$", "");
        String body = data.substring(0, data.length() - data.length() % 4);
        return body + "A".repeat(length - body.length());
    }

    private static byte[] submit(String spaces, String image) {
        return ("{\"effect_scene\":" + spaces + "\"pet_lion_pro\", \"image\": \"" + image + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "the image's text starts {0} bytes later")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void findsTheEndOfALargeImageWhereverItFallsInAWord(int shift) {
        byte[] body = submit(" ".repeat(shift), IMAGE);
        int start = new String(body, StandardCharsets.US_ASCII).indexOf(IMAGE);

        SubmitValidator.Outcome outcome = validator.validate(body);

        assertThat(outcome.error()).isNull();
        assertThat(outcome.largeStrings()).containsExactly(start, start + IMAGE.length());
    }

    @ParameterizedTest(name = "a bad character at {0}")
    @ValueSource(ints = {0, 1, 7, 8, 255, 256, 257, 511, 512, 69_998})
    void reportsTheFirstBadCharacterWhereverItFallsInABlock(int position) {
        String image = IMAGE.substring(0, position) + "*" + IMAGE.substring(position + 1, IMAGE.length() - 1) + "é";

        SubmitValidator.Outcome outcome = validator.validate(
                ("{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + image + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.error().message()).contains("unexpected character '*' at position " + position);
    }

    @Test
    void takesABadByteAboveAsciiForWhatItIs() {
        String image = IMAGE.substring(0, 300) + "é" + IMAGE.substring(301);

        SubmitValidator.Outcome outcome = validator.validate(
                ("{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + image + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.error().message()).contains("at position 300");
    }

    @Test
    void readsALargeStringWithAnEscapeThroughTheParser() {
        String image = IMAGE.substring(0, 70_000 - 16) + "\\u0041" + "A".repeat(10);

        SubmitValidator.Outcome outcome = validator.validate(submit("", image));

        assertThat(outcome.error()).isNull();
        assertThat(outcome.largeStrings()).isEmpty();
    }

    @Test
    void acceptsPaddingAtTheEndOfALargeImageOnly() {
        String padded = IMAGE.substring(0, IMAGE.length() - 2) + "==";
        String paddedInside = IMAGE.substring(0, 1000) + "=" + IMAGE.substring(1001);

        assertThat(validator.validate(submit("", padded)).error()).isNull();
        assertThat(validator.validate(submit("", paddedInside)).error().message())
                .contains("unexpected character '=' at position 1000");
    }
}
