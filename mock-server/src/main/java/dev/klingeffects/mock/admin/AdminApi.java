package dev.klingeffects.mock.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.faults.Fault;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.faults.PlannedFaults;
import dev.klingeffects.mock.http.BodyReader;
import dev.klingeffects.mock.http.Json;
import dev.klingeffects.mock.http.Reply;
import dev.klingeffects.mock.http.Responder;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.PlannedOutcomes;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code /__admin} API for QA and tests: reset, journal, tasks, forced states, the clock. Listings
 * come in pages ({@code limit}, {@code cursor}) written straight to the response, and request bodies
 * are small JSON objects, so no admin call holds more than a page or a few KiB in memory.
 */
public final class AdminApi {

    /** Page size when none is asked for. */
    public static final int DEFAULT_PAGE = 100;
    /** Largest page. */
    public static final int MAX_PAGE = 1000;
    /** Largest admin request body. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Largest clock step: a century, far from overflowing the clock's milliseconds. */
    public static final long MAX_ADVANCE_MILLIS = 100L * 366 * 24 * 3600 * 1000;

    private final TaskStore store;
    private final RequestJournal journal;
    private final MockClock clock;
    private final RateLimiter limiter;
    private final Lifecycle lifecycle;
    private final BodyReader bodies;
    private final PlannedOutcomes plans;
    private final PlannedFaults faults;
    private final TextLimits limits;

    /**
     * The longest texts the admin API keeps in a task, from the spec's own {@code maxLength}s, so that a task
     * planted through it costs a bounded number of bytes like a submitted one.
     *
     * @param taskId       longest {@code task_id}
     * @param effectScene  longest {@code effect_scene}
     * @param errorMessage longest {@code error_message}
     */
    public record TextLimits(int taskId, int effectScene, int errorMessage) {}

    /**
     * @param store     the tasks
     * @param journal   the request journal
     * @param clock     the mock clock
     * @param limiter   the rate limiter (reset with everything else)
     * @param lifecycle gives the default failure reason
     * @param bodies    reads request bodies within the server's upload limits
     * @param plans     outcomes queued for the next submitted tasks
     * @param faults    faults queued for the next requests
     * @param limits    the longest texts a task may be given
     */
    public AdminApi(TaskStore store, RequestJournal journal, MockClock clock, RateLimiter limiter, Lifecycle lifecycle,
                    BodyReader bodies, PlannedOutcomes plans, PlannedFaults faults, TextLimits limits) {
        this.faults = faults;
        this.limits = limits;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.limiter = limiter;
        this.lifecycle = lifecycle;
        this.bodies = bodies;
        this.plans = plans;
    }

