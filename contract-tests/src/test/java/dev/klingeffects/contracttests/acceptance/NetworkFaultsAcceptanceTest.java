package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.ModellixConnectionException;
import dev.klingeffects.client.ModellixResponseFormatException;
import dev.klingeffects.client.RequestOptions;
import dev.klingeffects.client.RetryPolicy;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import dev.klingeffects.mock.junit5.MockFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mock's network faults, met by the client: each ends in its typed exception, says whether a submit may
 * have created (and billed) a task, and a poll is retried where a submit never is.
 *
 * <p>It lives here rather than in the client's module so that the client does not depend on the mock: the two
 * build side by side.
 */
class NetworkFaultsAcceptanceTest {

    private static final String KEY = "sk-test-secret-key-123";
    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");
    /** Retries as the default policy makes them, without its waits. */
    private static final RetryPolicy QUICK_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1));

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    private static KlingEffectsClient client() {
        return KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey(KEY).retryPolicy(QUICK_RETRIES).build();
    }

    private static KlingEffectsClient faulted(String prefer) {
        return client().withOptions(RequestOptions.builder().header("Prefer", prefer).build());
    }

    private static long requests(String method) {
        return mock.requests().matching(request -> request.method().equals(method)).size();
    }

    @Test
    void aResetAfterTheSubmitIsAConnectionErrorAfterWhichTheTaskExists() {
        Throwable thrown = catchThrowable(() -> faulted("fault=connection-reset").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(mock.tasks()).hasSize(1);
        assertThat(requests("POST")).isEqualTo(1);
    }

    @Test
    void anEmptyResponseToASubmitIsAConnectionErrorAndIsNotRetried() {
        Throwable thrown = catchThrowable(() -> faulted("fault=empty-response").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(requests("POST")).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyIsAConnectionErrorNotAFormatError() {
        Throwable thrown = catchThrowable(() -> faulted("fault=truncated-body").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(mock.tasks()).hasSize(1);
        assertThat(requests("POST")).isEqualTo(1);
    }

    @Test
    void anHtmlPageAnsweringASubmitIsAFormatErrorSentOnceNeverRetried() {
        Throwable thrown = catchThrowable(() -> faulted("fault=malformed-json").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixResponseFormatException.class);
        assertThat(((ModellixResponseFormatException) thrown).requestReachedServer()).isTrue();
        assertThat(requests("POST")).isEqualTo(1);
    }

    @Test
    void aGarbledPollIsRetriedThenAFormatError() {
        mock.admin().createTask("task-1", KEY);
        mock.admin().faultNext(KEY, 3, MockFault.MALFORMED_JSON, MockFault.When.AFTER);

        assertThat(catchThrowable(() -> client().getTask("task-1"))).isInstanceOf(ModellixResponseFormatException.class);
        assertThat(requests("GET")).isEqualTo(3);
    }

    @Test
    void aPollResetBeforeItsWorkIsRetriedAndThenAnswered() {
        mock.admin().createTask("task-1", KEY);
        mock.faultNext(MockFault.CONNECTION_RESET, MockFault.When.BEFORE);

        assertThat(client().getTask("task-1").taskId()).isEqualTo("task-1");
        assertThat(requests("GET")).isEqualTo(2);
    }

    @Test
    void aSlowBodyBeforeThePollIsAFormatErrorNeverAnotherTasksAnswer() {
        mock.admin().createTask("task-1", KEY);

        Throwable thrown = catchThrowable(() -> faulted("fault=slow-body, fault-when=before, delay=50").getTask("task-1"));

        assertThat(thrown).isInstanceOf(ModellixResponseFormatException.class);
    }

    @Test
    void aSlowBodyWithinTheTimeoutIsReadWhole() {
        assertThat(faulted("fault=slow-body, delay=300").submit(REQUEST).taskId()).startsWith("task-");
    }

    @Test
    void aSlowBodyPastTheTimeoutIsAConnectionErrorAfterWhichTheTaskExists() {
        var client = client().withOptions(RequestOptions.builder()
                .header("Prefer", "fault=slow-body, delay=3000").timeout(Duration.ofMillis(300)).build());

        Throwable thrown = catchThrowable(() -> client.submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(mock.tasks()).hasSize(1);
    }
}
