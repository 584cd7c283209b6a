package dev.klingeffects.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task as the API reported it.
 *
 * @param taskId          the task's id
 * @param status          its status; {@link TaskStatus#UNKNOWN} for one this client does not know
 * @param rawStatus       the status exactly as the API spelled it (kept for one this client does not know), or null if none came
 * @param modelId         the model
 * @param processingTime  how long it took, once finished, or null
 * @param resources       the generated files (empty until success)
 * @param resultExpiresAt when the result URLs expire, or null
 * @param errorMessage    why it failed, or null
 */
public record EffectTask(String taskId, TaskStatus status, String rawStatus, String modelId, Duration processingTime,
                         List<VideoResource> resources, Instant resultExpiresAt, String errorMessage) {

    /**
     * Copies the resources so the record stays immutable.
     *
     * @param taskId          the task's id
     * @param status          its status
     * @param rawStatus       the status exactly as the API spelled it
     * @param modelId         the model
     * @param processingTime  how long it took, or null
     * @param resources       the generated files
     * @param resultExpiresAt when the result URLs expire, or null
     * @param errorMessage    why it failed, or null
     */
    public EffectTask {
        resources = List.copyOf(resources);
    }

    /** @return whether the task has reached its end */
    public boolean finished() {
        return status.finished();
    }

    /**
     * @return the URL of the video: the first resource of type {@code video}
     * @throws IllegalStateException when the task has no resource of type {@code video}
     */
    public String videoUrl() {
        return video().map(VideoResource::url).orElseThrow(() ->
                new IllegalStateException("Task " + taskId + " has no video (status " + rawStatus + ")"));
    }

    /** @return the video resource, if the task has one */
    public Optional<VideoResource> video() {
        // Only a video: a task that produced other files (a cover image) has no video to offer.
        return resources.stream().filter(resource -> "video".equals(resource.type())).findFirst();
    }
}