    /**
     * {@code POST /__admin/outcomes} with {@code {"status": "failed", "error_message": "…"}}: the next
     * submitted task (of any key) that does not ask for an outcome itself ends this way; queued in order. With
     * {@code {"fault": "connection-reset", "fault_when": "after", "count": 3, "api_key": "…", "delay": 500}}
     * instead: the next {@code count} (default 1) requests of that key (without {@code api_key}: of any key,
     * result files included) that ask for no fault themselves are answered with it (see {@link FaultPlan}).
     */
    public void planOutcome(Context ctx) {
        JsonNode body = readObject(ctx);
        if (body == null) {
            return;
        }
        if (body.has("fault")) {
            planFault(ctx, body);
            return;
        }
        String status = body.path("status").asText();
        if (!status.equals("success") && !status.equals("failed")) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'status' must be one of [success, failed], got "
                    + body.path("status")));
            return;
        }
        ContractError tooLong = tooLong(body, "error_message", limits.errorMessage());
        if (tooLong != null) {
            fail(ctx, tooLong);
            return;
        }
        String reason = body.hasNonNull("error_message") ? body.get("error_message").asText() : null;
        if (!plans.add(new PlannedOutcomes.Planned(TaskStatus.fromWire(status), reason))) {
            fail(ctx, ContractError.valueOutOfRange("at most " + PlannedOutcomes.CAPACITY + " outcomes can be queued"));
            return;
        }
        ok(ctx, Json.object().put("queued", plans.size()));
    }

    private void planFault(Context ctx, JsonNode body) {
        Fault fault = Fault.fromWire(body.path("fault").asText());
        if (fault == null || !body.path("fault").isTextual()) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'fault' must be one of [" + Fault.wireNames().replace("|", ", ")
                    + "], got " + body.path("fault")));
            return;
        }
        String when = body.path("fault_when").asText("after").toLowerCase(Locale.ROOT);
        if (!when.equals("after") && !when.equals("before")) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'fault_when' must be one of [before, after], got "
                    + body.path("fault_when")));
            return;
        }
        JsonNode count = body.path("count");
        if (body.has("count") && (!count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > PlannedFaults.MAX_COUNT)) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'count' must be an integer from 1 to "
                    + PlannedFaults.MAX_COUNT + ", got " + count));
            return;
        }
        JsonNode delay = body.path("delay");
        if (body.has("delay") && (!delay.isIntegralNumber() || delay.asLong() < 0 || delay.asLong() > Prefer.MAX_DELAY_MILLIS)) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'delay' must be an integer from 0 to "
                    + Prefer.MAX_DELAY_MILLIS + ", got " + delay));
            return;
        }
        if (body.has("status")) {
            fail(ctx, ContractError.invalidParameters("queue a fault and an outcome in two requests: "
                    + "'fault' and 'status' do not go together"));
            return;
        }
        JsonNode apiKey = body.path("api_key");
        // A key that is not text would otherwise be read as "no key", and fault every key's requests.
        if (body.has("api_key") && (!apiKey.isTextual() || apiKey.asText().isEmpty())) {
            fail(ctx, ContractError.invalidParameters("parameter 'api_key' must be a non-empty string, got " + apiKey));
            return;
        }
        ContractError tooLong = tooLong(body, "api_key", ApiKeys.MAX_KEY_CHARS);
        if (tooLong != null) {
            fail(ctx, tooLong);
            return;
        }
        KeyId key = apiKey.isTextual() ? KeyId.of(apiKey.asText()) : null;
        FaultPlan plan = new FaultPlan(fault, when.equals("after"), delay.asLong(0));
        if (!faults.add(key, plan, count.asInt(1))) {
            fail(ctx, ContractError.valueOutOfRange("at most " + PlannedFaults.CAPACITY + " faults can be queued"));
            return;
        }
        ok(ctx, Json.object().put("queued", plans.size()).put("faults_queued", faults.size()));
    }

    /**
     * {@code GET /__admin/outcomes}: what is queued, in order: {@code {"outcomes": [{"status", "error_message"}],
     * "faults": [{"fault", "fault_when", "delay", "api_key", "remaining"}], "queued": n, "faults_queued": n}}, the
     * key as its masked hint. Bounded as the queues are: at most {@link PlannedOutcomes#CAPACITY} outcomes and
     * {@link PlannedFaults#CAPACITY} fault entries.
     */
    public void queuedOutcomes(Context ctx) {
        ObjectNode answer = Json.object();
        var outcomes = answer.putArray("outcomes");
        for (PlannedOutcomes.Planned planned : plans.queued()) {
            outcomes.addObject().put("status", planned.status().wire()).put("error_message", planned.failureReason());
        }
        var faulted = answer.putArray("faults");
        for (PlannedFaults.Queued queued : faults.queued()) {
            faulted.addObject().put("fault", queued.plan().fault().wire())
                    .put("fault_when", queued.plan().after() ? "after" : "before")
                    .put("delay", queued.plan().delayMillis())
                    .put("api_key", queued.keyHint())
                    .put("remaining", queued.remaining());
        }
        answer.put("queued", plans.size()).put("faults_queued", faults.size());
        ok(ctx, answer);
    }

    /** {@code DELETE /__admin/outcomes}: forget the queued outcomes and faults. */
    public void clearOutcomes(Context ctx) {
        plans.clear();
        faults.clear();
        ok(ctx, Json.object().put("queued", 0).put("faults_queued", 0));
    }

    /** {@code POST /__admin/reset}: forget tasks, journal, rate windows; the clock back to wall time. */
    public void reset(Context ctx) {
        store.clear();
        journal.clear();
        plans.clear();
        faults.clear();
        limiter.reset();
        clock.reset();
        ok(ctx, Json.object().put("reset", true));
    }

    /** {@code GET /__admin/requests?limit=&cursor=&order=}: a page of the journal, oldest first (or newest first). */
    public void requests(Context ctx) {
        Paging paging = Paging.of(ctx);
        if (paging.error() != null) {
            fail(ctx, paging.error());
            return;
        }
        RequestJournal.Page page = journal.page(paging.cursor(), paging.limit(), paging.newestFirst());
        stream(ctx, "requests", page.entries(), page.nextCursor(), page.held(), (json, entry) -> {
            json.writeStartObject();
            json.writeNumberField("at", entry.at());
            json.writeStringField("method", entry.method());
            json.writeStringField("path", entry.path());
            json.writeNumberField("status", entry.status());
            json.writeNumberField("millis", entry.millis());
            json.writeStringField("fault", entry.fault());
            json.writeObjectFieldStart("headers");
            for (var header : entry.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("headers_dropped", entry.headersDropped());
            json.writeStringField("body", entry.body());
            json.writeEndObject();
        });
    }

    /** {@code DELETE /__admin/requests}: empty the journal. */
    public void clearRequests(Context ctx) {
        journal.clear();
        ok(ctx, Json.object().put("cleared", true));
    }

    /**
     * {@code GET /__admin/tasks?limit=&cursor=&status=&api_key=&order=}: a page of live tasks with their
     * status now, oldest first ({@code order=newest}: newest first), optionally only those in one status or
     * of one key.
     */
    public void tasks(Context ctx) {
        Paging paging = Paging.of(ctx);
        if (paging.error() != null) {
            fail(ctx, paging.error());
            return;
        }
        long now = clock.now();
        String status = ctx.queryParam("status");
        if (status != null && !TaskStatus.isWire(status)) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'status' must be one of [pending, processing, "
                    + "success, failed], got " + ContractError.quote(status)));
            return;
        }
        String keyText = ctx.queryParam("api_key");
        KeyId key = keyText == null ? null : KeyId.of(keyText);
        TaskStore.Page page = store.page(paging.cursor(), paging.limit(), task ->
                (status == null || task.statusAt(now).wire().equals(status)) && (key == null || task.owner().equals(key)),
                paging.newestFirst());
        stream(ctx, "tasks", page.tasks(), page.nextCursor(), page.matching(), (json, task) -> {
            json.writeStartObject();
            json.writeStringField("task_id", task.id());
            TaskStatus current = task.statusAt(now);
            json.writeStringField("status", current.wire());
            // What a poll shows a failed task's owner, so QA sees why without the owner's key.
            json.writeStringField("error_message", current == TaskStatus.FAILED ? task.failureReason() : null);
            json.writeStringField("effect_scene", task.effect());
            json.writeStringField("owner", task.owner().hint());
            json.writeNumberField("created_at", task.createdAt());
            json.writeNumberField("finishes_at", task.finishesAt());
            json.writeEndObject();
        });
    }

    /** {@code POST /__admin/tasks/{task_id}/state} with {@code {"status": "failed", "error_message": "…"}}. */
    public void forceState(Context ctx) {
        String taskId = ctx.pathParam("task_id");
        JsonNode body = readObject(ctx);
        if (body == null) {
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
            return;
        }
        for (String required : new String[] {"task_id", "api_key"}) {
            if (!body.path(required).isTextual() || body.path(required).asText().isBlank()) {
                fail(ctx, ContractError.invalidParameters("parameter '" + required + "' is required"));
                return;
            }
        }
        ContractError tooLong = firstNonNull(tooLong(body, "task_id", limits.taskId()),
                tooLong(body, "api_key", ApiKeys.MAX_KEY_CHARS), tooLong(body, "effect_scene", limits.effectScene()),
                tooLong(body, "error_message", limits.errorMessage()));
        if (tooLong != null) {
            fail(ctx, tooLong);
            return;
        }
        long now = clock.now();
        Task task = lifecycle.start(body.get("task_id").asText(), KeyId.of(body.get("api_key").asText()),
                body.path("effect_scene").asText("pet_lion_pro"), body.path("duration").asInt(5), now,
                Lifecycle.Requested.ANY);
        if (body.hasNonNull("status")) {
            task = forced(ctx, task, body, now);
            if (task == null) {
                return;
            }
        }
        // The same key may plant the same id again (a provider state set up twice); another key may not
        // take over a task that is not its own.
        if (!store.addOrReplaceOwn(task)) {
            fail(ctx, new ContractError(409, "Invalid parameters", "task " + ContractError.quote(task.id())
                    + " already exists for another API key"));
            return;
        }
        ok(ctx, Json.object().put("task_id", task.id()).put("status", task.statusAt(now).wire()));
    }

    /** {@code POST /__admin/clock/advance} with {@code {"millis": 5000}}: move time forward. */
    public void advanceClock(Context ctx) {
        JsonNode body = readObject(ctx);
        if (body == null) {
            return;
        }
        JsonNode millis = body.get("millis");
        if (millis == null || !millis.canConvertToLong() || !millis.isIntegralNumber() || millis.longValue() < 0
                || millis.longValue() > MAX_ADVANCE_MILLIS) {
            fail(ctx, ContractError.invalidParameters("parameter 'millis' must be an integer from 0 to "
                    + MAX_ADVANCE_MILLIS));
            return;
        }
        if (!clock.advance(Duration.ofMillis(millis.longValue()))) {
            fail(ctx, ContractError.valueOutOfRange("parameter 'millis' would move the clock past "
                    + java.time.Instant.ofEpochMilli(MockClock.MAX_MILLIS) + ", the latest time it shows"));
            return;
        }
        clock(ctx);
    }

    /** {@code GET /__admin/clock}: the mock's time and how far it was advanced. */
    public void clock(Context ctx) {
        ok(ctx, Json.object().put("now", clock.now()).put("offset_millis", clock.offsetMillis()));
    }

    /** @return a 400 when the body's text {@code name} is longer than {@code max} characters, else null */
    private static ContractError tooLong(JsonNode body, String name, int max) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().length() <= max) {
            return null;
        }
        return ContractError.valueOutOfRange("parameter '" + name + "' must have at most " + max
                + " characters, got " + value.asText().length());
    }

    private static ContractError firstNonNull(ContractError... errors) {
        for (ContractError error : errors) {
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** The task held in the body's {@code status} (and {@code error_message}), or null after answering 400. */
    private Task forced(Context ctx, Task task, JsonNode body, long now) {
        ContractError tooLong = tooLong(body, "error_message", limits.errorMessage());
        if (tooLong != null) {
            fail(ctx, tooLong);
            return null;
        }
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

    /** The body as a JSON object, or null after answering why it is not one (too large, malformed, …). */
    private JsonNode readObject(Context ctx) {
        try (BodyReader.Result body = bodies.read(ctx, MAX_BODY_BYTES,
                ContractError.invalidParameters("admin request bodies must be at most " + MAX_BODY_BYTES + " bytes"))) {
            if (body.refusal() != null) {
                Responder.send(ctx, body.refusal());
                return null;
            }
            JsonNode node = Json.MAPPER.readTree(body.bytes());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException | RuntimeException e) {
            // answered below
        }
        fail(ctx, ContractError.invalidFormat("invalid JSON format"));
        return null;
    }

    /** Writes one page as {@code {"<name>": [...], "next_cursor": n|null, "total": n}}, item by item. */
    private static <T> void stream(Context ctx, String name, List<T> items, long nextCursor, int total,
                                   ItemWriter<T> writer) {
        ctx.status(200);
        ctx.contentType("application/json");
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(ctx.res().getOutputStream())) {
            json.writeStartObject();
            json.writeArrayFieldStart(name);
            for (T item : items) {
                writer.write(json, item);
            }
            json.writeEndArray();
            if (nextCursor < 0) {
                json.writeNullField("next_cursor");
            } else {
                json.writeStringField("next_cursor", Long.toString(nextCursor));
            }
            json.writeNumberField("total", total);
            json.writeEndObject();
        } catch (IOException e) {
            // The client went away mid-page: nothing to tell it.
        }
    }

    private interface ItemWriter<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    private static void ok(Context ctx, ObjectNode body) {
        Responder.send(ctx, Reply.json(200, body));
    }

    private static void fail(Context ctx, ContractError error) {
        Responder.send(ctx, Reply.error(error));
    }
}
