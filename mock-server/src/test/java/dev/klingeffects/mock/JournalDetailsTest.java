package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.mock.admin.BodySummary;
import dev.klingeffects.mock.admin.RequestJournal;
import dev.klingeffects.mock.support.Images;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal keeps what was sent (headers with the key masked, the body summarised), within its bounds. */
class JournalDetailsTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private JsonNode newest() {
        return mock.newestJournalEntry();
    }

    @Test
    void keepsTheHeadersWithTheKeyMaskedAsEverywhereElse() {
        mock.client().get(TASKS + "task-1", Map.of("Authorization", "Bearer secret-key-42", "X-Trace", "abc"));

        JsonNode headers = newest().path("headers");

        assertThat(headers.path("Authorization").asText()).isEqualTo("Bearer se****42");
        assertThat(headers.path("X-Trace").asText()).isEqualTo("abc");
        assertThat(newest().toString()).doesNotContain("secret-key-42");
    }

    @Test
    void keepsASubmitBodyAsSent() {
        String body = "{\"effect_scene\": \"bullet_time\", \"image\": \"https://example.com/cat.jpg\", \"duration\": 10}";
        mock.client().post(SUBMIT, body, Requests.AUTH);

        assertThat(newest().path("body").asText()).isEqualTo(body);
    }

    @Test
    void keepsABase64ImageAsItsLengthAndCrc32c() {
        submitsAndKeepsAsItsLengthAndCrc32c(Images.base64("jpg", 400, 400));
    }

    @Test
    void keepsAnImageTheValidationKeptInPlaceAsItsLengthAndCrc32c() {
        String image = java.util.Base64.getEncoder().encodeToString(Images.jpegWithLargeExif(400, 400, 60_000));
        assertThat(image.length()).isGreaterThan(64 * 1024);

        submitsAndKeepsAsItsLengthAndCrc32c(image);
    }

    private void submitsAndKeepsAsItsLengthAndCrc32c(String image) {
        mock.client().post(SUBMIT, Requests.base64Image(image), Requests.AUTH);
        CRC32C crc = new CRC32C();
        crc.update(image.getBytes(StandardCharsets.US_ASCII));

        assertThat(newest().path("body").asText()).isEqualTo("{\"effect_scene\": \"pet_lion_pro\", \"image\": \"<base64: "
                + image.length() + " chars, crc32c " + String.format("%08x", crc.getValue()) + ">\"}");
    }

    @Test
    void aStringTheValidationFoundIsTakenAtItsWordNotScannedAgain() {
        byte[] body = ("{\"image\": \"" + "A".repeat(1000) + "\", \"n\": 1}").getBytes(StandardCharsets.US_ASCII);
        int start = "{\"image\": \"".length();

        assertThat(BodySummary.of(body, new int[] {start, start + 1000})).isEqualTo(BodySummary.of(body));
        // A span shorter than the string shows that the summary used it rather than searching for the quote.
        assertThat(BodySummary.of(body, new int[] {start, start + 500})).contains("<base64: 500 chars");
    }

    @Test
    void aPollHasNoBody() {
        mock.client().get(TASKS + "task-1", Requests.AUTH);

        assertThat(newest().path("body").isNull()).isTrue();
    }

    @Test
    void cutsALongBodyAtItsBoundAndSaysHowLongItWas() {
        String junk = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\", \"x\": ["
                + "1,".repeat(20_000) + "1]}";
        mock.client().post(SUBMIT, junk, Requests.AUTH);

        String kept = newest().path("body").asText();

        assertThat(kept).hasSize(BodySummary.MAX_CHARS + ("…(" + junk.length() + " bytes)").length())
                .endsWith("…(" + junk.length() + " bytes)");
    }

    @Test
    void keepsAtMostTheBoundOfHeaders() {
        Map<String, String> many = new HashMap<>(Requests.AUTH);
        for (int i = 0; i < 50; i++) {
            many.put("X-Header-" + i, "v" + i);
        }
        mock.client().get(TASKS + "task-1", many);

        assertThat(newest().path("headers").size()).isEqualTo(RequestJournal.MAX_HEADERS);
    }

    @Test
    void summarisingATenMegabyteImageCostsNoSecondCopyOfIt() {
        byte[] body = ("{\"image\": \"" + "A".repeat(10_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BodySummary.of(body);
        long before = threads.getCurrentThreadAllocatedBytes();

        String summary = BodySummary.of(body);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(summary).startsWith("{\"image\": \"<base64: 10000000 chars, crc32c ");
        assertThat(allocated).isLessThan(64 * 1024);
    }
}
