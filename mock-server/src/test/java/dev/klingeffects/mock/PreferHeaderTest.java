package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.logging.ClientText;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Prefer: code=…, outcome=…, delay=…} as QA uses it to provoke every documented answer. */
class PreferHeaderTest {

    private static final ContractSpec SPEC = ContractSpec.load();
    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    static Stream<Arguments> documentedErrorStatuses() {
        return Stream.of("submitEffectTask", "getTask").flatMap(id -> SPEC.operation(id).documentedStatuses().stream()
                .filter(status -> status != 200).map(status -> Arguments.of(id, status)));
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("documentedErrorStatuses")
    void answersAnyDocumentedStatusWithItsRealisticBody(String operationId, int status) {
        Map<String, String> headers = Map.of("Authorization", "Bearer k", "Prefer", "code=" + status);
        var answer = operationId.equals("getTask") ? mock.client().get(TASKS + "task-abc", headers)
                : mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), headers);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.json().path("code").asInt()).isEqualTo(status);
        assertThat(answer.message()).matches("[A-Z][A-Za-z ]*: .+");
        if (status == 429 || status == 503) {
            assertThat(answer.header("Retry-After")).isEqualTo("1");
        }
    }

    @Test
    void forcedNotFoundNamesTheTaskAskedFor() {
        var answer = mock.client().get(TASKS + "task-abc", Map.of("Authorization", "Bearer k", "Prefer", "code=404"));

        assertThat(answer.message()).isEqualTo("Resource not found: task 'task-abc' not found");
    }

    @Test
    void forcedRateLimitCarriesTheRateLimitHeaders() {
        var answer = mock.client().get(TASKS + "task-abc", Map.of("Authorization", "Bearer k", "Prefer", "code=429"));

        assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(answer.header("X-RateLimit-Reset")).isNotNull();
    }

    @Test
    void ignoresAStatusTheOperationDoesNotDocumentAsRfc7240Requires() {
        var answer = mock.client().get(TASKS + "task-abc", Map.of("Authorization", "Bearer k", "Prefer", "code=402"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Preference-Applied")).isNull();
    }

    @Test
    void ignoresAMalformedPreferenceAndAppliesTheOthers() {
        var answer = mock.client().get(TASKS + "task-abc",
                Map.of("Authorization", "Bearer k", "Prefer", "delay=soon, code=503"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Preference-Applied")).isEqualTo("code=503");
    }

    @Test
    void ignoresPreferencesItDoesNotKnow() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "Bearer k", "Prefer", "respond-async, wait=10"));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void delayHoldsTheAnswerBackWithoutBlockingOtherRequests() {
        long start = System.nanoTime();
        CompletableFuture<Integer> delayed = CompletableFuture.supplyAsync(() -> mock.client()
                .get(TASKS + "task-abc", Map.of("Authorization", "Bearer k", "Prefer", "delay=400")).status());

        int quick = mock.client().get("/health", Map.of()).status();
        int slow = delayed.join();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(quick).isEqualTo(200);
        assertThat(slow).isEqualTo(404);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
    }

    @Test
    void saysNoCodeWasAppliedWhenTheAnswerHasAnotherStatus() {
        var answer = mock.client().get(TASKS + "task-unknown", Map.of("Authorization", "Bearer k", "Prefer", "code=200"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Preference-Applied")).isNull();
    }

    @Test
    void saysCode200WasAppliedWhenTheAnswerIs200() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "Bearer k", "Prefer", "code=200"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Preference-Applied")).isEqualTo("code=200");
    }

    @Test
    void saysNoOutcomeWasAppliedWhenNoTaskWasCreated() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("no_such_effect"),
                Map.of("Authorization", "Bearer k", "Prefer", "outcome=failed, delay=1"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Preference-Applied")).isEqualTo("delay=1");
    }

    @Test
    void saysTheOutcomeWasAppliedToTheTaskItCreated() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "Bearer k", "Prefer", "outcome=failed"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Preference-Applied")).isEqualTo("outcome=failed");
    }

    @Test
    void keepsOnlyAFewClippedTokensOfAHugeHeaderForTheLog() {
        Prefer prefer = Prefer.parse("x".repeat(60_000) + "," + "y,".repeat(20_000) + "code=404");

        assertThat(prefer.code()).isEqualTo(404);
        assertThat(prefer.ignoredCount()).isEqualTo(20_001);
        assertThat(prefer.ignored()).hasSize(Prefer.MAX_IGNORED_KEPT)
                .allSatisfy(token -> assertThat(token.length()).isLessThanOrEqualTo(ClientText.MAX_CHARS + 20));
        assertThat(prefer.ignored().get(0)).endsWith("...(60000 chars)");
    }
}
