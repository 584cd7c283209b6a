package dev.klingeffects.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The {@link KlingEffectsClient} the builder makes: a view of a {@link ClientCore} with its options. */
final class DefaultKlingEffectsClient implements KlingEffectsClient {

    private final ClientCore core;
    private final RequestOptions options;
    private final String baseUrl;
    /** Whether this is a view from {@link #withOptions}: the client it came from owns what it uses. */
    private final boolean view;

    DefaultKlingEffectsClient(ClientCore core, RequestOptions options, String baseUrl, boolean view) {
        this.core = core;
        this.options = options;
        this.baseUrl = baseUrl;
        this.view = view;
    }

    @Override
    public KlingEffectsClient withOptions(RequestOptions options) {
        return new DefaultKlingEffectsClient(core, Objects.requireNonNull(options, "options").over(this.options), baseUrl, true);
    }

    @Override
    public RawResponseClient withRawResponse() {
        return new DefaultRawResponseClient(core, options);
    }

    @Override
    public SubmittedTask submit(EffectRequest request) {
        Objects.requireNonNull(request, "request");
        CallerSteps steps = core.callerSteps();
        return Calls.join(Calls.values(core.submit(request, options, steps)), null, steps);
    }

    @Override
    public EffectTask getTask(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        CallerSteps steps = core.callerSteps();
        return Calls.join(Calls.values(core.getTask(taskId, options, Deadlines.NONE, steps)), null, steps);
    }

    @Override
    public EffectTask awaitCompletion(String taskId, Duration timeout) {
        Objects.requireNonNull(taskId, "taskId");
        checkTimeout(timeout);
        CallerSteps steps = core.callerSteps();
        return Calls.join(core.await(taskId, timeout, options, steps), taskId, steps);
    }

    @Override
    public EffectTask submitAndAwait(EffectRequest request, Duration timeout) {
        checkTimeout(timeout);
        String taskId = submit(request).taskId();
        CallerSteps steps = core.callerSteps();
        return Calls.join(core.awaitSubmitted(taskId, timeout, options, steps), taskId, steps);
    }

    @Override
    public CompletableFuture<SubmittedTask> submitAsync(EffectRequest request) {
        Objects.requireNonNull(request, "request");
        return Calls.values(core.submit(request, options));
    }

    @Override
    public CompletableFuture<EffectTask> getTaskAsync(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return Calls.values(core.getTask(taskId, options, Deadlines.NONE));
    }

    @Override
    public CompletableFuture<EffectTask> awaitCompletionAsync(String taskId, Duration timeout) {
        Objects.requireNonNull(taskId, "taskId");
        checkTimeout(timeout);
        return core.await(taskId, timeout, options, core.executor());
    }

    @Override
    public CompletableFuture<EffectTask> submitAndAwaitAsync(EffectRequest request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        checkTimeout(timeout);
        return core.submitAndAwait(request, timeout, options);
    }

    @Override
    public Set<String> unfinishedTasks() {
        return core.unfinishedTasks();
    }

    @Override
    public int waitingForPermit() {
        return core.waitingForPermit();
    }

    @Override
    public void close() {
        if (!view) {
            core.close();
        }
    }

    @Override
    public String toString() {
        return "KlingEffectsClient[baseUrl=" + baseUrl + ", apiKey=****]";
    }

    private static void checkTimeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
            throw new IllegalArgumentException("timeout cannot be negative, got " + timeout);
        }
    }
}
