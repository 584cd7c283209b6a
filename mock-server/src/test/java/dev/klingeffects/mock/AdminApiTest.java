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

    @Test
    void refusesToPlantATaskWhoseIdAnotherKeyOwns() {
        plant("{\"task_id\": \"task-owned\", \"api_key\": \"owner-key\", \"status\": \"success\"}");

        var answer = mock.client().post("/__admin/tasks",
                "{\"task_id\": \"task-owned\", \"api_key\": \"thief-key\", \"status\": \"failed\"}", Map.of());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.message()).isEqualTo("Invalid parameters: task 'task-owned' already exists for another API key");
        var owners = mock.client().get(TASKS + "task-owned", Requests.auth("owner-key")).json().path("data");
        assertThat(owners.path("status").asText()).isEqualTo("success");
        assertThat(mock.client().get(TASKS + "task-owned", Requests.auth("thief-key")).status()).isEqualTo(404);
    }

    @Test
    void letsTheSameKeyPlantTheSameIdAgainWithoutListingItTwice() {
        plant("{\"task_id\": \"task-again\", \"api_key\": \"qa-key\", \"status\": \"success\"}");

        plant("{\"task_id\": \"task-again\", \"api_key\": \"qa-key\", \"status\": \"failed\"}");

        assertThat(mock.client().get(TASKS + "task-again", Requests.auth("qa-key")).json().path("data").path("status")
                .asText()).isEqualTo("failed");
        assertThat(mock.client().get("/__admin/tasks", Map.of()).json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void acceptsTextsOfExactlyTheSpecsLengthsAndRefusesOneCharacterMore() {
        String longest = "{\"task_id\": \"" + "t".repeat(128) + "\", \"api_key\": \"" + "k".repeat(1024)
                + "\", \"effect_scene\": \"" + "e".repeat(64) + "\", \"status\": \"failed\", \"error_message\": \""
                + "m".repeat(1024) + "\"}";
        plant(longest);

        for (String[] over : new String[][] {{"t".repeat(128), "t".repeat(129), "task_id", "128"},
                {"k".repeat(1024), "k".repeat(1025), "api_key", "1024"}, {"e".repeat(64), "e".repeat(65), "effect_scene", "64"},
                {"m".repeat(1024), "m".repeat(1025), "error_message", "1024"}}) {
            var answer = mock.client().post("/__admin/tasks", longest.replace(over[0], over[1]), Map.of());

            assertThat(answer.status()).as(over[2]).isEqualTo(400);
            assertThat(answer.message()).isEqualTo("Value out of range: parameter '" + over[2] + "' must have at most "
                    + over[3] + " characters, got " + over[1].length());
        }
    }

    @Test
    void refusesAPlannedFailureReasonLongerThanTheSpecAllows() {
        var answer = mock.client().post("/__admin/outcomes",
                "{\"status\": \"failed\", \"error_message\": \"" + "m".repeat(1025) + "\"}", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Value out of range: parameter 'error_message' must have at most 1024 characters, got 1025");
    }

    private static void plant(String body) {
        assertThat(mock.client().post("/__admin/tasks", body, Map.of()).status()).isEqualTo(200);
    }
}
