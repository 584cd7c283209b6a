package dev.klingeffects.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Client of the Modellix Kling video-effects API: submit an effect, wait for it, get the video.
 *
 * <pre>{@code
 * KlingEffectsClient client = KlingEffectsClient.builder().baseUrl("http://localhost:8080").apiKey(key).build();
 * EffectTask done = client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", imageUrl), Duration.ofMinutes(3));
 * String url = done.videoUrl();
 * }</pre>
 *
 * Thread-safe; build one and share it. Every operation has an {@code …Async} twin that holds no thread
 * while it waits (non-blocking I/O, scheduled waits); cancelling its future stops it: no further request
 * is sent and the one in progress is aborted.
 */
public final class KlingEffectsClient implements AutoCloseable {

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.modellix.ai";
    /** Where {@link Builder#build()} looks for the key when none is given. */
    public static final String API_KEY_ENV = "MODELLIX_API_KEY";

    private final ClientCore core;
    private final RequestOptions options;
    private final String baseUrl;
    /** Whether this is a view from {@link #withOptions}: the client it came from owns what it uses. */
    private final boolean view;

    private KlingEffectsClient(ClientCore core, RequestOptions options, String baseUrl, boolean view) {
        this.core = core;
        this.options = options;
        this.baseUrl = baseUrl;
        this.view = view;
    }

    /** @return a builder with the defaults: production URL, key from {@code MODELLIX_API_KEY} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of this client whose calls use {@code options} over the client's own (timeout, retry policy,
     * listener; headers are added). Cheap: it shares this client's HTTP client, executor and permits, so
     * make one per call if need be.
     *
     * @param options the options for calls through the view
     * @return the view; closing it does nothing (it owns nothing), closing this client closes it too
     */
    public KlingEffectsClient withOptions(RequestOptions options) {
        return new KlingEffectsClient(core, Objects.requireNonNull(options, "options").over(this.options), baseUrl, true);
    }

    /** @return a view of this client whose calls return the HTTP status and headers along with the value */
    public RawResponses withRawResponse() {
        return new RawResponses(core, options);
    }

    /**
     * Submits one effect task. Costs money: it is retried only on 429 and when the request
     * provably never reached the server.
     *
     * @param request the effect and its image(s)
     * @return the queued task
     * @throws InvalidRequestException when a pre-check or the server rejects the request
     * @throws ModellixApiException    for any other error answer
     * @throws ModellixConnectionException when the server cannot be reached
     */
    public SubmittedTask submit(EffectRequest request) {
        return join(submitAsync(request), null);
    }

    /**
     * Fetches a task's current state; retried on 429, 5xx and I/O errors.
     *
     * @param taskId the id from {@link SubmittedTask#taskId()}
     * @return the task now
     * @throws TaskNotFoundException when the task is unknown, expired or another key's
     */
    public EffectTask getTask(String taskId) {
        return join(getTaskAsync(taskId), null);
    }

    /**
     * Polls until the task finishes, about every 1 s at first, growing to about 10 s, with jitter.
     * A status this client does not know counts as unfinished.
     *
     * @param taskId  the task
     * @param timeout how long to wait at most: a deadline, even when the server asks for a longer wait
     * @return the successful task
     * @throws TaskFailedException  when it fails, with its {@code error_message}
     * @throws TaskTimeoutException when it is still unfinished after {@code timeout}
     */
    public EffectTask awaitCompletion(String taskId, Duration timeout) {
        return join(awaitCompletionAsync(taskId, timeout), taskId);
    }

    /**
     * Submits, waits one poll interval, then polls; see {@link #submit} and {@link #awaitCompletion}. Every
     * failure after the submit carries the task's id ({@link ModellixException#taskId()}).
     *
     * @param request the effect and its image(s)
     * @param timeout how long to wait for the result, after the submit
     * @return the successful task
     */
    public EffectTask submitAndAwait(EffectRequest request, Duration timeout) {
        checkTimeout(timeout);
        String taskId = submit(request).taskId();
        return join(core.awaitSubmitted(taskId, timeout, options), taskId);
    }

    /**
     * @param request the effect and its image(s)
     * @return {@link #submit}, without blocking; cancelling it before the answer aborts the request, but the
     *         server may already have queued the task
     */
    public CompletableFuture<SubmittedTask> submitAsync(EffectRequest request) {
        Objects.requireNonNull(request, "request");
        return values(core.submit(request, options));
    }

    /**
     * @param taskId the task
     * @return {@link #getTask}, without blocking
     */
    public CompletableFuture<EffectTask> getTaskAsync(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return values(core.getTask(taskId, options, Deadlines.NONE));
    }

    /**
     * @param taskId  the task
     * @param timeout how long to wait at most
     * @return {@link #awaitCompletion}, without holding a thread; cancelling it stops the polling
     */
    public CompletableFuture<EffectTask> awaitCompletionAsync(String taskId, Duration timeout) {
        Objects.requireNonNull(taskId, "taskId");
        checkTimeout(timeout);
        return core.await(taskId, timeout, options);
    }

