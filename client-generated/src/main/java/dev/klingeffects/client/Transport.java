package dev.klingeffects.client;

import dev.klingeffects.client.generated.ApiClient;
import dev.klingeffects.client.generated.ApiException;
import dev.klingeffects.client.generated.api.EffectsApi;
import dev.klingeffects.client.generated.api.TasksApi;
import dev.klingeffects.client.generated.model.EffectTaskRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Builds each request with the generated API and sends it without blocking a thread.
 *
 * <p>The generated API is the one place that knows each operation's method, path, escaping and body
 * encoding, so it builds every request: its request builders are public through this module's copy of the
 * generator's template. Its own send is not used: it blocks a thread for the whole exchange (its async
 * variant too, while reading the body) and decodes bodies in the platform charset. Here the request goes
 * out with {@link HttpClient#sendAsync}, the body is collected up to a bound and decoded as UTF-8, and the
 * whole exchange, body included, ends within the request timeout.
 */
final class Transport {

    /** The API's answers are a few kilobytes; anything beyond this is not one of them. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    private final HttpClient http;
    private final HttpLog log;
    private final EffectsApi effects;
    private final TasksApi tasks;
    private final String authorization;
    private final String userAgent;
    private final String origin;
    private volatile boolean closed;

    Transport(HttpClient http, String baseUrl, String apiKey, String userAgent, HttpLog log) {
        this.http = http;
        this.log = log;
        this.authorization = "Bearer " + apiKey;
        this.userAgent = userAgent;
        URI base = URI.create(baseUrl);
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        this.origin = base.getScheme() + "://" + base.getHost() + ":" + port;
        ApiClient generated = new ApiClient(HttpClient.newBuilder(), JacksonSupport.newMapper(), baseUrl) {
            @Override
            public HttpClient getHttpClient() {
                return http; // kept by the generated API, never used by it: else each would build an HttpClient
            }
        };
        this.effects = new EffectsApi(generated);
        this.tasks = new TasksApi(generated);
    }

    /** @return {@code scheme://host:port} of the API */
    String origin() {
        return origin;
    }

    HttpRequest.Builder submitRequest(EffectTaskRequest body) {
        return built(() -> effects.submitEffectTaskRequestBuilder(body, Map.of()));
    }

    HttpRequest.Builder getTaskRequest(String taskId) {
        return built(() -> tasks.getTaskRequestBuilder(taskId, Map.of()));
    }

    /**
     * @return the answer, whatever its status; fails with the I/O error, {@link BoundedBody.TooLarge}, or an
     *         {@link HttpTimeoutException} when the whole exchange took longer than {@code timeout}.
     *         Cancelling it aborts the exchange.
     */
    CompletableFuture<Answer> send(HttpRequest.Builder request, RequestOptions options, Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("this KlingEffectsClient is closed"));
        }
        request.timeout(timeout);
        request.setHeader("Authorization", authorization);
        request.setHeader("User-Agent", userAgent);
        options.headers().forEach(request::setHeader);
        HttpRequest built;
        try {
            built = request.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long start = System.nanoTime();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        AtomicBoolean settled = new AtomicBoolean();
        // Logged before the answer completes, so the log line comes before whatever the answer leads to.
        BiConsumer<Answer, Throwable> settle = (answered, error) -> {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            if (error != null) {
                log.failed(built.method(), built.uri(), error, System.nanoTime() - start);
                answer.completeExceptionally(error);
            } else {
                log.answered(built.method(), built.uri(), answered.status(), System.nanoTime() - start);
                answer.complete(answered);
            }
        };
        // The answer is settled from its body, on the I/O thread that read its end: the future sendAsync
        // returns completes a hop later, on the common pool, which on two processors is a new thread per exchange.
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            HttpResponse.BodySubscriber<byte[]> body = BoundedBody.handler(MAX_ANSWER_BYTES).apply(info);
            body.getBody().whenComplete((bytes, error) -> settle.accept(error != null ? null
                    : new Answer(info.statusCode(), info.headers(), new String(bytes, StandardCharsets.UTF_8)), error));
            return body;
        };
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = http.sendAsync(built, handler);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // The request's own timeout ends when the answer's head arrives; a body that trickles in is bounded here.
        ScheduledFuture<?> bound = Scheduler.schedule(timeout, () ->
                settle.accept(null, new HttpTimeoutException("no complete answer within " + timeout)));
        // Failures before any body (no connection, no head in time) arrive only here.
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                settle.accept(null, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
        answer.whenComplete((answered, error) -> {
            bound.cancel(false);
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    /**
     * Refuses further sends. The HttpClient is never closed here: it is the caller's, or one shared by every
     * client with the same connect timeout.
     */
    void close() {
        closed = true;
    }

    HttpLog log() {
        return log;
    }

    @FunctionalInterface
    private interface GeneratedBuilder {
        HttpRequest.Builder build() throws ApiException;
    }

    private static HttpRequest.Builder built(GeneratedBuilder builder) {
        try {
            return builder.build();
        } catch (ApiException e) {
            // Only thrown for a missing required parameter, which the facade checks first.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
