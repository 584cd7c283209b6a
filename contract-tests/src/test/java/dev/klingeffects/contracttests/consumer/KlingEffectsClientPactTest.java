package dev.klingeffects.contracttests.consumer;

import static dev.klingeffects.contracttests.support.Contract.CONCURRENT_LIMIT_REACHED;
import static dev.klingeffects.contracttests.support.Contract.NO_TASKS;
import static dev.klingeffects.contracttests.support.Contract.REVOKED_KEY;
import static dev.klingeffects.contracttests.support.Contract.SUBMIT_PATH;
import static dev.klingeffects.contracttests.support.Contract.TASKS_PATH;
import static dev.klingeffects.contracttests.support.Contract.TASK_FAILED;
import static dev.klingeffects.contracttests.support.Contract.TASK_PENDING;
import static dev.klingeffects.contracttests.support.Contract.TASK_PROCESSING;
import static dev.klingeffects.contracttests.support.Contract.TASK_SUCCEEDED;
import static dev.klingeffects.contracttests.support.Contract.VALID_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.klingeffects.client.AuthenticationException;
import dev.klingeffects.client.EffectImage;
import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.InsufficientBalanceException;
import dev.klingeffects.client.InvalidRequestException;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.RateLimitException;
import dev.klingeffects.client.RetryPolicy;
import dev.klingeffects.client.ServerException;
import dev.klingeffects.client.SubmittedTask;
import dev.klingeffects.client.TaskFailedException;
import dev.klingeffects.client.TaskNotFoundException;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.contracttests.support.Contract;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on, one interaction per behaviour. The tests drive the public facade,
 * so a change that breaks the client's expectations breaks here first.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER)
class KlingEffectsClientPactTest {

    private static final String AUTH_PATTERN = "Bearer \\S+";
    private static final String TASK_ID_PATTERN = "task-[0-9A-Za-z_-]+";
    private static final String CAT = "https://example.com/images/cat.jpg";
    private static final String SMALL_PNG = smallPng();

