package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code getTask}: a task as its owner sees it now; anyone else gets 404, as upstream. */
final class GetTaskHandler implements Handler {

    private final ContractSpec.Operation operation;
    private final ApiGate gate;
    private final TaskStore store;
    private final MockClock clock;
    private final TaskViews views;
    private final Links links;
    private final RouteFaults faults;

    GetTaskHandler(ContractSpec.Operation operation, ApiGate gate, TaskStore store, MockClock clock, TaskViews views,
                   Links links, RouteFaults faults) {
        this.faults = faults;
        this.operation = operation;
        this.gate = gate;
        this.store = store;
        this.clock = clock;
        this.views = views;
        this.links = links;
    }

    @Override
    public void handle(Context ctx) {
        String taskId = ctx.pathParam("task_id");
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        FaultPlan fault = faults.of(ctx, prefer);
        if (faults.answeredBefore(ctx, fault, prefer)) {
            return;
        }
        ApiGate.Admission admission = gate.admit(ctx, operation, taskId, prefer);
        long delay = admission.prefer().delayMillis();
        if (admission.refusal() != null) {
            RouteFaults.send(ctx, ApiGate.withPreferenceApplied(admission.refusal(), admission.prefer(), false), delay,
                    fault);
            return;
        }
        Task task = store.find(taskId).filter(found -> found.owner().equals(admission.key())).orElse(null);
        Reply reply = task == null
                ? Reply.error(ContractError.notFound("task " + ContractError.quote(taskId) + " not found"))
                : Reply.jsonBody(200, views.task(task, clock.now(), links.baseUrl(ctx)));
        RouteFaults.send(ctx, ApiGate.withPreferenceApplied(reply.withHeaders(admission.rateHeaders()),
                admission.prefer(), false), delay, fault);
    }
}
