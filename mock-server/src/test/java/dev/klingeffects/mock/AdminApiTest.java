package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code /__admin} API. */
class AdminApiTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass("--journal-size", "3");

    @BeforeEach
    void reset() {
        mock.reset();
    }

    @Test
    void journalKeepsOnlyTheLastRequestsWithoutKeysOrBodies() {
        for (int i = 0; i < 5; i++) {
            mock.client().get(TASKS + "task-" + i, AUTH);
        }

        var journal = mock.client().get("/__admin/requests", Map.of()).json().path("requests");

        assertThat(journal).hasSize(3);
        assertThat(journal.get(2).path("path").asText()).isEqualTo(TASKS + "task-4");
        assertThat(journal.get(2).path("status").asInt()).isEqualTo(404);
        assertThat(journal.toString()).doesNotContain(Requests.KEY);
    }

    @Test
    void journalCanBeCleared() {
        mock.client().get(TASKS + "task-1", AUTH);

        mock.client().send("DELETE", "/__admin/requests", null, Map.of());

        assertThat(mock.client().get("/__admin/requests", Map.of()).json().path("requests")).isEmpty();
    }

    @Test
    void listsTasksWithTheirStatusAndAMaskedOwner() {
        String taskId = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).json().at("/data/task_id").asText();

        var tasks = mock.client().get("/__admin/tasks", Map.of()).json().path("tasks");

        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("task_id").asText()).isEqualTo(taskId);
        assertThat(tasks.get(0).path("status").asText()).isEqualTo("pending");
        assertThat(tasks.get(0).path("owner").asText()).isEqualTo("te****-1");
    }

    @Test
    void resetForgetsTasksAndTheClockOffset() {
        String taskId = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).json().at("/data/task_id").asText();
        mock.advanceClock(10_000);

        mock.reset();

        assertThat(mock.client().get(TASKS + taskId, AUTH).status()).isEqualTo(404);
        assertThat(mock.client().get("/__admin/clock", Map.of()).json().path("offset_millis").asLong()).isZero();
    }

    @Test
    void clockAdvancesByTheGivenMilliseconds() {
        var answer = mock.client().post("/__admin/clock/advance", "{\"millis\": 2500}", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("offset_millis").asLong()).isEqualTo(2500);
    }

    @Test
    void clockRefusesToGoBackwards() {
        var answer = mock.client().post("/__admin/clock/advance", "{\"millis\": -1}", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid parameters: parameter 'millis' must be an integer from 0 to 3162240000000");
    }

    @Test
    void forcingAnUnknownStatusIsRefused() {
        String taskId = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).json().at("/data/task_id").asText();

        var answer = mock.client().post("/__admin/tasks/" + taskId + "/state", "{\"status\": \"done\"}", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Value out of range: parameter 'status' must be one of [pending, processing, success, failed], got \"done\"");
    }

    @Test
    void createsATaskWithAKnownIdInTheStateAsked() {
        var created = mock.client().post("/__admin/tasks", "{\"task_id\": \"task-1\", \"api_key\": \"" + Requests.KEY
                + "\", \"status\": \"failed\", \"error_message\": \"Image pixel is invalid\"}", Map.of());

        var task = mock.client().get(TASKS + "task-1", AUTH).json().path("data");

        assertThat(created.status()).isEqualTo(200);
        assertThat(task.path("status").asText()).isEqualTo("failed");
        assertThat(task.path("error_message").asText()).isEqualTo("Image pixel is invalid");
    }

    @Test
    void creatingATaskNeedsAnIdAndAKey() {
        var answer = mock.client().post("/__admin/tasks", "{\"task_id\": \"task-1\"}", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid parameters: parameter 'api_key' is required");
    }

    @Test
    void forcingAnUnknownTaskIsNotFound() {
        var answer = mock.client().post("/__admin/tasks/task-nope/state", "{\"status\": \"failed\"}", Map.of());

        assertThat(answer.status()).isEqualTo(404);
    }
}
