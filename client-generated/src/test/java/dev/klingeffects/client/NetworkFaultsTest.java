package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock's network faults, met by the client: each ends in its typed exception, says whether a submit may
 * have created (and billed) a task, and a poll is retried where a submit never is.
 */
class NetworkFaultsTest {

    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");
    private static final FaultyMock mock = new FaultyMock();

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private static KlingEffectsClient faulted(String prefer) {
        return mock.client(new FakeTiming()).build()
                .withOptions(RequestOptions.builder().header("Prefer", prefer).build());
    }

    @Test
    void aResetAfterTheSubmitIsAConnectionErrorAfterWhichTheTaskExists() {
        Throwable thrown = catchThrowable(() -> faulted("fault=connection-reset").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(mock.tasks()).isEqualTo(1);
        assertThat(mock.requests("POST")).isEqualTo(1);
    }

    @Test
    void anEmptyResponseToASubmitIsAConnectionErrorAndIsNotRetried() {
        Throwable thrown = catchThrowable(() -> faulted("fault=empty-response").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(mock.requests("POST")).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyIsAConnectionErrorNotAFormatError() {
        Throwable thrown = catchThrowable(() -> faulted("fault=truncated-body").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(mock.tasks()).isEqualTo(1);
    }

    @Test
    void anHtmlPageAnsweringASubmitIsAFormatErrorSentOnceNeverRetried() {
        Throwable thrown = catchThrowable(() -> faulted("fault=malformed-json").submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixResponseFormatException.class);
        assertThat(((ModellixResponseFormatException) thrown).requestReachedServer()).isTrue();
        assertThat(mock.requests("POST")).isEqualTo(1);
    }

    @Test
    void aGarbledPollIsRetriedThenAFormatError() {
        mock.createTask("task-1");
        mock.faultNext("malformed-json", "after", 3);
        var client = mock.client(new FakeTiming())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1))).build();

        assertThat(catchThrowable(() -> client.getTask("task-1"))).isInstanceOf(ModellixResponseFormatException.class);
        assertThat(mock.requests("GET")).isEqualTo(3);
    }

    @Test
    void aPollResetBeforeItsWorkIsRetriedAndThenAnswered() {
        mock.createTask("task-1");
        mock.faultNext("connection-reset", "before", 1);
        var client = mock.client(new FakeTiming()).build();

        assertThat(client.getTask("task-1").taskId()).isEqualTo("task-1");
        assertThat(mock.requests("GET")).isEqualTo(2);
    }

    @Test
    void aSlowBodyBeforeThePollIsAFormatErrorNeverAnotherTasksAnswer() {
        mock.createTask("task-1");

        Throwable thrown = catchThrowable(() -> faulted("fault=slow-body, fault-when=before, delay=50").getTask("task-1"));

        assertThat(thrown).isInstanceOf(ModellixResponseFormatException.class);
    }

    @Test
    void aSlowBodyWithinTheTimeoutIsReadWhole() {
        var client = mock.client(new FakeTiming()).build()
                .withOptions(RequestOptions.builder().header("Prefer", "fault=slow-body, delay=300").build());

        assertThat(client.submit(REQUEST).taskId()).startsWith("task-");
    }

    @Test
    void aSlowBodyPastTheTimeoutIsAConnectionErrorAfterWhichTheTaskExists() {
        var client = mock.client(new FakeTiming()).build().withOptions(RequestOptions.builder()
                .header("Prefer", "fault=slow-body, delay=3000").timeout(Duration.ofMillis(300)).build());

        Throwable thrown = catchThrowable(() -> client.submit(REQUEST));

        assertThat(thrown).isInstanceOf(ModellixConnectionException.class);
        assertThat(((ModellixConnectionException) thrown).requestMayHaveReachedServer()).isTrue();
        assertThat(mock.tasks()).isEqualTo(1);
    }
}
