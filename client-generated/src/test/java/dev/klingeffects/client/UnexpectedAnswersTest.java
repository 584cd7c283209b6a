package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers a production client meets off the happy path: every one ends in a typed exception that says
 * whether a submit may have created (and billed) a task, and none carries the key.
 */
class UnexpectedAnswersTest {

    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    @Test
    void anEmptyBodyOnA200IsAFormatErrorNotANullPointer() {
        try (ScriptedServer server = new ScriptedServer().always(200, "")) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(ModellixResponseFormatException.class, () -> client.getTask("task-1"));

            assertThat(thrown.requestReachedServer()).isTrue();
        }
    }

    @Test
    void aSuccessEnvelopeWithoutDataIsAFormatError() {
        try (ScriptedServer server = new ScriptedServer().always(200, "{\"code\":0,\"message\":\"success\",\"data\":null}")) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            assertThat(catchThrowableOfType(ModellixResponseFormatException.class, () -> client.submit(REQUEST)))
                    .hasMessageContaining("no data.task_id");
        }
    }

    @Test
    void aNonZeroCodeOnA200IsAnApiErrorAndASubmitsIsNotRetryable() {
        String body = ScriptedServer.error(500, "Internal error: an unexpected error occurred, please retry later");
        try (ScriptedServer server = new ScriptedServer().always(200, body)) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var onSubmit = catchThrowableOfType(ServerException.class, () -> client.submit(REQUEST));
            var onPoll = catchThrowableOfType(ServerException.class, () -> client.getTask("task-1"));

            assertThat(onSubmit.httpStatus()).isEqualTo(500);
            assertThat(onSubmit.retryable()).isFalse();
            assertThat(onPoll.retryable()).isTrue();
        }
    }

    @Test
    void anAnswerAboutAnotherTaskIsAFormatErrorAndNeverItsVideo() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.success("SOMEONE-ELSES-TASK"))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(ModellixResponseFormatException.class,
                    () -> client.awaitCompletion("t1", Duration.ofMinutes(1)));

            assertThat(thrown.taskId()).isEqualTo("t1");
            assertThat(thrown.getMessage()).contains("another task").doesNotContain("cdn.test");
            assertThat(thrown.bodyExcerpt()).doesNotContain("cdn.test");
        }
    }

    @Test
    void aNullResourceInASuccessIsAFormatError() {
        String body = ScriptedServer.task("success", ",\"result\":{\"resources\":[null]}");
        try (ScriptedServer server = new ScriptedServer().always(200, body)) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            assertThat(catchThrowableOfType(ModellixResponseFormatException.class, () -> client.getTask("task-1")))
                    .hasMessageContaining("resource");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a width that is text      | ,\"result\":{\"resources\":[{\"url\":\"https://cdn.test/v.mp4\",\"type\":\"video\",\"width\":\"wide\"}]} | Integer",
            "a result URL that is none | ,\"result\":{\"resources\":[{\"url\":\"http://[::1/a b\",\"type\":\"video\"}]}   | URI",
            "resources that are text   | ,\"result\":{\"resources\":\"none\"}                                              | ArrayList"})
    void aFieldOfTheWrongShapeIsAFormatErrorNamingItsAnswer(String what, String extra, String type) {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("success", extra))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(ModellixResponseFormatException.class, () -> client.getTask("task-1"));

            assertThat(thrown.bodyExcerpt()).startsWith("{\"code\":0");
            assertThat(thrown.getMessage()).contains(type);
        }
    }

    @Test
    void aSubmitsServerErrorIsNotRetryableWhileAPollsIs() {
        String body = ScriptedServer.error(503, "Service unavailable: try later");
        try (ScriptedServer server = new ScriptedServer().always(503, body)) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            assertThat(catchThrowableOfType(ServerException.class, () -> client.submit(REQUEST)).retryable()).isFalse();
            assertThat(catchThrowableOfType(ServerException.class, () -> client.getTask("task-1")).retryable()).isTrue();
        }
    }

    @Test
    void anEchoedKeyNeverReachesAnExceptionMessage() {
        String body = ScriptedServer.error(401, "Authentication failed: invalid key in 'Authorization: Bearer "
                + Clients.KEY + "'");
        try (ScriptedServer server = new ScriptedServer().always(401, body)) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(AuthenticationException.class, () -> client.getTask("task-1"));

            assertThat(thrown.getMessage()).doesNotContain(Clients.KEY).contains("Bearer ****");
            assertThat(thrown.detail()).doesNotContain(Clients.KEY);
        }
    }

    @Test
    void anEffectTheCatalogNeverHeardOfGoesToTheServerButATypoDoesNot() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.submitted())) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            SubmittedTask added = client.submit(EffectRequest.singleImage("zz_effect_added_upstream_2027", "https://example.com/cat.jpg"));
            var typo = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.submit(EffectRequest.singleImage("pet_lion_pr", "https://example.com/cat.jpg")));

            assertThat(added.taskId()).isEqualTo("task-1");
            assertThat(typo.detail()).contains("did you mean 'pet_lion_pro'?");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aServerThatSpeaksNoHttpIsAConnectionFailureAfterWhichASubmitMayHaveArrived() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket garbage = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!garbage.isClosed()) {
                    try (Socket socket = garbage.accept()) {
                        connections.incrementAndGet();
                        socket.getInputStream().read(new byte[8192]);
                        socket.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n\u0000\u00ff garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException closed) {
                        // the test is over
                    }
                }
            });
            answering.setDaemon(true);
            answering.start();
            var client = KlingEffectsClient.builder().baseUrl("http://127.0.0.1:" + garbage.getLocalPort()).apiKey(Clients.KEY)
                    .timing(new FakeTiming()).build();

            var submit = catchThrowableOfType(ModellixConnectionException.class, () -> client.submit(REQUEST));
            int afterSubmit = connections.get();
            var poll = catchThrowableOfType(ModellixConnectionException.class, () -> client.getTask("task-1"));

            assertThat(submit.requestMayHaveReachedServer()).isTrue();
            assertThat(afterSubmit).isEqualTo(1);
            assertThat(poll.requestMayHaveReachedServer()).isTrue();
            assertThat(connections.get()).isEqualTo(1 + RetryPolicy.defaults().maxAttempts());
        }
    }

    @Test
    void aRefusedConnectionSaysTheSubmitNeverReachedTheServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var client = KlingEffectsClient.builder().baseUrl("http://127.0.0.1:" + closedPort).apiKey(Clients.KEY)
                .timing(new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

        var thrown = catchThrowableOfType(ModellixConnectionException.class, () -> client.submit(REQUEST));

        assertThat(thrown.requestMayHaveReachedServer()).isFalse();
        assertThat(thrown.getMessage()).doesNotContain(Clients.KEY).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void aTaskWithoutAVideoHasNoVideoUrlEvenWithAnImage() {
        String body = ScriptedServer.task("success", ",\"result\":{\"resources\":[{\"url\":\"https://cdn.test/cover.jpg\",\"type\":\"image\"}]}");
        try (ScriptedServer server = new ScriptedServer().always(200, body)) {
            var task = Clients.against(server, new FakeTiming()).build().getTask("task-1");

            assertThat(task.video()).isEmpty();
            assertThat(catchThrowableOfType(IllegalStateException.class, task::videoUrl)).hasMessageContaining("no video");
        }
    }

    @Test
    void submitAndAwaitWaitsOneIntervalBeforeItsFirstPoll() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(200, ScriptedServer.submitted()).then(200, ScriptedServer.success());
            FakeTiming timing = new FakeTiming();
            var client = Clients.against(server, timing).build();

            client.submitAndAwait(REQUEST, Duration.ofMinutes(1));

            assertThat(timing.sleeps).hasSize(1);
            assertThat(timing.sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void decodesEveryAnswerAsUtf8WhateverThePlatformCharset() {
        // The build runs these tests with a US-ASCII default charset (see the pom): platform decoding would garble this.
        assertThat(Charset.defaultCharset()).isNotEqualTo(StandardCharsets.UTF_8);
        try (ScriptedServer server = new ScriptedServer()
                .then(400, ScriptedServer.error(400, "Invalid parameters: 图片 'ä.jpg' is not reachable"))
                .then(200, ScriptedServer.task("failed", ",\"error_message\":\"画面不合规 – ü\""))) {
            var client = Clients.against(server, new FakeTiming()).build();

            var rejected = catchThrowableOfType(InvalidRequestException.class, () -> client.submit(REQUEST));
            var failed = catchThrowableOfType(TaskFailedException.class, () -> client.awaitCompletion("task-1", Duration.ofMinutes(1)));

            assertThat(rejected.detail()).isEqualTo("图片 'ä.jpg' is not reachable");
            assertThat(failed.errorMessage()).isEqualTo("画面不合规 – ü");
        }
    }

    @Test
    void anAnswerLargerThanAnyTheApiSendsIsAFormatErrorNotAFullHeap() {
        byte[] huge = new byte[Transport.MAX_ANSWER_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        try (ScriptedServer server = new ScriptedServer().then(200, huge)) {
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(ModellixResponseFormatException.class, () -> client.submit(REQUEST));

            assertThat(thrown).hasMessageContaining("larger than " + Transport.MAX_ANSWER_BYTES + " bytes");
            assertThat(thrown.requestReachedServer()).isTrue();
            assertThat(server.received()).hasSize(1);
        }
    }
}
