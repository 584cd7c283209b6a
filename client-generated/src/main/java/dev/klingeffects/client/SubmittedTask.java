package dev.klingeffects.client;

/**
 * A task just queued.
 *
 * @param taskId  the id to poll with
 * @param status  its status, normally {@code pending}
 * @param modelId the model, {@code kling-video-effects}
 * @param pollUrl where to poll, when the server said
 */
public record SubmittedTask(String taskId, TaskStatus status, String modelId, String pollUrl) {}
