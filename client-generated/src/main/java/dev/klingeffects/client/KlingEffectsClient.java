package dev.klingeffects.client;

import dev.klingeffects.client.generated.ApiClient;
import dev.klingeffects.client.generated.api.EffectsApi;
import dev.klingeffects.client.generated.api.TasksApi;
import dev.klingeffects.client.generated.model.EffectTaskRequest;
import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Client of the Modellix Kling video-effects API: submit an effect, wait for it, get the video.
 *
 * <pre>{@code
 * KlingEffectsClient client = KlingEffectsClient.builder().baseUrl("http://localhost:8080").apiKey(key).build();
 * EffectTask done = client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", imageUrl), Duration.ofMinutes(3));
 * String url = done.videoUrl();
 * }</pre>
 *
 * Thread-safe; build one and share it.
 */
public final class KlingEffectsClient implements AutoCloseable {

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.modellix.ai";
    /** Where {@link Builder#build()} looks for the key when none is given. */
    public static final String API_KEY_ENV = "MODELLIX_API_KEY";

    private static final CatalogRules CATALOG_RULES = loadCatalogRules();

    private final String baseUrl;
    private final EffectsApi effects;
    private final TasksApi tasks;
    private final Retrier retrier;
    private final Timing timing;
    private final Duration minPollInterval;
    private final Duration maxPollInterval;
    private final boolean preChecks;
    private final Executor executor;
    private final HttpClient http;
    private final UnfinishedTasks unfinished;
    private final Duration permitWait;
    private final boolean ownsHttpClient;
    private volatile boolean closed;

