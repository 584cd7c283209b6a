package dev.klingeffects.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.http.Json;
import dev.klingeffects.mock.http.Reply;
import dev.klingeffects.mock.http.Responder;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;

/** The {@code /__admin} API for QA and tests: reset, journal, tasks, forced states, the clock. */
public final class AdminApi {

    private final TaskStore store;
    private final RequestJournal journal;
    private final MockClock clock;
    private final RateLimiter limiter;
    private final Lifecycle lifecycle;

    /**
     * @param store     the tasks
     * @param journal   the request journal
     * @param clock     the mock clock
     * @param limiter   the rate limiter (reset with everything else)
     * @param lifecycle gives the default failure reason
     */
    public AdminApi(TaskStore store, RequestJournal journal, MockClock clock, RateLimiter limiter, Lifecycle lifecycle) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.limiter = limiter;
        this.lifecycle = lifecycle;
    }

    /** {@code POST /__admin/reset}: forget tasks, journal, rate windows; the clock back to wall time. */
    public void reset(Context ctx) {
        store.clear();
        journal.clear();
        limiter.reset();
        clock.reset();
        ok(ctx, Json.object().put("reset", true));
    }

    /** {@code GET /__admin/requests}: the journal, oldest first. */
    public void requests(Context ctx) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (RequestJournal.Entry entry : journal.entries()) {
            list.addObject().put("at", entry.at()).put("method", entry.method()).put("path", entry.path())
                    .put("status", entry.status()).put("millis", entry.millis());
        }
        ok(ctx, Json.object().set("requests", list));
    }

    /** {@code DELETE /__admin/requests}: empty the journal. */
    public void clearRequests(Context ctx) {
        journal.clear();
        ok(ctx, Json.object().put("cleared", true));
    }

    /** {@code GET /__admin/tasks}: every live task with its status now. */
    public void tasks(Context ctx) {
        long now = clock.now();
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Task task : store.all()) {
            list.addObject().put("task_id", task.id()).put("status", task.statusAt(now).wire())
                    .put("effect_scene", task.effect()).put("owner", Settings.mask(task.owner()))
                    .put("created_at", task.createdAt()).put("finishes_at", task.finishesAt());
        }
        ok(ctx, Json.object().set("tasks", list));
    }

    /** {@code POST /__admin/tasks/{task_id}/state} with {@code {"status": "failed", "error_message": "…"}}. */
    public void forceState(Context ctx) {
        String taskId = ctx.pathParam("task_id");
        JsonNode body = readObject(ctx);
        if (body == null) {
            fail(ctx, ContractError.invalidFormat("invalid JSON format"));
            return;
        }
        Task task = store.find(taskId).orElse(null);
        if (task == null) {
            fail(ctx, ContractError.notFound("task " + ContractError.quote(taskId) + " not found"));
            return;
        }
        Task forced = forced(ctx, task, body, clock.now());
        if (forced == null) {
            return;
        }
        store.replace(forced);
        ok(ctx, Json.object().put("task_id", taskId).put("status", forced.statusAt(clock.now()).wire()));
    }

    /**
     * {@code POST /__admin/tasks} with {@code {"task_id": "task-1", "api_key": "…", "effect_scene": "…",
     * "status": "success", "error_message": "…"}}: a task with a known id, for contract tests' provider
     * states. Only {@code task_id} and {@code api_key} are required; without a status it runs its lifecycle.
     */
    public void createTask(Context ctx) {
        JsonNode body = readObject(ctx);
        if (body == null) {
            fail(ctx, ContractError.invalidFormat("invalid JSON format"));
            return;
        }
        for (String required : new String[] {"task_id", "api_key"}) {
            if (!body.path(required).isTextual() || body.path(required).asText().isBlank()) {
                fail(ctx, ContractError.invalidParameters("parameter '" + required + "' is required"));
                return;
            }
        }
        long now = clock.now();
        Task task = lifecycle.start(body.get("task_id").asText(), body.get("api_key").asText(),
                body.path("effect_scene").asText("pet_lion_pro"), body.path("duration").asInt(5), now,
                Lifecycle.Requested.ANY);
        if (body.hasNonNull("status")) {
            task = forced(ctx, task, body, now);
            if (task == null) {
                return;
            }
        }
        store.add(task);
        ok(ctx, Json.object().put("task_id", task.id()).put("status", task.statusAt(now).wire()));
    }

    /** {@code POST /__admin/clock/advance} with {@code {"millis": 5000}}: move time forward. */
    public void advanceClock(Context ctx) {
        JsonNode body = readObject(ctx);
        JsonNode millis = body == null ? null : body.get("millis");
        if (millis == null || !millis.isIntegralNumber() || millis.longValue() < 0) {
            fail(ctx, ContractError.invalidParameters("parameter 'millis' must be a non-negative integer"));
            return;
        }
        clock.advance(Duration.ofMillis(millis.longValue()));
        clock(ctx);
    }

    /** {@code GET /__admin/clock}: the mock's time and how far it was advanced. */
    public void clock(Context ctx) {
        ok(ctx, Json.object().put("now", clock.now()).put("offset_millis", clock.offsetMillis()));
    }

    /** The task held in the body's {@code status} (and {@code error_message}), or null after answering 400. */
    private Task forced(Context ctx, Task task, JsonNode body, long now) {
        TaskStatus status;
        try {
            status = TaskStatus.fromWire(body.path("status").asText());
        } catch (IllegalArgumentException e) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'status' must be one of [pending, processing, success, "
                    + "failed], got " + body.path("status")));
            return null;
        }
        String reason = body.hasNonNull("error_message") ? body.get("error_message").asText()
                : status == TaskStatus.FAILED ? lifecycle.defaultFailureReason() : null;
        return task.forcedTo(status, reason, now);
    }

    private static JsonNode readObject(Context ctx) {
        try {
            dev.klingeffects.mock.http.UnreadBodies.markRead(ctx);
            JsonNode node = Json.MAPPER.readTree(ctx.bodyAsBytes());
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void ok(Context ctx, ObjectNode body) {
        Responder.send(ctx, Reply.json(200, body));
    }

    private static void fail(Context ctx, ContractError error) {
        Responder.send(ctx, Reply.error(error));
    }
}
