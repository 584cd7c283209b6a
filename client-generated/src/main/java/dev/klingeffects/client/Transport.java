package dev.klingeffects.client;

import dev.klingeffects.client.generated.ApiClient;
import dev.klingeffects.client.generated.ApiException;
import dev.klingeffects.client.generated.api.EffectsApi;
import dev.klingeffects.client.generated.api.TasksApi;
import dev.klingeffects.client.generated.model.EffectTaskRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
import java.util.concurrent.atomic.AtomicReference;
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
        return send(request, options, timeout, false);
    }

    /**
     * @param onThisThread whether to exchange on the calling thread, which waits for the answer anyway (a
     *                     blocking call's own thread): the future returned is then already complete
     */
    CompletableFuture<Answer> send(HttpRequest.Builder request, RequestOptions options, Duration timeout,
                                   boolean onThisThread) {
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
        if (onThisThread) {
            return sendHere(built, timeout, start);
        }
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
        ScheduledFuture<?> bound = Scheduler.schedule(timeout, () -> settle.accept(null, tooLate(timeout)));
        // Failures before any body (no connection, no head in time) arrive only here.
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                settle.accept(null, requestTimedOut(cause) ? tooLate(timeout) : cause);
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
     * One exchange on the calling thread, bounded as {@link #send} bounds it: the request's timeout until the
     * answer's head, then the body cut at the same bound. {@link HttpClient#send} spares the hop sendAsync
     * takes after each answer (onto the common pool: on two processors, a new thread per exchange). An
     * interrupt cancels the exchange and is kept for the caller's wait, which then cancels the call; the
     * future returned meanwhile never completes.
     */
    private CompletableFuture<Answer> sendHere(HttpRequest built, Duration timeout, long start) {
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> bound = Scheduler.schedule(timeout, () -> {
            late.set(true);
            BoundedBody body = reading.get();
            if (body != null) {
                body.abort(tooLate(timeout));
            }
        });
        Throwable error;
        try {
            HttpResponse<byte[]> response = http.send(built, info -> {
                BoundedBody body = BoundedBody.of(MAX_ANSWER_BYTES);
                reading.set(body);
                if (late.get()) {
                    body.abort(tooLate(timeout)); // the bound passed while the head was read
                }
                return body;
            });
            Answer answer = new Answer(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
            log.answered(built.method(), built.uri(), answer.status(), System.nanoTime() - start);
            return CompletableFuture.completedFuture(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.failed(built.method(), built.uri(), e, System.nanoTime() - start);
            return new CompletableFuture<>();
        } catch (IOException e) {
            // HttpClient.send wraps what ended the body: the bound, or an answer over the size limit.
            BoundedBody.TooLarge tooLarge = causeOf(e, BoundedBody.TooLarge.class);
            error = tooLarge != null ? tooLarge : late.get() || requestTimedOut(e) ? tooLate(timeout) : e;
        } catch (RuntimeException e) {
            error = e;
        } finally {
            bound.cancel(false);
        }
        log.failed(built.method(), built.uri(), error, System.nanoTime() - start);
        return CompletableFuture.failedFuture(error);
    }

    /**
     * The JDK's own request timeout and our bound end the same wait, and either may fire first: both are
     * reported as {@link #tooLate}, which names the bound, so the message does not depend on a race.
     */
    private static boolean requestTimedOut(Throwable error) {
        HttpTimeoutException timeout = causeOf(error, HttpTimeoutException.class);
        return timeout != null && !(timeout instanceof HttpConnectTimeoutException);
    }

    private static HttpTimeoutException tooLate(Duration timeout) {
        return new HttpTimeoutException("no complete answer within " + timeout);
    }

    private static <E extends Throwable> E causeOf(Throwable error, Class<E> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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
