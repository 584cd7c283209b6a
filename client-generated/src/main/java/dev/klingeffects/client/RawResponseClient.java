package dev.klingeffects.client;

import java.util.concurrent.CompletableFuture;

/**
 * The calls of a {@link KlingEffectsClient} that return the HTTP status and headers with the value,
 * from {@link KlingEffectsClient#withRawResponse()}: for rate-limit headers on success, or a header this
 * client does not read. Failures are the same typed exceptions, which carry their own headers.
 */
public interface RawResponseClient {

    /**
     * @param request the effect and its image(s)
     * @return {@link KlingEffectsClient#submit} with its answer's status and headers
     */
    RawResponse<SubmittedTask> submit(EffectRequest request);

    /**
     * @param request the effect and its image(s)
     * @return {@link #submit}, without blocking
     */
    CompletableFuture<RawResponse<SubmittedTask>> submitAsync(EffectRequest request);

    /**
     * @param taskId the task
     * @return {@link KlingEffectsClient#getTask} with its answer's status and headers
     */
    RawResponse<EffectTask> getTask(String taskId);

    /**
     * @param taskId the task
     * @return {@link #getTask}, without blocking
     */
    CompletableFuture<RawResponse<EffectTask>> getTaskAsync(String taskId);
}
