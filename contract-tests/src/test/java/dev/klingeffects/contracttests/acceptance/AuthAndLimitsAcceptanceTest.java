package dev.klingeffects.contracttests.acceptance;

import static dev.klingeffects.contracttests.support.Contract.SUBMIT_PATH;
import static dev.klingeffects.contracttests.support.Contract.TASKS_PATH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.klingeffects.contracttests.support.AcceptanceApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication with a restricted key set, and the upstream-like limits switched on. */
class AuthAndLimitsAcceptanceTest {

    private static final String BODY = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\"}";
    @RegisterExtension
    static final AcceptanceApi api = AcceptanceApi.perClass("--api-key", "team-a", "--api-key", "team-b",
            "--rate-limit", "5", "--concurrent-limit", "2");

    @BeforeEach
    void reset() {
        api.mock().admin().reset();
    }

    @Test
    void rejectsAMissingKeyOnBothOperations() {
        api.given().contentType("application/json").body(BODY).post(SUBMIT_PATH).then().statusCode(401)
                .body("message", equalTo("Authentication failed: missing Authorization header"));
        api.given().get(TASKS_PATH + "task-1").then().statusCode(401);
    }

    @Test
    void rejectsAKeyOutsideTheConfiguredSet() {
        api.as("team-c").get(TASKS_PATH + "task-1").then().statusCode(401)
                .body("message", equalTo("Authentication failed: invalid API key"));
    }

    @Test
    void rejectsAnotherScheme() {
        api.given().header("Authorization", "Basic dGVhbS1hOg==").get(TASKS_PATH + "task-1").then().statusCode(401)
                .body("message", equalTo("Authentication failed: Authorization header must use the Bearer scheme"));
    }

    @Test
    void refusesRequestsOverTheRateLimitWithItsHeaders() {
        for (int i = 0; i < 5; i++) {
            api.as("team-a").get(TASKS_PATH + "task-1").then().statusCode(404).header("X-RateLimit-Limit", "5");
        }

        api.as("team-a").get(TASKS_PATH + "task-1").then().statusCode(429)
                .header("X-RateLimit-Remaining", "0").header("Retry-After", notNullValue())
                .body("message", startsWith("Rate limit exceeded: at most 5 requests per minute per team"));
        api.as("team-a").contentType("application/json").body(BODY).post(SUBMIT_PATH).then().statusCode(429);
    }

    @Test
    void refusesASubmitOverTheConcurrentTaskLimit() {
        api.as("team-b").contentType("application/json").body(BODY).post(SUBMIT_PATH).then().statusCode(200);
        api.as("team-b").contentType("application/json").body(BODY).post(SUBMIT_PATH).then().statusCode(200);

        api.as("team-b").contentType("application/json").body(BODY).post(SUBMIT_PATH).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("message", equalTo("Concurrent limit exceeded: at most 2 unfinished tasks per team, wait for one to finish"));
    }
}
