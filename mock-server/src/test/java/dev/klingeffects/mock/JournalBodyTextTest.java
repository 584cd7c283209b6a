package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.mock.admin.BodySummary;
import dev.klingeffects.mock.support.RawHttp;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the journal says instead of dropping silently: a body that is not JSON kept as text, long plain strings
 * labelled as text rather than Base64, and how many headers were beyond the bound.
 */
class JournalBodyTextTest {

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
    void keepsABodyThatIsNotJsonAsText() {
        Map<String, String> headers = new HashMap<>(Requests.AUTH);
        headers.put("Content-Type", "text/plain");

        var answer = mock.client().post(SUBMIT, "not json at all <b>", headers);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(newest().path("body").asText()).isEqualTo("not json at all <b>");
    }

    @Test
    void cutsABodyThatIsNotJsonAtTheSameBound() {
        Map<String, String> headers = new HashMap<>(Requests.AUTH);
        headers.put("Content-Type", "text/plain");
        String text = "word ".repeat(2000);

        mock.client().post(SUBMIT, text, headers);

        assertThat(newest().path("body").asText()).isEqualTo(text.substring(0, BodySummary.MAX_CHARS) + "…(10000 bytes)");
    }

    @Test
    void labelsALongPlainStringAsTextNotBase64() {
        String prose = "a long description, ".repeat(20).strip();
        mock.client().post(SUBMIT, "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\", "
                + "\"note\": \"" + prose + "\"}", Requests.AUTH);
        CRC32C crc = new CRC32C();
        crc.update(prose.getBytes(StandardCharsets.UTF_8));

        assertThat(newest().path("body").asText()).endsWith("\"note\": \"<" + prose.length() + " chars, crc32c "
                + String.format("%08x", crc.getValue()) + ">\"}");
    }

    @Test
    void aStringTheValidationKnewAsAnImageKeepsTheBase64Label() {
        byte[] body = ("{\"image\": \"" + "not base64 text ".repeat(40) + "\"}").getBytes(StandardCharsets.US_ASCII);
        int start = "{\"image\": \"".length();

        assertThat(BodySummary.of(body, new int[] {start, start + 640})).startsWith("{\"image\": \"<base64: 640 chars");
        assertThat(BodySummary.of(body)).startsWith("{\"image\": \"<640 chars");
    }

    @Test
    void countsTheHeadersBeyondTheBound() {
        Map<String, String> many = new HashMap<>(Requests.AUTH);
        for (int i = 0; i < 50; i++) {
            many.put("X-Header-" + i, "v" + i);
        }
        mock.client().get(Requests.TASKS + "task-1", many);

        JsonNode entry = newest();
        int sent = entry.path("headers").size() + entry.path("headers_dropped").asInt();
        assertThat(entry.path("headers").size()).isEqualTo(dev.klingeffects.mock.admin.RequestJournal.MAX_HEADERS);
        // 51 named here, plus what the HTTP client adds itself (Host, Connection, User-Agent, …)
        assertThat(entry.path("headers_dropped").asInt()).isGreaterThanOrEqualTo(51 - 32);
        assertThat(sent).isGreaterThanOrEqualTo(51);
    }

    @Test
    void dropsNoHeaderOfAnOrdinaryRequest() {
        mock.client().get(Requests.TASKS + "task-1", Requests.AUTH);

        assertThat(newest().path("headers_dropped").isInt()).isTrue();
        assertThat(newest().path("headers_dropped").asInt()).isZero();
    }

    @Test
    void keepsTheFirstValueOfANameSentTwiceAndCountsTheNameOnce() {
        RawHttp.exchange(mock.port(), ("GET " + Requests.TASKS + "task-1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer journal-key-123\r\nX-Twice: first\r\nx-twice: second\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        JsonNode entry = newest();
        assertThat(entry.path("headers").path("X-Twice").asText()).isEqualTo("first");
        assertThat(entry.path("headers").has("x-twice")).isFalse();
        assertThat(entry.path("headers").size()).isEqualTo(4);
        assertThat(entry.path("headers_dropped").asInt()).isZero();
        assertThat(entry.path("headers").path("Authorization").asText()).doesNotContain("journal-key-123");
    }
}