    private KlingEffectsClient(Builder builder, String apiKey) {
        // Everything is copied out of the builder now: changing or reusing the builder later changes nothing here.
        this.baseUrl = builder.baseUrl;
        this.ownsHttpClient = builder.existingHttpClient == null;
        // One HttpClient for every call of this client: the caller's, or one built here. The caller's
        // HttpClient.Builder is copied into it, never modified.
        this.http = builder.existingHttpClient != null ? builder.existingHttpClient
                : builder.httpClient != null ? builder.httpClient.build()
                : HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build();
        HttpClient shared = this.http;
        ApiClient api = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), null) {
            @Override
            public HttpClient getHttpClient() {
                return shared;
            }
        };
        api.updateBaseUri(builder.baseUrl);
        api.setReadTimeout(builder.requestTimeout);
        Map<String, String> headers = new LinkedHashMap<>(builder.defaultHeaders);
        String userAgent = builder.userAgent;
        api.setRequestInterceptor(request -> {
            if (closed) {
                throw new IllegalStateException("this KlingEffectsClient is closed");
            }
            request.setHeader("Authorization", "Bearer " + apiKey);
            request.setHeader("User-Agent", userAgent);
            headers.forEach(request::setHeader);
        });
        this.effects = new EffectsApi(api);
        this.tasks = new TasksApi(api);
        this.timing = builder.timing;
        this.retrier = new Retrier(builder.retryPolicy, builder.timing, new Redaction(apiKey));
        this.minPollInterval = builder.minPollInterval;
        this.maxPollInterval = builder.maxPollInterval;
        this.preChecks = builder.preChecks;
        this.unfinished = new UnfinishedTasks(builder.maxUnfinishedTasks);
        // A permit comes back when some task ends, minutes later: wait at least ten of them.
        this.permitWait = max(builder.retryPolicy.maxTotalTime(), Duration.ofMinutes(10));
        this.executor = builder.executor != null ? builder.executor : DaemonExecutor.INSTANCE;
    }

    private static CatalogRules loadCatalogRules() {
        ContractSpec spec = ContractSpec.load();
        return CatalogRules.from(spec, EffectCatalog.load(spec));
    }

    /** @return a builder with the defaults: production URL, key from {@code MODELLIX_API_KEY} */
    public static Builder builder() {
        return new Builder();
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
        Objects.requireNonNull(request, "request");
        EffectTaskRequest body = toBody(request);
        unfinished.acquire(permitWait, "submit " + request.effect());
        SubmittedTask submitted;
        try {
            submitted = TaskMapper.submitted(retrier.call(Retrier.Kind.SUBMIT, "submit " + request.effect(),
                    () -> effects.submitEffectTask(body)));
        } catch (RuntimeException e) {
            unfinished.unused();
            throw e;
        }
        unfinished.taken(submitted.taskId());
        return submitted;
    }

    /**
     * Fetches a task's current state; retried on 429, 5xx and I/O errors.
     *
     * @param taskId the id from {@link SubmittedTask#taskId()}
     * @return the task now
     * @throws TaskNotFoundException when the task is unknown, expired or another key's
     */
    public EffectTask getTask(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return seen(taskId, () -> TaskMapper.task(retrier.call(Retrier.Kind.READ, "get task " + taskId,
                () -> tasks.getTask(taskId))));
    }

    /** Gives back the task's permit once it is seen to end, or to be gone. */
    private EffectTask seen(String taskId, java.util.function.Supplier<EffectTask> poll) {
        try {
            EffectTask task = poll.get();
            if (task.finished()) {
                unfinished.ended(taskId);
            }
            return task;
        } catch (TaskNotFoundException e) {
            unfinished.ended(taskId);
            throw e;
        }
    }

    /**
     * Polls until the task finishes, about every 1 s at first, growing to about 10 s, with jitter.
     * A status this client does not know counts as unfinished.
     *
     * @param taskId  the task
     * @param timeout how long to wait at most
     * @return the successful task
     * @throws TaskFailedException  when it fails, with its {@code error_message}
     * @throws TaskTimeoutException when it is still unfinished after {@code timeout}
     */
    public EffectTask awaitCompletion(String taskId, Duration timeout) {
        Objects.requireNonNull(taskId, "taskId");
        long deadline = timing.nanoTime() + timeout.toNanos();
        Duration interval = minPollInterval;
        String lastStatus = null;
        while (true) {
            EffectTask task;
            try {
                task = seen(taskId, () -> TaskMapper.task(retrier.call(Retrier.Kind.READ, "get task " + taskId,
                        () -> tasks.getTask(taskId), deadline)));
            } catch (Retrier.DeadlineCut cut) {
                // The server asked for a wait (a 429's Retry-After) that would end after the caller's deadline.
                throw new TaskTimeoutException(taskId, lastStatus, timeout, cut.failure);
            } catch (ModellixException e) {
                throw e.concerning(taskId);
            }
            lastStatus = task.rawStatus();
            if (task.state() == TaskState.SUCCESS) {
                return task;
            }
            if (task.state() == TaskState.FAILED) {
                throw new TaskFailedException(task);
            }
            long remaining = deadline - timing.nanoTime();
            if (remaining <= 0) {
                throw new TaskTimeoutException(taskId, task.rawStatus(), timeout);
            }
            try {
                timing.sleep(Duration.ofNanos(Math.min(jitter(interval).toNanos(), remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModellixException("Waiting for task " + taskId + " was interrupted", e).concerning(taskId);
            }
            interval = min(maxPollInterval, Duration.ofMillis(interval.toMillis() * 3 / 2));
        }
    }

    /**
     * Submits and waits; see {@link #submit} and {@link #awaitCompletion}.
     *
     * @param request the effect and its image(s)
     * @param timeout how long to wait for the result, after the submit
     * @return the successful task
     */
    public EffectTask submitAndAwait(EffectRequest request, Duration timeout) {
        String taskId = submit(request).taskId();
        // No task is done the moment it is queued: the first poll waits one interval.
        try {
            timing.sleep(min(jitter(minPollInterval), timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModellixException("Waiting for task " + taskId + " was interrupted", e);
        }
        return awaitCompletion(taskId, timeout.minus(min(minPollInterval, timeout)));
    }

    /** @return {@link #submit} on the client's executor */
    public CompletableFuture<SubmittedTask> submitAsync(EffectRequest request) {
        return CompletableFuture.supplyAsync(() -> submit(request), executor);
    }

    /** @return {@link #getTask} on the client's executor */
    public CompletableFuture<EffectTask> getTaskAsync(String taskId) {
        return CompletableFuture.supplyAsync(() -> getTask(taskId), executor);
    }

    /** @return {@link #awaitCompletion} on the client's executor */
    public CompletableFuture<EffectTask> awaitCompletionAsync(String taskId, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> awaitCompletion(taskId, timeout), executor);
    }

    /** @return {@link #submitAndAwait} on the client's executor */
    public CompletableFuture<EffectTask> submitAndAwaitAsync(EffectRequest request, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> submitAndAwait(request, timeout), executor);
    }

    private EffectTaskRequest toBody(EffectRequest request) {
        Integer duration = request.durationSeconds();
        if (preChecks) {
            String field = CATALOG_RULES.exclusiveFields().get(request.twoPerson() ? 1 : 0);
            boolean unknownWithoutSuggestion = CATALOG_RULES.catalog().find(request.effect()).isEmpty()
                    && CATALOG_RULES.catalog().suggestionFor(request.effect()).isEmpty();
            // An effect the catalog has never heard of may be one upstream added after this client was
            // built: the server decides. A near miss of a known name is a typo: say so before paying.
            if (!unknownWithoutSuggestion) {
                CATALOG_RULES.check(request.effect(), Set.of("effect_scene", field), duration).ifPresent(error -> {
                    throw ErrorTranslator.typed(error, new RateLimitInfo(-1, -1, null, null), true);
                });
            }
        }
        EffectTaskRequest body = new EffectTaskRequest().effectScene(request.effect());
        List<String> images = request.images().stream().map(EffectImage::value).toList();
        if (request.twoPerson()) {
            body.images(images);
        } else {
            body.image(images.get(0));
        }
        if (duration != null) {
            body.duration(durationEnum(duration));
        }
        return body;
    }

    /** The generated enum cannot carry other values, so they fail here as the server would fail them. */
    private static EffectTaskRequest.DurationEnum durationEnum(int seconds) {
        Set<Integer> allowed = new TreeSet<>();
        for (EffectTaskRequest.DurationEnum value : EffectTaskRequest.DurationEnum.values()) {
            if (!value.name().contains("unknown")) {
                allowed.add(value.getValue());
                if (value.getValue() == seconds) {
                    return value;
                }
            }
        }
        throw ErrorTranslator.typed(ContractError.valueOutOfRange("parameter 'duration' must be one of "
                + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")) + ", got " + seconds),
                new RateLimitInfo(-1, -1, null, null), true);
    }

    private static Duration jitter(Duration interval) {
        long millis = interval.toMillis();
        return Duration.ofMillis(millis * 4 / 5 + ThreadLocalRandom.current().nextLong(millis * 2 / 5 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "KlingEffectsClient[baseUrl=" + baseUrl + ", apiKey=****]";
    }

    /**
     * Releases what the client owns (its HttpClient, on Java 21 and later; never one passed to
     * {@link Builder#httpClient(HttpClient)}). Calls after this throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        if (ownsHttpClient && http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new ModellixException("Closing the HTTP client failed", e);
            }
        }
    }

    /** Threads for the async methods when no executor is given: daemons, so they never keep a JVM alive. */
    private static final class DaemonExecutor {
        static final Executor INSTANCE = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "kling-effects-client");
            thread.setDaemon(true);
            return thread;
        });
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
        private String userAgent = "kling-effects-java-client";
        private boolean preChecks = true;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private Timing timing = Timing.REAL;

        private Builder() {}

        /** @param baseUrl the API's base URL, e.g. {@code http://localhost:8080} for the mock; default production */
        public Builder baseUrl(String baseUrl) {
            URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + baseUrl);
            }
            this.baseUrl = baseUrl.replaceAll("/+$", "");
            return this;
        }

        /** @param apiKey the Modellix API key; default: the {@code MODELLIX_API_KEY} environment variable */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** @param timeout how long to wait for a connection; default 10 s */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** @param timeout how long to wait for one response; default 60 s */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** @param policy how to retry; default {@link RetryPolicy#defaults()} */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * @param first the first wait between polls; default 1 s
         * @param max   the longest wait between polls; default 10 s
         */
        public Builder pollInterval(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("poll interval needs 0 < first <= max");
            }
            this.minPollInterval = first;
            this.maxPollInterval = max;
            return this;
        }

        /** @param httpClient an existing {@link HttpClient} to send every call with; the client never closes it */
        public Builder httpClient(HttpClient httpClient) {
            this.existingHttpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /**
         * @param httpClient a configured {@link HttpClient} builder (proxy, SSL, executor…): built once, never
         *                   modified, so its own connect timeout applies rather than {@link #connectTimeout}
         */
        public Builder httpClient(HttpClient.Builder httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** @param executor where the async methods run; default a pool of daemon threads */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /** @param userAgent the {@code User-Agent} header */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent);
            return this;
        }

        /**
         * Caps this client's unfinished tasks (opt-in; default 0, no cap). A submit beyond the cap waits for a
         * permit, which comes back when the client sees a task end (through {@code getTask} or
         * {@code awaitCompletion}). Set it to the account's concurrent-task limit (typically 3) and many
         * threads sharing one client queue here instead of all meeting the server's 429.
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
         */
        public Builder preChecks(boolean enabled) {
            this.preChecks = enabled;
            return this;
        }

        /**
         * @param name  a header sent on every request, e.g. {@code Prefer} against the mock
         * @param value its value
         */
        public Builder defaultHeader(String name, String value) {
            if (Arrays.asList("authorization", "user-agent").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by apiKey()/userAgent()");
            }
            defaultHeaders.put(name, value);
            return this;
        }

        Builder timing(Timing timing) {
            this.timing = timing;
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException when no key was given and {@code MODELLIX_API_KEY} is unset
         */
        public KlingEffectsClient build() {
            String key = apiKey != null ? apiKey : System.getenv(API_KEY_ENV);
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("No API key: call apiKey(...) or set " + API_KEY_ENV);
            }
            return new KlingEffectsClient(this, key);
        }

        @Override
        public String toString() {
            return "KlingEffectsClient.Builder[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "(from env)" : "****") + "]";
        }
    }
}
