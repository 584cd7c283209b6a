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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;

/**
 * Builds each request with the generated API and sends it without blocking a thread.
 *
 * <p>The generated API is the one place that knows each operation's method, path, escaping and body
 * encoding, so it still builds every request. It is stopped just before it would send: its own send
 * blocks a thread for the whole exchange (its async variant too, while reading the body) and decodes
 * bodies in the platform charset. Here the request goes out with {@link HttpClient#sendAsync}, the body
 * is collected up to a bound and decoded as UTF-8, and the whole exchange, body included, ends within
 * the request timeout.
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
        ApiClient builder = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), baseUrl) {
            @Override
            public HttpClient getHttpClient() {
                return http; // never used to send: see capture()
            }
        };
        builder.setRequestInterceptor(request -> {
            throw new Built(request);
        });
        this.effects = new EffectsApi(builder);
        this.tasks = new TasksApi(builder);
    }

    /** @return {@code scheme://host:port} of the API */
    String origin() {
        return origin;
    }

    HttpRequest.Builder submitRequest(EffectTaskRequest body) {
        return capture(() -> effects.submitEffectTask(body));
    }

    HttpRequest.Builder getTaskRequest(String taskId) {
        return capture(() -> tasks.getTask(taskId));
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
        CompletableFuture<HttpResponse<byte[]>> exchange;
        HttpRequest built;
        long start = System.nanoTime();
        try {
            built = request.build();
            exchange = http.sendAsync(built, BoundedBody.handler(MAX_ANSWER_BYTES));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        // The request's own timeout ends when the answer's head arrives; a body that trickles in is bounded here.
        ScheduledFuture<?> bound = Scheduler.schedule(timeout, () -> answer.completeExceptionally(
                new HttpTimeoutException("no complete answer within " + timeout)));
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                answer.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                answer.complete(new Answer(response.statusCode(), response.headers(),
                        new String(response.body(), StandardCharsets.UTF_8)));
            }
        });
        answer.whenComplete((answered, error) -> {
            bound.cancel(false);
            if (error != null) {
                log.failed(built.method(), built.uri(), error, System.nanoTime() - start);
            } else {
                log.answered(built.method(), built.uri(), answered.status(), System.nanoTime() - start);
            }
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
    private interface GeneratedCall {
        void run() throws ApiException;
    }

    private static HttpRequest.Builder capture(GeneratedCall call) {
        try {
            call.run();
        } catch (Built built) {
            return built.request;
        } catch (ApiException e) {
            // Only thrown for a missing required parameter, which the facade checks first.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        throw new IllegalStateException("the generated API sent a request without calling its interceptor");
    }

    /** Carries the finished request out of the generated API before it sends it. */
    private static final class Built extends RuntimeException {
        final transient HttpRequest.Builder request;

        Built(HttpRequest.Builder request) {
            super(null, null, false, false);
            this.request = request;
        }
    }
}
