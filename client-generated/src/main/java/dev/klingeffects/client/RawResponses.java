package dev.klingeffects.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of a {@link KlingEffectsClient} that return the HTTP status and headers with the value,
 * from {@link KlingEffectsClient#withRawResponse()}: for rate-limit headers on success, or a header this
 * client does not read. Failures are the same typed exceptions, which carry their own headers.
 */
public final class RawResponses {

    private final ClientCore core;
    private final RequestOptions options;

    RawResponses(ClientCore core, RequestOptions options) {
        this.core = core;
        this.options = options;
    }

    /**
     * @param request the effect and its image(s)
     * @return {@link KlingEffectsClient#submit} with its answer's status and headers
     */
    public ModellixResponse<SubmittedTask> submit(EffectRequest request) {
        return KlingEffectsClient.join(submitAsync(request), null);
    }

    /**
     * @param request the effect and its image(s)
     * @return {@link #submit}, without blocking
     */
    public CompletableFuture<ModellixResponse<SubmittedTask>> submitAsync(EffectRequest request) {
        return core.submit(Objects.requireNonNull(request, "request"), options);
    }

    /**
     * @param taskId the task
     * @return {@link KlingEffectsClient#getTask} with its answer's status and headers
     */
    public ModellixResponse<EffectTask> getTask(String taskId) {
        return KlingEffectsClient.join(getTaskAsync(taskId), null);
    }

    /**
     * @param taskId the task
     * @return {@link #getTask}, without blocking
     */
    public CompletableFuture<ModellixResponse<EffectTask>> getTaskAsync(String taskId) {
        return core.getTask(Objects.requireNonNull(taskId, "taskId"), options, Deadlines.NONE);
    }
}
