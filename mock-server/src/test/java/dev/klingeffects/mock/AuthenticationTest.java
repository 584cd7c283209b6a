package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Authorization: Bearer <key>}, restricted by {@code --api-key}, and tasks private to their key. */
class AuthenticationTest {

    @RegisterExtension
    static final RunningMock restricted = RunningMock.perClass("--api-key", "team-a-key", "--api-key", "team-b-key");

    @Test
    void rejectsAMissingHeader() {
        var answer = restricted.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), Map.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).isEqualTo("Authentication failed: missing Authorization header");
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {
        "Basic dXNlcjpwYXNz | Authentication failed: Authorization header must use the Bearer scheme",
        "Token team-a-key   | Authentication failed: Authorization header must use the Bearer scheme",
        "Bearer             | Authentication failed: API key is empty",
        "Bearer wrong-key   | Authentication failed: invalid API key"})
    void rejectsABadHeader(String header, String message) {
        var answer = restricted.client().get(TASKS + "task-x", Map.of("Authorization", header));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).isEqualTo(message);
    }

    @Test
    void acceptsAConfiguredKeyWithAnyCaseOfScheme() {
        var answer = restricted.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "bearer team-a-key"));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void hidesATaskFromAnotherKey() {
        String taskId = restricted.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), Requests.auth("team-a-key"))
                .json().at("/data/task_id").asText();

        var other = restricted.client().get(TASKS + taskId, Requests.auth("team-b-key"));
        var owner = restricted.client().get(TASKS + taskId, Requests.auth("team-a-key"));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.message()).isEqualTo("Resource not found: task '" + taskId + "' not found");
        assertThat(owner.status()).isEqualTo(200);
    }

    @Test
    void acceptsAnyNonEmptyKeyByDefault() {
        try (RunningMock open = RunningMock.start()) {
            var answer = open.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), Requests.auth("anything"));

            assertThat(answer.status()).isEqualTo(200);
        }
    }
}
