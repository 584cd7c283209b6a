package dev.klingeffects.mock.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import java.nio.charset.StandardCharsets;

/** Renders tasks in the spec's envelopes ({@code SubmitTaskResponse}, {@code TaskResponse}). */
public final class TaskViews {

    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

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

    /**
     * Written directly rather than through a JSON tree: it is the answer to every accepted submit, and the tree
     * and its serialisation were a tenth of a submit's work. The same bytes as the tree gave, but for characters
     * beyond the BMP, now in UTF-8 rather than as escaped surrogates (pinned by {@code TaskAnswerBodiesTest}).
     *
     * @return the body answered to a submit
     */
    public byte[] submitted(Task task, String baseUrl) {
        StringBuilder json = new StringBuilder(256 + baseUrl.length());
        json.append("{\"code\":0,\"message\":\"success\",\"data\":{\"status\":");
        string(json, TaskStatus.PENDING.wire()).append(",\"task_id\":");
        string(json, task.id()).append(",\"model_id\":");
        string(json, modelId).append(",\"get_result\":{\"method\":\"GET\",\"url\":");
        string(json, baseUrl + taskPathPrefix + task.id());
        return json.append("}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Written directly, as {@link #submitted} is: polls are most of what a client sends.
     *
     * @return the body answered to a poll at {@code now}
     */
    public byte[] task(Task task, long now, String baseUrl) {
        TaskStatus status = task.statusAt(now);
        StringBuilder json = new StringBuilder(512 + baseUrl.length());
        json.append("{\"code\":0,\"message\":\"success\",\"data\":{\"status\":");
        string(json, status.wire()).append(",\"task_id\":");
        string(json, task.id()).append(",\"model_id\":");
        string(json, modelId);
        if (status.finished()) {
            json.append(",\"duration\":").append(task.finishesAt() - task.createdAt());
        }
        if (status == TaskStatus.SUCCESS) {
            json.append(",\"result\":{\"resources\":[{\"url\":");
            string(json, baseUrl + VideoFileHandler.path(task)).append(",\"type\":\"video\",\"width\":")
                    .append(video.width()).append(",\"height\":").append(video.height()).append(",\"format\":");
            string(json, video.format()).append(",\"role\":\"primary\"}],\"metadata\":{\"effect_scene\":");
            string(json, task.effect()).append(",\"video_duration_seconds\":").append(task.videoSeconds())
                    .append("}},\"result_expires_at\":").append(store.expiresAt(task));
        }
        if (status == TaskStatus.FAILED) {
            json.append(",\"error_message\":");
            string(json, task.failureReason());
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code text} as a JSON string, or {@code null}. */
    private static StringBuilder string(StringBuilder json, String text) {
        if (text == null) {
            return json.append("null");
        }
        json.append('"');
        int from = json.length();
        QUOTE.quoteAsString(text, json);
        escapeLoneSurrogates(json, from);
        return json.append('"');
    }

    /**
     * A lone surrogate (a reason or id set through the admin API as {@code "\\ud800"}) has no UTF-8: the body's
     * encoding would write {@code ?} for it. Escaped as the JSON tree's writer did, so it reads back as it was set.
     */
    private static void escapeLoneSurrogates(StringBuilder json, int from) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
                continue;
            }
            json.replace(i, i + 1, String.format("\\u%04X", (int) c));
            i += 5;
        }
    }
}
