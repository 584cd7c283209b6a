package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.admin.BodySummary;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.tasks.Ids;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.PlannedOutcomes;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStore;
import dev.klingeffects.mock.validation.EffectJob;
import dev.klingeffects.mock.validation.SubmitValidator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Map;

/** {@code submitEffectTask}: validate, respect the limits, queue the task. */
final class SubmitTaskHandler implements Handler {

    private final ContractSpec.Operation operation;
    private final ApiGate gate;
    private final SubmitValidator validator;
    private final TaskStore store;
    private final Lifecycle lifecycle;
    private final MockClock clock;
    private final TaskViews views;
    private final Links links;
    private final int concurrentLimit;
    private final BodyReader bodies;
    private final PlannedOutcomes plans;
    private final RouteFaults faults;
    private final ContractError tooLarge;

    SubmitTaskHandler(ContractSpec.Operation operation, ApiGate gate, SubmitValidator validator, TaskStore store, Lifecycle lifecycle, MockClock clock, TaskViews views, Links links,
                      int concurrentLimit, BodyReader bodies, PlannedOutcomes plans, RouteFaults faults) {
        this.faults = faults;
        this.operation = operation;
        this.gate = gate;
        this.validator = validator;
        this.tooLarge = ContractError.payloadTooLarge(validator.maxBodyBytes());
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.views = views;
        this.links = links;
        this.concurrentLimit = concurrentLimit;
        this.bodies = bodies;
        this.plans = plans;
    }

    @Override
    public void handle(Context ctx) {
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        FaultPlan fault = faults.of(ctx, prefer);
        if (fault != null && !fault.after()) {
            keepBodyUnvalidated(ctx);
        }
        if (faults.answeredBefore(ctx, fault, prefer)) {
            return;
        }
        ApiGate.Admission admission = gate.admit(ctx, operation, null, prefer);
        long delay = admission.prefer().delayMillis();
        if (admission.refusal() != null) {
            RouteFaults.send(ctx, ApiGate.withPreferenceApplied(admission.refusal(), admission.prefer(), false), delay,
                    fault);
            return;
        }
        Reply reply = submit(ctx, admission).withHeaders(admission.rateHeaders());
        RouteFaults.send(ctx, ApiGate.withPreferenceApplied(reply, admission.prefer(), reply.status() == 200), delay,
                fault);
    }

    /**
     * Reads the body within the same bounds as a submit and keeps its summary for the journal, without
     * validating it: a fault before the work must still be verifiable by what the client sent.
     */
    private void keepBodyUnvalidated(Context ctx) {
        try (BodyReader.Result body = readBody(ctx)) {
            if (body.refusal() == null) {
                Journaling.keepBody(ctx, BodySummary.of(body.bytes()));
            }
        }
    }

    /** @return the body, or the refusal of one too large, slow or beyond the upload limits */
    private BodyReader.Result readBody(Context ctx) {
        return bodies.read(ctx, validator.maxBodyBytes(), tooLarge);
    }

    private Reply submit(Context ctx, ApiGate.Admission admission) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !isJson(contentType)) {
            // Kept as text for the journal: a body sent with the wrong type is what QA wants to see.
            keepBodyUnvalidated(ctx);
            return Reply.error(ContractError.invalidFormat("Content-Type must be application/json, got "
                    + ContractError.quote(contentType)));
        }
        SubmitValidator.Outcome outcome;
        try (BodyReader.Result body = readBody(ctx)) {
            if (body.refusal() != null) {
                return body.refusal();
            }
            // The body's memory stays counted in the upload budget until validation is done with it.
            outcome = validator.validate(body.bytes());
            Journaling.keepBody(ctx, BodySummary.of(body.bytes(), outcome.largeStrings()));
        }
        if (outcome.error() != null) {
            return Reply.error(outcome.error());
        }
        EffectJob job = outcome.job();
        Lifecycle.Requested requested = admission.prefer().outcome();
        String reason = null;
        if (requested == Lifecycle.Requested.ANY) {
            // An outcome the admin API queued for the next task, when the request itself asks for none.
            PlannedOutcomes.Planned planned = plans.next().orElse(null);
            if (planned != null) {
                requested = planned.status() == TaskStatus.FAILED ? Lifecycle.Requested.FAILED : Lifecycle.Requested.SUCCESS;
                reason = planned.failureReason();
            }
        }
        Task task = lifecycle.start(Ids.taskId(), admission.key(), job.effect().name(), job.videoSeconds(), clock.now(),
                requested, reason);
        TaskStore.Unfinished refused = store.addWithin(task, concurrentLimit);
        if (refused != null) {
            // Retry when the first unfinished task is due; a task held by the admin API gives no hint.
            long waitMillis = refused.earliestFinishesAt() < 0 ? 1000 : refused.earliestFinishesAt() - clock.now();
            return Reply.error(ContractError.concurrentLimitExceeded(concurrentLimit))
                    .withHeaders(Map.of("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000))));
        }
        return Reply.jsonBody(200, views.submitted(task, links.baseUrl(ctx)));
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
