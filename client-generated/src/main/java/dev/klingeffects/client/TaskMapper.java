package dev.klingeffects.client;

import dev.klingeffects.client.generated.model.Resource;
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
        var data = response.getData();
        return new SubmittedTask(data.getTaskId(), state(data.getStatus()), data.getModelId(),
                data.getGetResult() == null || data.getGetResult().getUrl() == null ? null : data.getGetResult().getUrl().toString());
    }

    static EffectTask task(TaskResponse response) {
        Task data = response.getData();
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

    private static TaskState state(dev.klingeffects.client.generated.model.TaskStatus status) {
        return TaskState.fromWire(status == null ? null : status.getValue());
    }
}
