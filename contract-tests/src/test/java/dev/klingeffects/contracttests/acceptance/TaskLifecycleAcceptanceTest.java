package dev.klingeffects.contracttests.acceptance;

import static dev.klingeffects.contracttests.support.Contract.SUBMIT_PATH;
import static dev.klingeffects.contracttests.support.Contract.TASKS_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.klingeffects.contracttests.support.AcceptanceApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Submit, poll through the lifecycle on the virtual clock, download the MP4; failure and expiry. */
class TaskLifecycleAcceptanceTest {

    private static final String KEY = "lifecycle-key";
    private static final String BODY = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\"}";
    @RegisterExtension
    static final AcceptanceApi api = AcceptanceApi.perClass("--pending-ms", "1000", "--processing-ms", "4000",
            "--result-ttl", "PT1H");

    @BeforeEach
    void reset() {
        api.mock().admin().reset();
    }

    private static String submit(String prefer) {
        var request = api.as(KEY).contentType("application/json").body(BODY);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.post(SUBMIT_PATH).then().statusCode(200).body("data.status", equalTo("pending"))
                .extract().path("data.task_id");
    }

    @Test
    void walksFromSubmitToADownloadedVideo() {
        String taskId = submit(null);

        api.as(KEY).get(TASKS_PATH + taskId).then().statusCode(200).body("data.status", equalTo("pending"));
        api.mock().admin().advanceClock(java.time.Duration.ofMillis(1000));
        api.as(KEY).get(TASKS_PATH + taskId).then().statusCode(200).body("data.status", equalTo("processing"));
        api.mock().admin().advanceClock(java.time.Duration.ofMillis(4000));
        String url = api.as(KEY).get(TASKS_PATH + taskId).then().statusCode(200)
                .body("data.status", equalTo("success"))
                .body("data.result.resources[0].type", equalTo("video"))
                .extract().path("data.result.resources[0].url");

        byte[] video = api.given().get(url.substring(url.indexOf("/files/"))).then().statusCode(200)
                .contentType("video/mp4").extract().asByteArray();
        assertThat(new String(video, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void endsInFailureWhenAskedWithItsReason() {
        String taskId = submit("outcome=failed");
        api.mock().admin().advanceClock(java.time.Duration.ofMillis(5000));

        api.as(KEY).get(TASKS_PATH + taskId).then().statusCode(200)
                .body("data.status", equalTo("failed"))
                .body("data.error_message", equalTo("Failure to pass the risk control system"));
    }

    @Test
    void forgetsTheTaskAndItsFileWhenTheResultExpires() {
        String taskId = submit(null);
        api.mock().admin().advanceClock(java.time.Duration.ofMillis(5000));
        String fileUrl = api.as(KEY).get(TASKS_PATH + taskId).then().statusCode(200)
                .extract().path("data.result.resources[0].url");
        api.mock().admin().advanceClock(java.time.Duration.ofMillis(3_600_000));

        api.as(KEY).get(TASKS_PATH + taskId).then().statusCode(404)
                .body("message", equalTo("Resource not found: task '" + taskId + "' not found"));
        api.given().get("/files/" + taskId + ".mp4").then().statusCode(404);
        api.given().get(fileUrl.substring(fileUrl.indexOf("/files/"))).then().statusCode(404);
    }

    @Test
    void hidesATaskFromAnotherKey() {
        String taskId = submit(null);

        api.as("someone-else").get(TASKS_PATH + taskId).then().statusCode(404);
    }
}
