package dev.klingeffects.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>An interface, so a service's own unit tests can put a fake in its place; {@link #builder()} and
 * {@link #fromEnv()} build the real one.
 */
public interface KlingEffectsClient extends AutoCloseable {

    /** The production API. */
    String DEFAULT_BASE_URL = "https://api.modellix.ai";
    /** The API key, read by {@link Builder#build()} when none is given, and by {@link #fromEnv()}. */
    String API_KEY_ENV = "MODELLIX_API_KEY";
    /** The base URL, read by {@link #fromEnv()}. */
    String BASE_URL_ENV = "MODELLIX_BASE_URL";
    /** The request timeout in seconds or ISO-8601, read by {@link #fromEnv()}. */
    String REQUEST_TIMEOUT_ENV = "MODELLIX_REQUEST_TIMEOUT";
    /** The connect timeout in seconds or ISO-8601, read by {@link #fromEnv()}. */
    String CONNECT_TIMEOUT_ENV = "MODELLIX_CONNECT_TIMEOUT";
    /**
     * {@code info} or {@code debug} logs every HTTP exchange (method, path, status, time) and every retry
     * through {@link System.Logger} {@code dev.klingeffects.client.http}, at that level; never a header, a
     * key or a body. Read when a client is built; the system property {@value #LOG_PROPERTY} wins over it.
     */
    String LOG_ENV = "MODELLIX_LOG";
    /** The system property twin of {@link #LOG_ENV}. */
    String LOG_PROPERTY = "modellix.log";

    /** @return a builder with the defaults: production URL, key from {@code MODELLIX_API_KEY} */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @return a client configured from the environment alone: {@code builder().fromEnv().build()}
     * @throws IllegalStateException when {@code MODELLIX_API_KEY} is unset
     */
    static KlingEffectsClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * A view of this client whose calls use {@code options} over the client's own (timeout, retry policy,
     * listener; headers are added). Cheap: it shares this client's HTTP client, executor and permits, so
     * make one per call if need be.
     *
     * @param options the options for calls through the view
     * @return the view; closing it does nothing (it owns nothing), closing this client closes it too
     */
    KlingEffectsClient withOptions(RequestOptions options);

    /** @return a view of this client whose calls return the HTTP status and headers along with the value */
    RawResponseClient withRawResponse();

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
    SubmittedTask submit(EffectRequest request);

    /**
     * Fetches a task's current status; retried on 429, 5xx and I/O errors.
     *
     * @param taskId the id from {@link SubmittedTask#taskId()}
     * @return the task now
     * @throws TaskNotFoundException when the task is unknown, expired or another key's
     * @throws ModellixResponseFormatException when the answer is not the API's, or is about another task
     */
    EffectTask getTask(String taskId);

    /**
     * Polls until the task finishes, about every 1 s at first, growing to about 10 s, with jitter.
     * A status this client does not know counts as unfinished.
     *
     * @param taskId  the task
     * @param timeout how long to wait at most: a deadline, even when the server asks for a longer wait or a
     *                poll is still in flight (its last poll goes out up to a second early, to be answered in time)
     * @return the successful task
     * @throws TaskFailedException  when it fails, with its {@code error_message}
     * @throws TaskTimeoutException when it is still unfinished at the deadline
     */
    EffectTask awaitCompletion(String taskId, Duration timeout);

    /**
     * Submits, waits one poll interval, then polls; see {@link #submit} and {@link #awaitCompletion}. Every
     * failure after the submit carries the task's id ({@link ModellixException#taskId()}).
     *
     * @param request the effect and its image(s)
     * @param timeout how long to wait for the result, after the submit
     * @return the successful task
     */
    EffectTask submitAndAwait(EffectRequest request, Duration timeout);

    /**
     * @param request the effect and its image(s)
     * @return {@link #submit}, without blocking; cancelling it before the answer aborts the request, but the
     *         server may already have queued the task
     */
    CompletableFuture<SubmittedTask> submitAsync(EffectRequest request);

    /**
     * @param taskId the task
     * @return {@link #getTask}, without blocking
     */
    CompletableFuture<EffectTask> getTaskAsync(String taskId);

    /**
     * @param taskId  the task
     * @param timeout how long to wait at most
     * @return {@link #awaitCompletion}, without holding a thread; cancelling it stops the polling
     */
    CompletableFuture<EffectTask> awaitCompletionAsync(String taskId, Duration timeout);

    /**
     * @param request the effect and its image(s)
     * @param timeout how long to wait for the result, after the submit
     * @return {@link #submitAndAwait}, without holding a thread; cancelling it stops the polling (the task,
     *         once submitted, runs on and stays in {@link #unfinishedTasks()} until the client sees it end)
     */
    CompletableFuture<EffectTask> submitAndAwaitAsync(EffectRequest request, Duration timeout);

    /**
     * The tasks submitted through this client (and its views) that it has not yet seen end: still holding one
     * of the account's concurrent-task slots, and a permit of {@link Builder#maxUnfinishedTasks}. The client
     * follows each of them in the background at a low rate (from every 30 s, growing to every 5 minutes;
     * never while an await polls it) until it ends, so a task whose await was cancelled, timed out or failed
     * still gives its permit back, and its id is never lost.
     *
     * @return their ids, a snapshot
     */
    Set<String> unfinishedTasks();

    /**
     * The submits through this client (and its views) now waiting for a permit of
     * {@link Builder#maxUnfinishedTasks}: a gauge of how far the account's concurrent-task limit holds work back.
     *
     * @return their number, 0 without a cap; a fake or another implementation may always say 0
     */
    default int waitingForPermit() {
        return 0;
    }

    /**
     * Releases what the client owns (its own threads) and stops following its unfinished tasks. Calls after
     * this throw {@link IllegalStateException}, through every view of the client too. Closing a view from
     * {@link #withOptions} does nothing: a view can be handed to code that closes it without closing the client.
     */
    @Override
    void close();

    /** Builds a {@link KlingEffectsClient}; every option has a sensible default. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration minPollInterval = Duration.ofSeconds(1);
        private Duration maxPollInterval = Duration.ofSeconds(10);
        private HttpClient httpClient;
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
         * Reads every setting the environment gives: {@value KlingEffectsClient#API_KEY_ENV},
         * {@value KlingEffectsClient#BASE_URL_ENV}, {@value KlingEffectsClient#REQUEST_TIMEOUT_ENV} and
         * {@value KlingEffectsClient#CONNECT_TIMEOUT_ENV} (timeouts in seconds, e.g. {@code 30}, or ISO-8601,
         * e.g. {@code PT30S}). Unset variables leave the builder as it is; calls after this one win.
         *
         * @return this builder
         * @throws IllegalArgumentException when a variable is set to something unusable, naming the variable
         */
        public Builder fromEnv() {
            return fromEnv(System::getenv);
        }

        Builder fromEnv(java.util.function.UnaryOperator<String> env) {
            Settings.read(env, KlingEffectsClient.API_KEY_ENV).ifPresent(this::apiKey);
            Settings.read(env, KlingEffectsClient.BASE_URL_ENV).ifPresent(value -> Settings.as(KlingEffectsClient.BASE_URL_ENV, () -> baseUrl(value)));
            Settings.read(env, KlingEffectsClient.REQUEST_TIMEOUT_ENV).ifPresent(value ->
                    requestTimeout(Settings.duration(KlingEffectsClient.REQUEST_TIMEOUT_ENV, value)));
            Settings.read(env, KlingEffectsClient.CONNECT_TIMEOUT_ENV).ifPresent(value ->
                    connectTimeout(Settings.duration(KlingEffectsClient.CONNECT_TIMEOUT_ENV, value)));
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
            this.httpClient = httpClient;
            return this;
        }

        /**
         * @param executor where the async calls' stages, the listener, the background polls and non-async
         *                 callbacks on the client's futures run (a blocking call runs its own stages on the thread
         *                 that called it, which waits anyway); default this client's own fork-join pool of daemon threads, one per processor (at
         *                 least two), shut down by {@link KlingEffectsClient#close()}, which adds a spare thread when a callback
         *                 blocks on the client. The stages never block, so a small pool does; but a fixed pool
         *                 deadlocks if callbacks on it block on the client. Listener calls run on it one at a
         *                 time, in order, apart from the calls they hear of; a listener that blocks holds one of
         *                 its threads, and on a fork-join pool (this default, or the common pool) the pool keeps
         *                 another thread on the steps meanwhile when it can.
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
         * @throws IllegalStateException    when no key was given and {@code MODELLIX_API_KEY} is unset, or when
         *                                  the Jackson on the class path is older than 2.14 (the message names
         *                                  the versions found)
         * @throws IllegalArgumentException when the key holds whitespace or a character no header may carry
         */
        public KlingEffectsClient build() {
            JacksonSupport.requireSupportedVersion();
            // From the environment the key is stripped, as fromEnv() does: a variable set from a file keeps its newline.
            String key = apiKey != null ? apiKey : Settings.read(System::getenv, API_KEY_ENV).orElse(null);
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("No API key: call apiKey(...) or set " + API_KEY_ENV);
            }
            checkKey(key);
            // Everything is copied out of the builder now: changing or reusing the builder later changes nothing.
            // One HttpClient for every call: the caller's, or one built here; the caller's builder is never modified.
            HttpClient http = httpClient != null ? httpClient : ClientThreads.sharedHttpClient(connectTimeout);
            Transport transport = new Transport(http, baseUrl, key, userAgent, HttpLog.configured());
            RequestOptions.Builder options = RequestOptions.builder().timeout(requestTimeout).retryPolicy(retryPolicy);
            defaultHeaders.forEach(options::header);
            if (listener != null) {
                options.listener(listener);
            }
            RequestOptions clientOptions = options.build();
            ClientCore core = new ClientCore(transport, new Redaction(key), timing,
                    executor, maxUnfinishedTasks, minPollInterval,
                    maxPollInterval, preChecks, followInterval, clientOptions);
            return new DefaultKlingEffectsClient(core, clientOptions, baseUrl, false);
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
