package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStore;
import dev.klingeffects.mock.validation.EffectJob;
import dev.klingeffects.mock.validation.SubmitValidator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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

    SubmitTaskHandler(ContractSpec.Operation operation, ApiGate gate, SubmitValidator validator, TaskStore store, Lifecycle lifecycle, MockClock clock, TaskViews views, Links links,
                      int concurrentLimit) {
        this.operation = operation;
        this.gate = gate;
        this.validator = validator;
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.views = views;
        this.links = links;
        this.concurrentLimit = concurrentLimit;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        ApiGate.Admission admission = gate.admit(ctx, operation, null);
        long delay = admission.prefer().delayMillis();
        if (admission.refusal() != null) {
            Responder.send(ctx, admission.refusal(), delay);
            return;
        }
        Responder.send(ctx, submit(ctx, admission).withHeaders(admission.rateHeaders()), delay);
    }

    private Reply submit(Context ctx, ApiGate.Admission admission) throws IOException {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !isJson(contentType)) {
            return Reply.error(ContractError.invalidFormat("Content-Type must be application/json, got "
                    + ContractError.quote(contentType)));
        }
        byte[] body = readAtMost(ctx, validator.maxBodyBytes());
        if (body == null) {
            return Reply.error(ContractError.payloadTooLarge(validator.maxBodyBytes()));
        }
        SubmitValidator.Outcome outcome = validator.validate(body);
        if (outcome.error() != null) {
            return Reply.error(outcome.error());
        }
        if (concurrentLimit > 0) {
            TaskStore.Unfinished unfinished = store.unfinished(admission.key());
            if (unfinished.count() >= concurrentLimit) {
                // Retry when the first unfinished task is due; a task held by the admin API gives no hint.
                long waitMillis = unfinished.earliestFinishesAt() < 0 ? 1000 : unfinished.earliestFinishesAt() - clock.now();
                return Reply.error(ContractError.concurrentLimitExceeded(concurrentLimit))
                        .withHeaders(Map.of("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000))));
            }
        }
        EffectJob job = outcome.job();
        Task task = lifecycle.start(newTaskId(), admission.key(), job.effect().name(), job.videoSeconds(), clock.now(),
                admission.prefer().outcome());
        store.add(task);
        return Reply.json(200, views.submitted(task, links.baseUrl(ctx)));
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** Reads the body, or returns null as soon as it proves larger than {@code max}. */
    private static byte[] readAtMost(Context ctx, long max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            UnreadBodies.refuseUnread(ctx);
            return null;
        }
        UnreadBodies.markRead(ctx);
        InputStream in = ctx.req().getInputStream();
        if (declared >= 0) {
            // The usual case: one array of the announced size, no growing copies.
            byte[] body = new byte[(int) declared];
            int read = in.readNBytes(body, 0, body.length);
            return read == body.length ? body : java.util.Arrays.copyOf(body, read);
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            UnreadBodies.refuseUnread(ctx);
            return null;
        }
        return body;
    }

    private static String newTaskId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("task-%016x%08x", random.nextLong(), random.nextInt());
    }
}
