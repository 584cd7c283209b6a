package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pending → processing → success | failed on the virtual clock; results expire. No test sleeps. */
class TaskLifecycleTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass("--pending-ms", "1000", "--processing-ms", "4000", "--result-ttl", "PT1H",
            "--frozen-clock", "true");

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private static String submit(Map<String, String> headers) {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), headers);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().at("/data/task_id").asText();
    }

    private static JsonNode poll(String taskId) {
        var answer = mock.client().get(TASKS + taskId, AUTH);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("data");
    }

    @Test
    void submitAnswersPendingWithALinkToPoll() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);

        JsonNode data = answer.json().path("data");
        assertThat(answer.json().path("code").asInt()).isZero();
        assertThat(answer.json().path("message").asText()).isEqualTo("success");
        assertThat(data.path("status").asText()).isEqualTo("pending");
        assertThat(data.path("task_id").asText()).startsWith("task-");
        assertThat(data.path("model_id").asText()).isEqualTo("kling-video-effects");
        assertThat(data.at("/get_result/method").asText()).isEqualTo("GET");
        assertThat(data.at("/get_result/url").asText()).isEqualTo(mock.baseUrl() + TASKS + data.path("task_id").asText());
    }

    @Test
    void movesFromPendingThroughProcessingToSuccess() {
        String taskId = submit(AUTH);

        assertThat(poll(taskId).path("status").asText()).isEqualTo("pending");
        mock.advanceClock(1000);
        assertThat(poll(taskId).path("status").asText()).isEqualTo("processing");
        mock.advanceClock(4000);
        JsonNode done = poll(taskId);

        assertThat(done.path("status").asText()).isEqualTo("success");
        assertThat(done.path("duration").asLong()).isEqualTo(5000);
        JsonNode video = done.at("/result/resources/0");
        assertThat(video.path("url").asText()).matches(java.util.regex.Pattern.quote(mock.baseUrl() + "/files/" + taskId)
                + "\\.[0-9a-f]{32}\\.mp4");
        assertThat(video.path("type").asText()).isEqualTo("video");
        assertThat(video.path("width").asInt()).isEqualTo(720);
        assertThat(video.path("height").asInt()).isEqualTo(1280);
        assertThat(done.at("/result/metadata/effect_scene").asText()).isEqualTo("pet_lion_pro");
    }

    @Test
    void resultExpiresAfterTheConfiguredTimeToLive() {
        String taskId = submit(AUTH);
        mock.advanceClock(5000);
        long expiresAt = poll(taskId).path("result_expires_at").asLong();
        long now = mock.client().get("/__admin/clock", Map.of()).json().path("now").asLong();

        assertThat(expiresAt - now).isEqualTo(3_600_000);
        mock.advanceClock(3_600_000 - 1);
        assertThat(mock.client().get(TASKS + taskId, AUTH).status()).isEqualTo(200);
        mock.advanceClock(1);

        var expired = mock.client().get(TASKS + taskId, AUTH);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.message()).isEqualTo("Resource not found: task '" + taskId + "' not found");
        assertThat(mock.client().get("/files/" + taskId + ".mp4", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void preferOutcomeFailedEndsInFailureWithAReason() {
        String taskId = submit(Map.of("Authorization", "Bearer " + Requests.KEY, "Prefer", "outcome=failed"));

        mock.advanceClock(5000);
        JsonNode failed = poll(taskId);

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error_message").asText()).isEqualTo("Failure to pass the risk control system");
        assertThat(failed.has("result")).isFalse();
    }

    @Test
    void adminCanForceAFailureWithItsOwnReason() {
        String taskId = submit(AUTH);

        var forced = mock.client().post("/__admin/tasks/" + taskId + "/state",
                "{\"status\": \"failed\", \"error_message\": \"Image pixel is invalid\"}", Map.of());

        assertThat(forced.status()).isEqualTo(200);
        JsonNode task = poll(taskId);
        assertThat(task.path("status").asText()).isEqualTo("failed");
        assertThat(task.path("error_message").asText()).isEqualTo("Image pixel is invalid");
    }

    @Test
    void adminCanHoldATaskInProcessing() {
        String taskId = submit(AUTH);
        mock.client().post("/__admin/tasks/" + taskId + "/state", "{\"status\": \"processing\"}", Map.of());

        mock.advanceClock(600_000);

        assertThat(poll(taskId).path("status").asText()).isEqualTo("processing");
    }

    @Test
    void successfulTaskServesARealMp4() {
        String taskId = submit(AUTH);
        mock.advanceClock(5000);
        String url = poll(taskId).at("/result/resources/0/url").asText();

        var file = mock.client().get(url.substring(mock.baseUrl().length()), Map.of());

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("video/mp4");
        byte[] bytes = file.raw().body();
        assertThat(new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void resultFileIsNotReachableFromTheTaskIdAlone() {
        String taskId = submit(AUTH);
        mock.advanceClock(5000);
        String url = poll(taskId).at("/result/resources/0/url").asText();
        String token = url.substring(url.indexOf(taskId) + taskId.length() + 1, url.length() - ".mp4".length());

        assertThat(mock.client().get("/files/" + taskId + ".mp4", Map.of()).status()).isEqualTo(404);
        assertThat(mock.client().get("/files/" + taskId + "." + "0".repeat(32) + ".mp4", Map.of()).status()).isEqualTo(404);
        assertThat(mock.client().get("/files/" + taskId + "." + token + ".mp4", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void taskIdsCarry128RandomBitsSoOneDoesNotPredictTheNext() {
        String first = submit(AUTH);
        String second = submit(AUTH);

        assertThat(first).matches("task-[0-9a-f]{32}");
        assertThat(second).matches("task-[0-9a-f]{32}");
        // ThreadLocalRandom ids shared their high bits from one submit to the next; these share nothing.
        assertThat(first.substring(5, 13)).isNotEqualTo(second.substring(5, 13));
    }

    @Test
    void fileOfAnUnfinishedTaskIsNotFound() {
        String taskId = submit(AUTH);

        var file = mock.client().get("/files/" + taskId + ".mp4", Map.of());

        assertThat(file.status()).isEqualTo(404);
        assertThat(file.message()).isEqualTo("Resource not found: file '" + taskId + ".mp4' not found");
    }

    @Test
    void unknownTaskIsNotFound() {
        var answer = mock.client().get(TASKS + "task-unknown", AUTH);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message()).isEqualTo("Resource not found: task 'task-unknown' not found");
    }

    @Test
    void linksUseThePublicUrlWhenSet() {
        try (RunningMock behindProxy = RunningMock.start("--public-url", "https://mock.example.test/")) {
            var answer = behindProxy.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);

            assertThat(answer.json().at("/data/get_result/url").asText())
                    .startsWith("https://mock.example.test/api/v1/tasks/task-");
        }
    }

    @Test
    void twoPersonTaskKeepsItsDefaultDurationOfFiveSeconds() {
        var answer = mock.client().post(SUBMIT, Requests.twoPerson("hug_pro"), AUTH);
        mock.advanceClock(5000);

        JsonNode done = poll(answer.json().at("/data/task_id").asText());

        assertThat(done.at("/result/metadata/video_duration_seconds").asInt()).isEqualTo(5);
    }
}
