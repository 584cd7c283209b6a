package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.validation.SubmitValidator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fields the contract does not read are skipped, never built, and what the fields it reads may build is
 * bounded: a body costs about its own bytes, whatever it holds. Memory is measured as the bytes the
 * validating thread allocates, which is deterministic, unlike the heap.
 */
class UnknownFieldsTest {

    private static final String VALID_START =
            "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\", ";
    private static SubmitValidator validator;

    @BeforeAll
    static void compile() {
        ContractSpec spec = ContractSpec.load();
        validator = new SubmitValidator(spec, CatalogRules.from(spec, EffectCatalog.load(spec)));
        // Warm the parser up, so the measured runs allocate only what the body costs.
        for (int i = 0; i < 20; i++) {
            validator.validate(bytes(VALID_START + "\"x\": [" + "{},".repeat(1000) + "{\"a\": [1, \"b\"]}]}"));
        }
    }

    @Test
    void skipsAnUnknownFieldOfThousandsOfEmptyObjectsWithoutBuildingThem() {
        String unknown = "\"x\": [" + "{},".repeat(4_000) + "{}], ";

        long extra = allocatedWhile(VALID_START + unknown) - allocatedWhile(VALID_START);

        assertThat(extra).as("bytes allocated beyond a body without the field").isLessThan(unknown.length());
    }

    @Test
    void skipsDeeplyNestedUnknownArraysWithoutBuildingThem() {
        String unknown = "\"x\": [" + ("[".repeat(60) + "]".repeat(60) + ",").repeat(60) + "1], ";

        long extra = allocatedWhile(VALID_START + unknown) - allocatedWhile(VALID_START);

        assertThat(extra).as("bytes allocated beyond a body without the field").isLessThan(unknown.length());
    }

    @Test
    void refusesMoreTokensThanTheBoundBeforeRememberingTheirNames() {
        String members = IntStream.range(0, 200_000).mapToObj(i -> "\"m" + i + "\": 0").collect(Collectors.joining(","));
        byte[] body = bytes(VALID_START + "\"x\": {" + members + "}}");

        long allocated = allocatedWhile(() -> assertThat(validator.validate(body).error().message()).isEqualTo(
                "Invalid format: request body must hold at most 10000 JSON tokens (names, values, brackets)"));

        assertThat(allocated).as("bytes allocated for a %d-byte body", body.length).isLessThan(body.length / 2);
    }

    @Test
    void acceptsABodyOfExactlyTheMostTokens() {
        // 9 tokens besides the items: { and }, two names and their values, the name "x", [ and ].
        String exactly = VALID_START + "\"x\": [" + "0,".repeat(SubmitValidator.MAX_TOKENS - 10) + "0]}";
        String oneMore = VALID_START + "\"x\": [" + "0,".repeat(SubmitValidator.MAX_TOKENS - 9) + "0]}";

        assertThat(validator.validate(bytes(exactly)).error()).isNull();
        assertThat(validator.validate(bytes(oneMore)).error().message()).startsWith("Invalid format: request body must hold at most");
    }

    @Test
    void countsTheItemsOfAnArrayTooLongToKeepWithoutBuildingThem() {
        String items = "\"https://example.com/a.jpg\",".repeat(5_000);
        byte[] body = bytes("{\"effect_scene\": \"hug_pro\", \"images\": [" + items + "\"https://example.com/b.jpg\"]}");

        long allocated = allocatedWhile(() -> assertThat(validator.validate(body).error().message()).isEqualTo(
                "Value out of range: parameter 'images' must contain exactly 2 items, got 5001"));

        assertThat(allocated).as("bytes allocated for a %d-byte body", body.length).isLessThan(body.length / 2);
    }

    @Test
    void reportsTheCountOfAnArrayOfSixtyFiveStrings() {
        String items = IntStream.range(0, 65).mapToObj(i -> "\"https://example.com/" + i + ".jpg\"")
                .collect(Collectors.joining(","));

        var outcome = validator.validate(bytes("{\"effect_scene\": \"hug_pro\", \"images\": [" + items + "]}"));

        assertThat(outcome.error().message()).isEqualTo("Value out of range: parameter 'images' must contain exactly 2 items, got 65");
    }

    @Test
    void showsALargeObjectWhereAStringBelongsWithoutBuildingIt() {
        String members = IntStream.range(0, 3_000).mapToObj(i -> "\"m" + i + "\": 0").collect(Collectors.joining(","));
        byte[] body = bytes("{\"effect_scene\": \"pet_lion_pro\", \"image\": {" + members + "}}");

        long allocated = allocatedWhile(() -> assertThat(validator.validate(body).error().message()).isEqualTo(
                "Invalid format: parameter 'image' must be a string, got {…}"));

        assertThat(allocated).isLessThan(body.length / 4);
    }

    @Test
    void showsASmallObjectWhereAStringBelongsAsItWasSent() {
        var outcome = validator.validate(bytes("{\"effect_scene\": \"pet_lion_pro\", \"image\": {\"url\": \"x\"}}"));

        assertThat(outcome.error().message()).isEqualTo("Invalid format: parameter 'image' must be a string, got {\"url\":\"x\"}");
    }

    @Test
    void stillRefusesMalformedJsonInsideAnUnknownField() {
        var outcome = validator.validate(bytes(VALID_START + "\"x\": [{\"a\": 1}, {]}"));

        assertThat(outcome.error().message()).isEqualTo("Invalid format: invalid JSON format");
    }

    @Test
    void stillRefusesAFieldItReadsGivenTwiceAfterUnknownOnes() {
        var outcome = validator.validate(bytes(VALID_START + "\"x\": 1, \"effect_scene\": \"hug_pro\"}"));

        assertThat(outcome.error().message()).isEqualTo("Invalid format: invalid JSON format");
    }

    @Test
    void ignoresAnUnknownFieldGivenTwiceAsItIgnoresItOnce() {
        var outcome = validator.validate(bytes(VALID_START + "\"x\": 1, \"x\": {\"y\": 2, \"y\": 3}}"));

        assertThat(outcome.error()).isNull();
    }

    private static long allocatedWhile(String body) {
        byte[] bytes = bytes(body.endsWith(", ") ? body.substring(0, body.length() - 2) + "}" : body);
        return allocatedWhile(() -> assertThat(validator.validate(bytes).error()).isNull());
    }

    /** The least of a few runs: the first of them may still be compiling the parser's paths. */
    private static long allocatedWhile(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            work.run();
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
