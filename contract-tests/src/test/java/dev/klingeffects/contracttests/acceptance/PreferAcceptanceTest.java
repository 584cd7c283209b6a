package dev.klingeffects.contracttests.acceptance;

import static dev.klingeffects.contracttests.support.Contract.SUBMIT_PATH;
import static dev.klingeffects.contracttests.support.Contract.TASKS_PATH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contracttests.support.AcceptanceApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented status of every operation can be provoked with {@code Prefer: code=…}. */
class PreferAcceptanceTest {

    private static final ContractSpec SPEC = ContractSpec.load();
    @RegisterExtension
    static final AcceptanceApi api = AcceptanceApi.perClass();

    static Stream<Arguments> documentedStatuses() {
        return Stream.of("submitEffectTask", "getTask").flatMap(id ->
                SPEC.operation(id).documentedStatuses().stream().map(status -> Arguments.of(id, status)));
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("documentedStatuses")
    void answersEveryDocumentedStatusOnRequest(String operationId, int status) {
        var request = api.as("prefer-key").header("Prefer", "code=" + status);
        var answer = operationId.equals("getTask") ? request.get(TASKS_PATH + "task-prefer")
                : request.contentType("application/json")
                        .body("{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\"}").post(SUBMIT_PATH);

        if (status == 200 && operationId.equals("getTask")) {
            answer.then().statusCode(404);
        } else {
            answer.then().statusCode(status).body("code", equalTo(status == 200 ? 0 : status));
        }
    }

    @Test
    void reportsWhichPreferencesWereApplied() {
        api.as("prefer-key").header("Prefer", "code=503, delay=abc").get(TASKS_PATH + "task-1")
                .then().statusCode(503).header("Preference-Applied", "code=503")
                .body("message", matchesPattern("Service unavailable: .+"));
    }
}