    /**
     * @param request the effect and its image(s)
     * @param timeout how long to wait for the result, after the submit
     * @return {@link #submitAndAwait}, without holding a thread; cancelling it stops the polling (the task,
     *         once submitted, runs on: use {@link #submitAsync} and {@link #awaitCompletionAsync} to keep its id)
     */
    public CompletableFuture<EffectTask> submitAndAwaitAsync(EffectRequest request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        checkTimeout(timeout);
        return core.submitAndAwait(request, timeout, options);
    }

    private static void checkTimeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
            throw new IllegalArgumentException("timeout cannot be negative, got " + timeout);
        }
    }

    /** The value alone; cancelling the returned future cancels the call. */
    static <T> CompletableFuture<T> values(CompletableFuture<ModellixResponse<T>> call) {
        CompletableFuture<T> value = call.thenApply(ModellixResponse::value);
        value.whenComplete((ignored, error) -> {
            if (value.isCancelled()) {
                call.cancel(true);
            }
        });
        return value;
    }

    /**
     * Waits for a call on the caller's thread. Its failure is rethrown as it is; an interrupt cancels the call
     * and ends in a {@link ModellixException} naming the task, if there is one.
     */
    static <T> T join(CompletableFuture<T> call, String taskId) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            ModellixException interrupted = new ModellixException(
                    "Interrupted while waiting for the API (a request already sent may still take effect)", e);
            throw taskId == null ? interrupted : interrupted.concerning(taskId);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ModellixException(String.valueOf(cause), cause);
        } catch (CancellationException e) {
            throw new ModellixException("The call was cancelled", e);
        }
    }

    /**
     * The tasks submitted through this client (and its views) that it has not yet seen end: still holding one
     * of the account's concurrent-task slots, and a permit of {@link Builder#maxUnfinishedTasks}. The client
     * follows each of them in the background at a low rate (from every 30 s, growing to every 5 minutes;
     * never while an await polls it) until it ends, so a task whose await was cancelled, timed out or failed
     * still gives its permit back, and its id is never lost.
     *
     * @return their ids, a snapshot
     */
    public Set<String> unfinishedTasks() {
        return core.unfinishedTasks();
    }

    @Override
    public String toString() {
        return "KlingEffectsClient[baseUrl=" + baseUrl + ", apiKey=****]";
    }

    /**
     * Releases what the client owns (its own threads) and stops following its unfinished tasks. Calls after this throw
     * {@link IllegalStateException}, through every view of the client too. Closing a view from
     * {@link #withOptions} does nothing: a view can be handed to code that closes it without closing the client.
     */
    @Override
    public void close() {
        if (!view) {
            core.close();
        }
    }

    /** Builds a {@link KlingEffectsClient}; every option has a sensible default. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration minPollInterval = Duration.ofSeconds(1);
        private Duration maxPollInterval = Duration.ofSeconds(10);
        private HttpClient.Builder httpClient;
        private HttpClient existingHttpClient;
        private int maxUnfinishedTasks;
        private Executor executor;
        private ClientListener listener;
        private String userAgent = "kling-effects-java-client";
        private boolean preChecks = true;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private Timing timing = Timing.REAL;
        private Duration followInterval = ClientCore.FOLLOW_INTERVAL;

        private Builder() {}

        /**
         * @param baseUrl the API's base URL, e.g. {@code http://localhost:8080} for the mock; default production
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + baseUrl);
            }
            // The API's paths are appended to it: a query, fragment or user-info would be dropped or misplaced.
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must have no query, fragment or user-info, got " + baseUrl);
            }
            this.baseUrl = baseUrl.replaceAll("/+$", "");
            return this;
        }

        /**
         * @param apiKey the Modellix API key; default: the {@code MODELLIX_API_KEY} environment variable
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * @param timeout how long to wait for a connection; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout how long one HTTP exchange may take, answer body included; default 60 s
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param policy how to retry; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param first the first wait between polls; default 1 s
         * @param max   the longest wait between polls; default 10 s
         * @return this builder
         */
        public Builder pollInterval(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("poll interval needs 0 < first <= max");
            }
            this.minPollInterval = first;
            this.maxPollInterval = max;
            return this;
        }

        /**
         * @param httpClient an existing {@link HttpClient} to send every call with (its proxy, TLS and executor);
         *                   the client never closes it. It must not follow redirects: an answer that redirects
         *                   is an error ({@link ModellixApiException} with the 3xx status), never followed.
         * @return this builder
         * @throws IllegalArgumentException when it follows redirects
         */
        public Builder httpClient(HttpClient httpClient) {
            if (Objects.requireNonNull(httpClient, "httpClient").followRedirects() != HttpClient.Redirect.NEVER) {
                // The client would send the Authorization header to whatever host a redirect names, and turn a
                // redirected submit POST into a GET whose answer passes for a submitted task.
                throw new IllegalArgumentException("An HttpClient that follows redirects would send the API key to any"
                        + " host a redirect names: build it with followRedirects(HttpClient.Redirect.NEVER), the default");
            }
            this.existingHttpClient = httpClient;
            return this;
        }

        /**
         * @param httpClient a configured {@link HttpClient} builder (proxy, SSL, executor…): built once, never
         *                   modified, so its own connect timeout applies rather than {@link #connectTimeout}
         * @return this builder
         */
        public Builder httpClient(HttpClient.Builder httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /**
         * @param executor where the async stages, the listener and non-async callbacks on the client's futures
         *                 run; default this client's own fork-join pool of daemon threads, one per processor (at
         *                 least two), shut down by {@link KlingEffectsClient#close()}, which adds a spare thread when a callback
         *                 blocks on the client. The stages never block, so a small pool does; but a fixed pool
         *                 deadlocks if callbacks on it block on the client. Listener calls run on it one at a
         *                 time, in order, apart from the calls they hear of.
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /**
         * @param listener who hears of every retry and of status changes while awaiting; per call, see
         *                 {@link RequestOptions.Builder#listener}
         * @return this builder
         */
        public Builder listener(ClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param userAgent the {@code User-Agent} header
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent);
            return this;
        }

        /**
         * Caps this client's unfinished tasks (opt-in; default 0, no cap). A submit beyond the cap waits for a
         * permit, up to 10 minutes and without holding a thread; the permit comes back when the client sees a
         * task end (through {@code getTask}, {@code awaitCompletion}, or the client's own background polls of
         * tasks no caller awaits: see {@link KlingEffectsClient#unfinishedTasks()}). Set it to the account's
         * concurrent-task limit (typically 3) and many threads sharing one client queue here instead of all
         * meeting the server's 429.
         *
         * @param max most tasks submitted and not yet seen to end
         * @return this builder
         */
        public Builder maxUnfinishedTasks(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxUnfinishedTasks must be 0 (no cap) or more");
            }
            this.maxUnfinishedTasks = max;
            return this;
        }

        /**
         * @param enabled whether to reject near misses of known effects, the wrong image shape and unsupported
         *                durations before any network call (default true)
         * @return this builder
         */
        public Builder preChecks(boolean enabled) {
            this.preChecks = enabled;
            return this;
        }

        /**
         * @param name  a header sent on every request, e.g. {@code Prefer} against the mock
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException for {@code Authorization}, {@code User-Agent}, a header Java's HTTP
         *                                  client reserves, or a malformed one
         */
        public Builder defaultHeader(String name, String value) {
            RequestOptions.checkHeader(name, value);
            defaultHeaders.put(name, value);
            return this;
        }

        Builder timing(Timing timing) {
            this.timing = timing;
            return this;
        }

        /** For tests: how soon a task no caller polls is polled in the background. */
        Builder followInterval(Duration interval) {
            this.followInterval = interval;
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException    when no key was given and {@code MODELLIX_API_KEY} is unset
         * @throws IllegalArgumentException when the key holds whitespace or a character no header may carry
         */
        public KlingEffectsClient build() {
            String key = apiKey != null ? apiKey : System.getenv(API_KEY_ENV);
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("No API key: call apiKey(...) or set " + API_KEY_ENV);
            }
            checkKey(key);
            // Everything is copied out of the builder now: changing or reusing the builder later changes nothing.
            // One HttpClient for every call: the caller's, or one built here; the caller's builder is never modified.
            HttpClient http = existingHttpClient != null ? existingHttpClient
                    : httpClient != null ? httpClient.build()
                    : ClientThreads.sharedHttpClient(connectTimeout);
            Transport transport = new Transport(http, httpClient != null, baseUrl, key, userAgent);
            RequestOptions.Builder options = RequestOptions.builder().timeout(requestTimeout).retryPolicy(retryPolicy);
            defaultHeaders.forEach(options::header);
            if (listener != null) {
                options.listener(listener);
            }
            RequestOptions clientOptions = options.build();
            ClientCore core = new ClientCore(transport, new Redaction(key), timing,
                    executor, maxUnfinishedTasks, minPollInterval,
                    maxPollInterval, preChecks, followInterval, clientOptions);
            return new KlingEffectsClient(core, clientOptions, baseUrl, false);
        }

        /**
         * A key read from a file often keeps its newline: refused here, in words that never print the key,
         * rather than at every call by the HTTP client with the whole {@code Authorization} header in its message.
         */
        private static void checkKey(String key) {
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c <= ' ' || c >= 0x7f) {
                    String what = Character.isWhitespace(c) ? "whitespace" : "a character no header may carry";
                    throw new IllegalArgumentException("The API key has " + what + " at position " + (i + 1) + " of "
                            + key.length() + " (a trailing newline from a file?); strip it. The key is not printed here.");
                }
            }
        }

        private static Duration positive(Duration duration, String name) {
            if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }

        @Override
        public String toString() {
            return "KlingEffectsClient.Builder[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "(from env)" : "****") + "]";
        }
    }
}