    private static String smallPng() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_BINARY), "png", out);
            return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static KlingEffectsClient client(MockServer server, String key, Map<String, String> headers) {
        var builder = KlingEffectsClient.builder().baseUrl(server.getUrl()).apiKey(key).retryPolicy(RetryPolicy.none())
                .pollInterval(Duration.ofMillis(1), Duration.ofMillis(1));
        headers.forEach(builder::defaultHeader);
        return builder.build();
    }

    private static KlingEffectsClient client(MockServer server) {
        return client(server, VALID_KEY, Map.of());
    }

    // ---- request builders -------------------------------------------------------------------

    private static PactDslResponse submit(PactDslWithProvider builder, String state, String description, String key,
                                          PactDslJsonBody body, Map<String, String> extraHeaders, int status) {
        var request = builder.given(state).uponReceiving(description)
                .method("POST").path(SUBMIT_PATH)
                .matchHeader("Authorization", key.equals(VALID_KEY) ? AUTH_PATTERN : Contract.literal("Bearer " + key), "Bearer " + key)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(body);
        extraHeaders.forEach(request::headers);
        return request.willRespondWith().status(status);
    }

    private static PactDslResponse poll(PactDslWithProvider builder, String state, String description, String key,
                                        String taskId, Map<String, String> extraHeaders, int status) {
        var request = builder.given(state).uponReceiving(description)
                .method("GET").path(TASKS_PATH + taskId)
                .matchHeader("Authorization", key.equals(VALID_KEY) ? AUTH_PATTERN : Contract.literal("Bearer " + key), "Bearer " + key);
        extraHeaders.forEach(request::headers);
        return request.willRespondWith().status(status);
    }

    private static PactDslJsonBody singleImageBody() {
        return new PactDslJsonBody().stringValue("effect_scene", "pet_lion_pro").stringValue("image", CAT);
    }

    private static PactDslJsonBody submittedBody() {
        return (PactDslJsonBody) new PactDslJsonBody()
                .integerType("code", 0).stringValue("message", "success")
                .object("data")
                .stringValue("status", "pending")
                .stringMatcher("task_id", TASK_ID_PATTERN, "task-effects001")
                .stringValue("model_id", "kling-video-effects")
                .object("get_result")
                .stringValue("method", "GET")
                .stringMatcher("url", "https?://.+/api/v1/tasks/task-.+", "http://127.0.0.1:8080/api/v1/tasks/task-effects001")
                .closeObject()
                .closeObject();
    }

    private static PactDslJsonBody taskBody(String status) {
        return (PactDslJsonBody) new PactDslJsonBody()
                .integerType("code", 0).stringValue("message", "success")
                .object("data")
                .stringValue("status", status)
                .stringValue("task_id", "task-1")
                .stringValue("model_id", "kling-video-effects")
                .closeObject();
    }

    private static PactDslJsonBody errorBody(int status, String category, String detailPattern, String example) {
        return new PactDslJsonBody().integerType("code", status)
                .stringMatcher("message", Contract.literal(category + ": ") + detailPattern, category + ": " + example);
    }

    private static void rateLimitHeaders(PactDslResponse response) {
        response.matchHeader("X-RateLimit-Limit", "\\d+", "100")
                .matchHeader("X-RateLimit-Remaining", "\\d+", "0")
                .matchHeader("X-RateLimit-Reset", "\\d+", "1764000060")
                .matchHeader("Retry-After", "\\d+", "1");
    }

    // ---- submit -----------------------------------------------------------------------------

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitSingleImage(PactDslWithProvider builder) {
        return submit(builder, NO_TASKS, "a single-image effect submit", VALID_KEY, singleImageBody(), Map.of(), 200)
                .body(submittedBody()).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitSingleImage")
    void submitsASingleImageEffect(MockServer server) {
        SubmittedTask task = client(server).submit(EffectRequest.singleImage("pet_lion_pro", CAT));

        assertThat(task.taskId()).startsWith("task-");
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.pollUrl()).contains("/api/v1/tasks/" + task.taskId());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitTwoPerson(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody().stringValue("effect_scene", "hug_pro");
        body.array("images").stringValue("https://example.com/images/alice.jpg").stringValue("https://example.com/images/bob.jpg").closeArray();
        return submit(builder, NO_TASKS, "a two-person effect submit", VALID_KEY, body, Map.of(), 200)
                .body(submittedBody()).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitTwoPerson")
    void submitsATwoPersonEffect(MockServer server) {
        SubmittedTask task = client(server).submit(EffectRequest.twoPerson("hug_pro",
                "https://example.com/images/alice.jpg", "https://example.com/images/bob.jpg"));

        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitWithDuration(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody().stringValue("effect_scene", "cute_dance").stringValue("image", CAT)
                .integerType("duration", 10);
        return submit(builder, NO_TASKS, "a submit with a 10-second duration", VALID_KEY, body, Map.of(), 200)
                .body(submittedBody()).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitWithDuration")
    void submitsWithADuration(MockServer server) {
        SubmittedTask task = client(server).submit(EffectRequest.singleImage("cute_dance", CAT).withDuration(10));

        assertThat(task.taskId()).startsWith("task-");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitRejectedByValidation(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody().stringValue("effect_scene", "pet_lion_pro").stringValue("image", SMALL_PNG);
        return submit(builder, NO_TASKS, "a submit with an image below the minimum resolution", VALID_KEY, body, Map.of(), 400)
                .body(errorBody(400, "Value out of range", "parameter 'image' must be at least .+",
                        "parameter 'image' must be at least 300x300 px, got 100x100 px"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitRejectedByValidation")
    void surfacesAValidationErrorWithCategoryAndDetail(MockServer server) {
        var thrown = catchThrowableOfType(InvalidRequestException.class,
                () -> client(server).submit(EffectRequest.singleImage("pet_lion_pro", EffectImage.base64(SMALL_PNG))));

        assertThat(thrown.httpStatus()).isEqualTo(400);
        assertThat(thrown.category()).isEqualTo("Value out of range");
        assertThat(thrown.detail()).startsWith("parameter 'image' must be at least");
        assertThat(thrown.retryable()).isFalse();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitOverConcurrentLimit(PactDslWithProvider builder) {
        PactDslResponse response = submit(builder, CONCURRENT_LIMIT_REACHED, "a submit over the concurrent task limit",
                VALID_KEY, singleImageBody(), Map.of(), 429);
        rateLimitHeaders(response);
        return response.body(errorBody(429, "Concurrent limit exceeded", ".+",
                "at most 3 unfinished tasks per team, wait for one to finish")).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitOverConcurrentLimit")
    void surfacesTheConcurrentLimitWithItsRateLimitHeaders(MockServer server) {
        var thrown = catchThrowableOfType(RateLimitException.class,
                () -> client(server).submit(EffectRequest.singleImage("pet_lion_pro", CAT)));

        assertThat(thrown.category()).isEqualTo("Concurrent limit exceeded");
        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.rateLimit().limit()).isPositive();
        assertThat(thrown.rateLimit().retryAfter()).isNotNull();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitWithInsufficientBalance(PactDslWithProvider builder) {
        return submit(builder, NO_TASKS, "a submit when the balance is insufficient", VALID_KEY, singleImageBody(),
                Map.of("Prefer", "code=402"), 402)
                .body(errorBody(402, "Insufficient balance", ".+", "account balance is too low for this task, please top up"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitWithInsufficientBalance")
    void surfacesInsufficientBalance(MockServer server) {
        var thrown = catchThrowableOfType(InsufficientBalanceException.class,
                () -> client(server, VALID_KEY, Map.of("Prefer", "code=402")).submit(EffectRequest.singleImage("pet_lion_pro", CAT)));

        assertThat(thrown.httpStatus()).isEqualTo(402);
        assertThat(thrown.retryable()).isFalse();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitTooLarge(PactDslWithProvider builder) {
        return submit(builder, NO_TASKS, "a submit whose body is too large", VALID_KEY, singleImageBody(),
                Map.of("Prefer", "code=413"), 413)
                .body(errorBody(413, "Payload too large", ".+", "request body must be at most 28027568 bytes"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitTooLarge")
    void surfacesAPayloadTooLargeAsAnInvalidRequest(MockServer server) {
        var thrown = catchThrowableOfType(InvalidRequestException.class,
                () -> client(server, VALID_KEY, Map.of("Prefer", "code=413")).submit(EffectRequest.singleImage("pet_lion_pro", CAT)));

        assertThat(thrown.httpStatus()).isEqualTo(413);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitInternalError(PactDslWithProvider builder) {
        return submit(builder, NO_TASKS, "a submit that meets an internal error", VALID_KEY, singleImageBody(),
                Map.of("Prefer", "code=500"), 500)
                .body(errorBody(500, "Internal error", ".+", "an unexpected error occurred, please retry later"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitInternalError")
    void surfacesAnInternalErrorOnSubmitWithoutRetrying(MockServer server) {
        KlingEffectsClient retrying = KlingEffectsClient.builder().baseUrl(server.getUrl()).apiKey(VALID_KEY)
                .defaultHeader("Prefer", "code=500").build();

        var thrown = catchThrowableOfType(ServerException.class, () -> retrying.submit(EffectRequest.singleImage("pet_lion_pro", CAT)));

        assertThat(thrown.httpStatus()).isEqualTo(500);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitServiceUnavailable(PactDslWithProvider builder) {
        return submit(builder, NO_TASKS, "a submit while the service is unavailable", VALID_KEY, singleImageBody(),
                Map.of("Prefer", "code=503"), 503)
                .matchHeader("Retry-After", "\\d+", "1")
                .body(errorBody(503, "Service unavailable", ".+", "the service is temporarily unavailable, please retry later"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitServiceUnavailable")
    void surfacesServiceUnavailableOnSubmit(MockServer server) {
        var thrown = catchThrowableOfType(ServerException.class,
                () -> client(server, VALID_KEY, Map.of("Prefer", "code=503")).submit(EffectRequest.singleImage("pet_lion_pro", CAT)));

        assertThat(thrown.httpStatus()).isEqualTo(503);
        assertThat(thrown.rateLimit().retryAfter()).isNotNull();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact submitWithRevokedKey(PactDslWithProvider builder) {
        return submit(builder, NO_TASKS, "a submit with a revoked key", REVOKED_KEY, singleImageBody(), Map.of(), 401)
                .body(errorBody(401, "Authentication failed", ".+", "invalid API key")).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitWithRevokedKey")
    void surfacesARejectedKeyOnSubmit(MockServer server) {
        var thrown = catchThrowableOfType(AuthenticationException.class,
                () -> client(server, REVOKED_KEY, Map.of()).submit(EffectRequest.singleImage("pet_lion_pro", CAT)));

        assertThat(thrown.category()).isEqualTo("Authentication failed");
    }

    // ---- poll -------------------------------------------------------------------------------

    @Pact(consumer = Contract.CONSUMER)
    V4Pact taskPending(PactDslWithProvider builder) {
        return poll(builder, TASK_PENDING, "a poll of a pending task", VALID_KEY, "task-1", Map.of(), 200)
                .body(taskBody("pending")).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "taskPending")
    void readsAPendingTask(MockServer server) {
        EffectTask task = client(server).getTask("task-1");

        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.finished()).isFalse();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact taskProcessing(PactDslWithProvider builder) {
        return poll(builder, TASK_PROCESSING, "a poll of a processing task", VALID_KEY, "task-1", Map.of(), 200)
                .body(taskBody("processing")).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "taskProcessing")
    void readsAProcessingTask(MockServer server) {
        assertThat(client(server).getTask("task-1").status()).isEqualTo(TaskStatus.PROCESSING);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact taskSucceeded(PactDslWithProvider builder) {
        PactDslJsonBody body = (PactDslJsonBody) new PactDslJsonBody()
                .integerType("code", 0).stringValue("message", "success")
                .object("data")
                .stringValue("status", "success")
                .stringValue("task_id", "task-1")
                .stringValue("model_id", "kling-video-effects")
                .integerType("duration", 64210)
                .integerType("result_expires_at", 1764547200000L)
                .object("result")
                .minArrayLike("resources", 1)
                .stringMatcher("url", "https?://.+", "https://cdn.modellix.ai/results/task-1.mp4")
                .stringValue("type", "video")
                .integerType("width", 720)
                .integerType("height", 1280)
                .stringType("format", "mp4")
                .closeObject()
                .closeArray()
                .closeObject()
                .closeObject();
        return poll(builder, TASK_SUCCEEDED, "a poll of a successful task", VALID_KEY, "task-1", Map.of(), 200)
                .body(body).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "taskSucceeded")
    void readsTheVideoOfASuccessfulTask(MockServer server) {
        EffectTask done = client(server).awaitCompletion("task-1", Duration.ofSeconds(5));

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.videoUrl()).startsWith("http");
        assertThat(done.video().orElseThrow().width()).isPositive();
        assertThat(done.processingTime()).isNotNull();
        assertThat(done.resultExpiresAt()).isNotNull();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact taskFailed(PactDslWithProvider builder) {
        PactDslJsonBody body = (PactDslJsonBody) new PactDslJsonBody()
                .integerType("code", 0).stringValue("message", "success")
                .object("data")
                .stringValue("status", "failed")
                .stringValue("task_id", "task-1")
                .stringValue("model_id", "kling-video-effects")
                .stringType("error_message", "Failure to pass the risk control system")
                .closeObject();
        return poll(builder, TASK_FAILED, "a poll of a failed task", VALID_KEY, "task-1", Map.of(), 200)
                .body(body).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "taskFailed")
    void surfacesAFailedTaskWithItsErrorMessage(MockServer server) {
        var thrown = catchThrowableOfType(TaskFailedException.class,
                () -> client(server).awaitCompletion("task-1", Duration.ofSeconds(5)));

        assertThat(thrown.errorMessage()).isNotBlank();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact unknownTask(PactDslWithProvider builder) {
        return poll(builder, NO_TASKS, "a poll of an unknown task", VALID_KEY, "task-unknown", Map.of(), 404)
                .body(errorBody(404, "Resource not found", "task 'task-unknown' not found", "task 'task-unknown' not found"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownTask")
    void surfacesAnUnknownTask(MockServer server) {
        var thrown = catchThrowableOfType(TaskNotFoundException.class, () -> client(server).getTask("task-unknown"));

        assertThat(thrown.detail()).isEqualTo("task 'task-unknown' not found");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact pollWithRevokedKey(PactDslWithProvider builder) {
        return poll(builder, TASK_PENDING, "a poll with a revoked key", REVOKED_KEY, "task-1", Map.of(), 401)
                .body(errorBody(401, "Authentication failed", ".+", "invalid API key")).toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "pollWithRevokedKey")
    void surfacesARejectedKeyOnPoll(MockServer server) {
        var thrown = catchThrowableOfType(AuthenticationException.class, () -> client(server, REVOKED_KEY, Map.of()).getTask("task-1"));

        assertThat(thrown.httpStatus()).isEqualTo(401);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact pollRateLimited(PactDslWithProvider builder) {
        PactDslResponse response = poll(builder, TASK_PENDING, "a poll over the rate limit", VALID_KEY, "task-1",
                Map.of("Prefer", "code=429"), 429);
        rateLimitHeaders(response);
        return response.body(errorBody(429, "Rate limit exceeded", ".+", "at most 100 requests per minute per team, retry after 1 s"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "pollRateLimited")
    void surfacesTheRateLimitWithItsHeaders(MockServer server) {
        var thrown = catchThrowableOfType(RateLimitException.class,
                () -> client(server, VALID_KEY, Map.of("Prefer", "code=429")).getTask("task-1"));

        assertThat(thrown.rateLimit().limit()).isPositive();
        assertThat(thrown.rateLimit().remaining()).isZero();
        assertThat(thrown.rateLimit().resetAt()).isNotNull();
        assertThat(thrown.rateLimit().retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact pollInternalError(PactDslWithProvider builder) {
        return poll(builder, TASK_PENDING, "a poll that meets an internal error", VALID_KEY, "task-1",
                Map.of("Prefer", "code=500"), 500)
                .body(errorBody(500, "Internal error", ".+", "an unexpected error occurred, please retry later"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "pollInternalError")
    void surfacesAnInternalErrorOnPoll(MockServer server) {
        var thrown = catchThrowableOfType(ServerException.class,
                () -> client(server, VALID_KEY, Map.of("Prefer", "code=500")).getTask("task-1"));

        assertThat(thrown.retryable()).isTrue();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact pollServiceUnavailable(PactDslWithProvider builder) {
        return poll(builder, TASK_PENDING, "a poll while the service is unavailable", VALID_KEY, "task-1",
                Map.of("Prefer", "code=503"), 503)
                .matchHeader("Retry-After", "\\d+", "1")
                .body(errorBody(503, "Service unavailable", ".+", "the service is temporarily unavailable, please retry later"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "pollServiceUnavailable")
    void surfacesServiceUnavailableOnPoll(MockServer server) {
        var thrown = catchThrowableOfType(ServerException.class,
                () -> client(server, VALID_KEY, Map.of("Prefer", "code=503")).getTask("task-1"));

        assertThat(thrown.httpStatus()).isEqualTo(503);
    }
}
