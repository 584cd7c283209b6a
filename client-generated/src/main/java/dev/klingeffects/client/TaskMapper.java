package dev.klingeffects.client;

import dev.klingeffects.client.generated.model.Resource;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.client.generated.model.SubmitTaskResponse;
import dev.klingeffects.client.generated.model.Task;
import dev.klingeffects.client.generated.model.TaskResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** From the generated models to the facade's records. */
final class TaskMapper {

    private TaskMapper() {}

    static SubmittedTask submitted(SubmitTaskResponse response) {
        if (response == null) {
            throw unreadable("the submit was answered with an empty body");
        }
        apiErrorIn(response.getCode(), response.getMessage(), true);
        var data = response.getData();
        if (data == null || data.getTaskId() == null || data.getTaskId().isEmpty()) {
            throw unreadable("the submit's answer has no data.task_id");
        }
        return new SubmittedTask(data.getTaskId(), state(data.getStatus()), data.getModelId(),
                data.getGetResult() == null || data.getGetResult().getUrl() == null ? null : data.getGetResult().getUrl().toString());
    }

    static EffectTask task(TaskResponse response) {
        if (response == null) {
            throw unreadable("the poll was answered with an empty body");
        }
        apiErrorIn(response.getCode(), response.getMessage(), false);
        Task data = response.getData();
        if (data == null || data.getTaskId() == null) {
            throw unreadable("the poll's answer has no data.task_id");
        }
        List<VideoResource> resources = new ArrayList<>();
        if (data.getResult() != null && data.getResult().getResources() != null) {
            for (Resource resource : data.getResult().getResources()) {
                resources.add(new VideoResource(resource.getUrl() == null ? null : resource.getUrl().toString(), resource.getType(), resource.getWidth(),
                        resource.getHeight(), resource.getFormat(), resource.getRole()));
            }
        }
        // A status this client version does not know arrives as the generator's placeholder.
        var status = data.getStatus();
        String raw = status == null || status == dev.klingeffects.client.generated.model.TaskStatus.UNKNOWN_DEFAULT_OPEN_API
                ? "unknown" : status.getValue();
        return new EffectTask(data.getTaskId(), state(data.getStatus()), raw, data.getModelId(),
                data.getDuration() == null ? null : Duration.ofMillis(data.getDuration()), resources,
                data.getResultExpiresAt() == null ? null : Instant.ofEpochMilli(data.getResultExpiresAt()),
                data.getErrorMessage());
    }

    /** {@code "code" != 0} on an HTTP 200 is an error of the API all the same. */
    private static void apiErrorIn(Integer code, String message, boolean submit) {
        if (code != null && code != 0) {
            throw ErrorTranslator.typed(ContractError.parse(code, message == null ? "" : message),
                    new RateLimitInfo(-1, -1, null, null), submit);
        }
    }

    private static ModellixResponseFormatException unreadable(String what) {
        return new ModellixResponseFormatException("The API's answer is not in its format: " + what, "", null);
    }

    private static TaskState state(dev.klingeffects.client.generated.model.TaskStatus status) {
        return TaskState.fromWire(status == null ? null : status.getValue());
    }
}
