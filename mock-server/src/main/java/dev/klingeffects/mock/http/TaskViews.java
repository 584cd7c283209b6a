package dev.klingeffects.mock.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;

/** Renders tasks in the spec's envelopes ({@code SubmitTaskResponse}, {@code TaskResponse}). */
public final class TaskViews {

    private final String modelId;
    private final String taskPathPrefix;
    private final SampleVideo video;
    private final TaskStore store;

    /**
     * @param modelId        the {@code model_id} to report
     * @param taskPathPrefix the poll path up to the task id, e.g. {@code /api/v1/tasks/}
     * @param video          the video every success points at
     * @param store          where result expiry is decided
     */
    public TaskViews(String modelId, String taskPathPrefix, SampleVideo video, TaskStore store) {
        this.modelId = modelId;
        this.taskPathPrefix = taskPathPrefix;
        this.video = video;
        this.store = store;
    }

    /** @return the body answered to a submit */
    public ObjectNode submitted(Task task, String baseUrl) {
        ObjectNode data = Json.object();
        data.put("status", TaskStatus.PENDING.wire());
        data.put("task_id", task.id());
        data.put("model_id", modelId);
        ObjectNode link = data.putObject("get_result");
        link.put("method", "GET");
        link.put("url", baseUrl + taskPathPrefix + task.id());
        return envelope(data);
    }

    /** @return the body answered to a poll at {@code now} */
    public ObjectNode task(Task task, long now, String baseUrl) {
        TaskStatus status = task.statusAt(now);
        ObjectNode data = Json.object();
        data.put("status", status.wire());
        data.put("task_id", task.id());
        data.put("model_id", modelId);
        if (status.finished()) {
            data.put("duration", task.finishesAt() - task.createdAt());
        }
        if (status == TaskStatus.SUCCESS) {
            ObjectNode result = data.putObject("result");
            ObjectNode resource = result.putArray("resources").addObject();
            resource.put("url", baseUrl + VideoFileHandler.path(task));
            resource.put("type", "video");
            resource.put("width", video.width());
            resource.put("height", video.height());
            resource.put("format", video.format());
            resource.put("role", "primary");
            ObjectNode metadata = result.putObject("metadata");
            metadata.put("effect_scene", task.effect());
            metadata.put("video_duration_seconds", task.videoSeconds());
            data.put("result_expires_at", store.expiresAt(task));
        }
        if (status == TaskStatus.FAILED) {
            data.put("error_message", task.failureReason());
        }
        return envelope(data);
    }

    private static ObjectNode envelope(ObjectNode data) {
        ObjectNode body = Json.object();
        body.put("code", 0);
        body.put("message", "success");
        body.set("data", data);
        return body;
    }
}
