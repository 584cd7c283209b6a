package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.faults.PlannedFaults;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.PlannedOutcomes;
import dev.klingeffects.mock.tasks.TaskStore;
import dev.klingeffects.mock.validation.SubmitValidator;
import io.javalin.http.Handler;

/** The API's handlers, wired to the paths the spec declares for their operations. */
public final class ApiRoutes {

    private final ContractSpec.Operation submitOperation;
    private final ContractSpec.Operation getTaskOperation;
    private final Handler submit;
    private final Handler getTask;
    private final Handler videoFile;

    /** Wires the handlers; see {@code MockServer} for what each argument is. */
    public ApiRoutes(ContractSpec spec, SubmitValidator validator, TaskStore store,
                     Lifecycle lifecycle, MockClock clock, RateLimiter limiter, ApiKeys keys, Settings settings,
                     BodyReader bodies, PlannedOutcomes plans, PlannedFaults faults) {
        this.submitOperation = spec.operation("submitEffectTask");
        this.getTaskOperation = spec.operation("getTask");
        SampleVideo video = SampleVideo.load();
        String taskPrefix = getTaskOperation.path().substring(0, getTaskOperation.path().indexOf('{'));
        TaskViews views = new TaskViews(spec.modellix().path("model-id").asText(), taskPrefix, video, store);
        Links links = new Links(settings.publicUrl());
        ApiGate gate = new ApiGate(keys, limiter, new ForcedReplies(spec, settings.rateLimitPerMinute()), clock);
        this.submit = new SubmitTaskHandler(submitOperation, gate, validator, store, lifecycle, clock, views,
                links, settings.concurrentLimit(), bodies, plans, new RouteFaults(faults, keys));
        this.getTask = new GetTaskHandler(getTaskOperation, gate, store, clock, views, links, new RouteFaults(faults, keys));
        this.videoFile = new VideoFileHandler(store, clock, video, new RouteFaults(faults, keys));
    }

    /** @return the submit path from the spec */
    public String submitPath() {
        return submitOperation.path();
    }

    /** @return the poll path template from the spec, e.g. {@code /api/v1/tasks/{task_id}} */
    public String taskPath() {
        return getTaskOperation.path();
    }

    /** @return the submit handler */
    public Handler submit() {
        return submit;
    }

    /** @return the poll handler */
    public Handler getTask() {
        return getTask;
    }

    /** @return the result-file handler */
    public Handler videoFile() {
        return videoFile;
    }
}
