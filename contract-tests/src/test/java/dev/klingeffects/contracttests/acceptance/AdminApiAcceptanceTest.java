package dev.klingeffects.contracttests.acceptance;

import static dev.klingeffects.contracttests.support.Contract.TASKS_PATH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.klingeffects.contracttests.support.AcceptanceApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code /__admin} API as QA uses it: seed a task, force it, move time, read the journal, reset. */
class AdminApiAcceptanceTest {

    @RegisterExtension
    static final AcceptanceApi api = AcceptanceApi.perClass();

    @BeforeEach
    void reset() {
        api.admin().post("/__admin/reset").then().statusCode(200);
    }

    @Test
    void seedsForcesAndListsTasks() {
        api.admin().body("{\"task_id\": \"task-qa-1\", \"api_key\": \"qa-key\"}").post("/__admin/tasks").then().statusCode(200);
        api.admin().body("{\"status\": \"failed\", \"error_message\": \"Image pixel is invalid\"}")
                .post("/__admin/tasks/task-qa-1/state").then().statusCode(200).body("status", equalTo("failed"));

        api.as("qa-key").get(TASKS_PATH + "task-qa-1").then().statusCode(200).body("data.error_message", equalTo("Image pixel is invalid"));
        api.given().get("/__admin/tasks").then().statusCode(200).body("tasks", hasSize(1))
                .body("tasks[0].status", equalTo("failed"));
    }

    @Test
    void journalsApiRequestsAndClearsThem() {
        api.as("qa-key").get(TASKS_PATH + "task-none").then().statusCode(404);

        api.given().get("/__admin/requests").then().statusCode(200).body("requests", hasSize(1))
                .body("requests[0].status", equalTo(404));
        api.given().delete("/__admin/requests").then().statusCode(200);
        api.given().get("/__admin/requests").then().body("requests", hasSize(0));
    }

    @Test
    void advancesTheClock() {
        api.admin().body("{\"millis\": 90000}").post("/__admin/clock/advance").then().statusCode(200)
                .body("offset_millis", equalTo(90000));
    }
}
