package dev.klingeffects.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The {@link RawResponseClient} of a {@link DefaultKlingEffectsClient}. */
final class DefaultRawResponseClient implements RawResponseClient {

    private final ClientCore core;
    private final RequestOptions options;

    DefaultRawResponseClient(ClientCore core, RequestOptions options) {
        this.core = core;
        this.options = options;
    }

    @Override
    public RawResponse<SubmittedTask> submit(EffectRequest request) {
        Objects.requireNonNull(request, "request");
        CallerSteps steps = core.callerSteps();
        return Calls.join(core.submit(request, options, steps), null, steps);
    }

    @Override
    public CompletableFuture<RawResponse<SubmittedTask>> submitAsync(EffectRequest request) {
        return core.submit(Objects.requireNonNull(request, "request"), options);
    }

    @Override
    public RawResponse<EffectTask> getTask(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        CallerSteps steps = core.callerSteps();
        return Calls.join(core.getTask(taskId, options, Deadlines.NONE, steps), null, steps);
    }

    @Override
    public CompletableFuture<RawResponse<EffectTask>> getTaskAsync(String taskId) {
        return core.getTask(Objects.requireNonNull(taskId, "taskId"), options, Deadlines.NONE);
    }
}
