package dev.klingeffects.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The submit and poll answers, written without a JSON tree, is byte for byte what Jackson writes for the same tree (but for
 * characters beyond the BMP, which it writes in UTF-8 rather than as escaped surrogate pairs).
 */
class TaskAnswerBodiesTest {

    /** Characters beyond the BMP in UTF-8, not as two escaped surrogates: valid JSON either way, and shorter. */
    private static final ObjectMapper JACKSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build());

    static Stream<Arguments> idsAndBaseUrls() {
        return Stream.of(
                Arguments.of("task-0123456789abcdef0123456789abcdef", "http://127.0.0.1:8080"),
                Arguments.of("task-\"quoted\"\\back/slash", "http://[::1]:8080"),
                Arguments.of("task-\u00e9-\u6f22\u5b57-\ud83d\ude00", "http://host\"with\\escapes\u0001\u001f\u007f:1"),
                Arguments.of("task-\u0000\t\n\r\b\f", "https://ex.com/prefix/\u00e9</script>\u2028\u2029"));
    }

    @ParameterizedTest
    @MethodSource("idsAndBaseUrls")
    void isWhatJacksonWritesForTheSameTree(String id, String baseUrl) throws Exception {
        TaskViews views = new TaskViews("kling-video-effects", "/api/v1/tasks/", null, null);
        Task task = new Task(id, KeyId.of("key"), "pet_lion_pro", 5, 0, 1000, 5000, TaskStatus.SUCCESS, null, null, "t");

        byte[] written = views.submitted(task, baseUrl);

        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(JACKSON.writeValueAsBytes(tree(id, baseUrl + "/api/v1/tasks/" + id)),
                        StandardCharsets.UTF_8));
    }

    static Stream<Arguments> pollsAtEachStatus() {
        return Stream.of(
                Arguments.of(0L, null), Arguments.of(2000L, null), Arguments.of(6000L, null),
                Arguments.of(6000L, "upstream said \"no\"\n\u00e9\ud83d\ude00"), Arguments.of(6000L, ""));
    }

    @ParameterizedTest
    @MethodSource("pollsAtEachStatus")
    void aPollAnswerIsWhatJacksonWritesForTheSameTree(long now, String failureReason) throws Exception {
        TaskStore store = new TaskStore(10, 3_600_000, new MockClock(true));
        TaskViews views = new TaskViews("kling-video-effects", "/api/v1/tasks/", new SampleVideo(new byte[0], 640, 360,
                "mp4\"x"), store);
        boolean fails = failureReason != null;
        Task task = new Task("task-\"a\"\u00e9", KeyId.of("key"), "pet_\"lion\"", 10, 0, 1000, 5000,
                fails ? TaskStatus.FAILED : TaskStatus.SUCCESS, failureReason, null, "tok");
        String baseUrl = "http://h\"1\u0001:1";

        byte[] written = views.task(task, now, baseUrl);

        ObjectNode data = JACKSON.createObjectNode();
        TaskStatus status = task.statusAt(now);
        data.put("status", status.wire());
        data.put("task_id", task.id());
        data.put("model_id", "kling-video-effects");
        if (status.finished()) {
            data.put("duration", 5000);
        }
        if (status == TaskStatus.SUCCESS) {
            ObjectNode result = data.putObject("result");
            ObjectNode resource = result.putArray("resources").addObject();
            resource.put("url", baseUrl + VideoFileHandler.path(task));
            resource.put("type", "video");
            resource.put("width", 640);
            resource.put("height", 360);
            resource.put("format", "mp4\"x");
            resource.put("role", "primary");
            ObjectNode metadata = result.putObject("metadata");
            metadata.put("effect_scene", task.effect());
            metadata.put("video_duration_seconds", 10);
            data.put("result_expires_at", 5000 + 3_600_000L);
        }
        if (status == TaskStatus.FAILED) {
            data.put("error_message", failureReason);
        }
        ObjectNode body = JACKSON.createObjectNode();
        body.put("code", 0);
        body.put("message", "success");
        body.set("data", data);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(JACKSON.writeValueAsBytes(body), StandardCharsets.UTF_8));
    }

    /** Jackson's generator escapes a lone surrogate; UTF-8 has none, and String.getBytes writes '?' for it. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x\ud800y", "x\ude00\ud83dy", "\udbff", "end\ud83d", "\udc00"})
    void aLoneSurrogateInAFailureReasonReadsBackAsItWasSetAsTheTreeWroteIt(String reason) throws Exception {
        TaskStore store = new TaskStore(10, 3_600_000, new MockClock(true));
        TaskViews views = new TaskViews("kling-video-effects", "/api/v1/tasks/", new SampleVideo(new byte[0], 640, 360,
                "mp4"), store);
        Task task = new Task("task-" + reason, KeyId.of("key"), "pet_lion_pro", 10, 0, 1000, 5000, TaskStatus.FAILED,
                reason, null, "tok");

        byte[] polled = views.task(task, 6000, "http://h:1");
        byte[] submitted = views.submitted(task, "http://h:1");

        String escaped = new String(Json.MAPPER.writeValueAsBytes(reason), StandardCharsets.UTF_8);
        assertThat(new String(polled, StandardCharsets.UTF_8)).contains("\"error_message\":" + escaped)
                .contains("\"task_id\":" + new String(Json.MAPPER.writeValueAsBytes("task-" + reason), StandardCharsets.UTF_8));
        assertThat(Json.MAPPER.readTree(polled).at("/data/error_message").asText()).isEqualTo(reason);
        assertThat(Json.MAPPER.readTree(submitted).at("/data/task_id").asText()).isEqualTo("task-" + reason);
    }

    private static ObjectNode tree(String id, String url) {
        ObjectNode body = JACKSON.createObjectNode();
        body.put("code", 0);
        body.put("message", "success");
        ObjectNode data = body.putObject("data");
        data.put("status", "pending");
        data.put("task_id", id);
        data.put("model_id", "kling-video-effects");
        ObjectNode link = data.putObject("get_result");
        link.put("method", "GET");
        link.put("url", url);
        return body;
    }
}
