package dev.klingeffects.client;

import dev.klingeffects.client.generated.model.EffectTaskRequest;
import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * What every view of one client shares ({@link KlingEffectsClient#withOptions}, {@link
 * KlingEffectsClient#withRawResponse}): the transport, the permits, the executor. Every operation is
 * asynchronous here; the blocking methods wait on these futures, running the steps themselves ({@link CallerSteps}).
 */
final class ClientCore {

    private static final ContractSpec SPEC = ContractSpec.load();
    private static final CatalogRules CATALOG_RULES = CatalogRules.from(SPEC, EffectCatalog.load(SPEC));
    /**
     * The longest a task can live by the spec: its longest processing, then its result kept for the result TTL;
     * after that the API has forgotten it. A task followed this long without an end is given up.
     */
    static final Duration LONGEST_TASK_LIFETIME = Duration.ofDays(SPEC.modellix().path("result-ttl-days").asLong(7))
            .plusSeconds(SPEC.modellix().path("processing-seconds").path("max").asLong(120));
    /** How often, at first, a task no caller polls is polled in the background; it doubles up to five minutes. */
    static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(30);
    /**
     * A permit comes back when some task ends, a minute or two after it started: ten minutes lets a queue of
     * twenty submits behind three permits through. A wait, not a retry, so no retry policy shortens it.
     */
    static final Duration PERMIT_WAIT = Duration.ofMinutes(10);
    /** At most this much of an await is kept for its last poll, so that poll can answer before the deadline. */
    static final Duration LAST_POLL = Duration.ofSeconds(1);

    private final Transport transport;
    private final Retrier retrier;
    private final TaskMapper mapper;
    private final Timing timing;
    private final Executor executor;
    private final UnfinishedTasks unfinished;
    private final TaskFollower follower;
    private final Listening listening;
    /** The client's own step pool, when the caller gave no executor: shut down with the client. */
    private final ExecutorService ownPool;
    private final Duration minPollInterval;
    private final Duration maxPollInterval;
    private final boolean preChecks;
    /** The client's own listener: hears exchanges, refused submits and task ends from every view and poll. */
    private final ClientListener accounting;
    /** When and with which effect each unfinished task was submitted, for {@link ClientListener#onTaskEnd}. */
    private final Map<String, Submitted> submittedAt = new ConcurrentHashMap<>();

    private record Submitted(String effect, long nanos) {}

    ClientCore(Transport transport, Redaction redaction, Timing timing, Executor callersExecutor, int maxUnfinishedTasks,
               Duration minPollInterval, Duration maxPollInterval, boolean preChecks, Duration followInterval,
               RequestOptions clientOptions) {
        this.ownPool = callersExecutor == null ? ClientThreads.stepsOfOneClient() : null;
        Executor steps = callersExecutor != null ? callersExecutor : ownPool;
        // A step refused by a shut-down executor would leave its call waiting forever: it runs in place instead.
        Executor executor = step -> {
            try {
                steps.execute(step);
            } catch (RejectedExecutionException e) {
                step.run();
            }
        };
        this.transport = transport;
        this.listening = new Listening(executor);
        this.accounting = clientOptions.listener().orElse(null);
        this.retrier = new Retrier(timing, redaction, transport.origin(), listening, transport.log(), accounting);
        this.mapper = new TaskMapper(redaction);
        this.timing = timing;
        this.executor = executor;
        this.unfinished = new UnfinishedTasks(maxUnfinishedTasks);
        // Background polls: the client's timeout and headers, no retries (the next poll is the retry), no listener.
        RequestOptions.Builder background = RequestOptions.builder().timeout(clientOptions.timeout().orElseThrow())
                .retryPolicy(RetryPolicy.none());
        clientOptions.headers().forEach(background::header);
        RequestOptions backgroundOptions = background.build();
        this.follower = new TaskFollower(followInterval, Duration.ofMinutes(5), LONGEST_TASK_LIFETIME,
                taskId -> getTask(taskId, backgroundOptions, Deadlines.NONE, executor), taskId -> {
                    submittedAt.remove(taskId); // given up on: no end was seen
                    unfinished.ended(taskId);
                }, executor);
        this.minPollInterval = minPollInterval;
        this.maxPollInterval = maxPollInterval;
        this.preChecks = preChecks;
    }

    /** @return the client's executor: where async calls, listeners and background polls run their steps */
    Executor executor() {
        return executor;
    }

    /** @return where a blocking call runs its steps: on the thread that waits for it, see {@link Calls#join} */
    CallerSteps callerSteps() {
        return new CallerSteps(executor);
    }

    CompletableFuture<RawResponse<SubmittedTask>> submit(EffectRequest request, RequestOptions options) {
        return submit(request, options, executor);
    }

    /** @param steps where the steps after the permit and the answer run */
    CompletableFuture<RawResponse<SubmittedTask>> submit(EffectRequest request, RequestOptions options, Executor steps) {
        EffectTaskRequest body;
        try {
            body = toBody(request);
        } catch (ModellixException e) {
            listening.submitRefused(accounting, request, e);
            return CompletableFuture.failedFuture(e);
        }
        String what = "submit " + request.effect();
        Chain<RawResponse<SubmittedTask>> chain = new Chain<>();
        // Async: a permit that times out completes on the timer thread, which must never run callers' callbacks.
        chain.follow(unfinished.acquire(PERMIT_WAIT, what)).whenCompleteAsync((permit, refused) -> {
            if (refused != null) {
                if (Chain.unwrap(refused) instanceof ModellixException reason) {
                    listening.submitRefused(accounting, request, reason); // no permit in time; a cancel is no refusal
                }
                chain.fail(refused);
                return;
            }
            if (chain.done()) {
                unfinished.unused(); // cancelled while waiting for the permit
                return;
            }
            chain.follow(retrier.call(Retrier.Kind.SUBMIT, what,
                    timeout -> transport.send(transport.submitRequest(body), options, timeout, onCallersThread(steps)),
                    mapper::submitted, options, Deadlines.NONE, steps))
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            unfinished.unused();
                        } else if (unfinished.taken(response.value().taskId())) {
                            submittedAt.put(response.value().taskId(), new Submitted(request.effect(), timing.nanoTime()));
                            follower.follow(response.value().taskId());
                        }
                        chain.settle(response, error);
                    });
        }, steps);
        return chain.result;
    }

    CompletableFuture<RawResponse<EffectTask>> getTask(String taskId, RequestOptions options, long deadlineNanos) {
        return getTask(taskId, options, deadlineNanos, executor);
    }

    CompletableFuture<RawResponse<EffectTask>> getTask(String taskId, RequestOptions options, long deadlineNanos,
                                                       Executor steps) {
        Chain<RawResponse<EffectTask>> chain = new Chain<>();
        chain.follow(retrier.call(Retrier.Kind.READ, "get task " + taskId,
                timeout -> transport.send(transport.getTaskRequest(taskId), options, timeout, onCallersThread(steps)),
                answer -> mapper.task(answer, taskId), options, deadlineNanos, steps))
                .whenComplete((response, error) -> {
                    // The permit comes back once the task is seen to end, or to be gone.
                    if (error != null ? Chain.unwrap(error) instanceof TaskNotFoundException : response.value().finished()) {
                        follower.stop(taskId);
                        Submitted submitted = submittedAt.remove(taskId);
                        if (submitted != null && error == null) {
                            listening.taskEnd(accounting, response.value(), submitted.effect(),
                                    Duration.ofNanos(timing.nanoTime() - submitted.nanos()));
                        }
                        unfinished.ended(taskId);
                    } else if (error == null) {
                        follower.seen(taskId);
                    }
                    chain.settle(response, error);
                });
        return chain.result;
    }

    /** Polls until the task ends, the first poll at once. */
    CompletableFuture<EffectTask> await(String taskId, Duration timeout, RequestOptions options, Executor steps) {
        Await await = new Await(taskId, timeout, timing.nanoTime(), options, steps);
        await.chain.step(await::poll);
        return await.chain.result;
    }

    /** Waits one poll interval (no task is done the moment it is queued), then polls until it ends. */
    CompletableFuture<EffectTask> awaitSubmitted(String taskId, Duration timeout, RequestOptions options, Executor steps) {
        // One deadline and one start for the whole wait, the first interval included.
        Await await = new Await(taskId, timeout, timing.nanoTime(), options, steps);
        await.chain.follow(timing.delay(await.firstWait()))
                .thenRunAsync(() -> await.chain.step(await::poll), steps);
        return await.chain.result;
    }

    CompletableFuture<EffectTask> submitAndAwait(EffectRequest request, Duration timeout, RequestOptions options) {
        Chain<EffectTask> chain = new Chain<>();
        chain.follow(submit(request, options)).whenComplete((submitted, refused) -> {
            if (refused != null) {
                chain.fail(refused);
                return;
            }
            chain.follow(awaitSubmitted(submitted.value().taskId(), timeout, options, executor)).whenComplete(chain::settle);
        });
        return chain.result;
    }

    /** @return the submits now waiting for a permit of maxUnfinishedTasks */
    int waitingForPermit() {
        return unfinished.waiting();
    }

    /** @return the tasks submitted through this client and not yet seen to end */
    Set<String> unfinishedTasks() {
        return unfinished.ids();
    }

    void close() {
        follower.close();
        transport.close();
        if (ownPool != null) {
            ownPool.shutdown(); // steps already queued still run; later ones run in place (see the constructor)
        }
    }

    /** One {@link #await}: a poll, then a wait that grows from the first interval to the longest, until the end. */
    private final class Await {
        final Chain<EffectTask> chain = new Chain<>();
        private final String taskId;
        private final RequestOptions options;
        private final Executor steps;
        private final ClientListener listener;
        private final long start;
        private final long deadline;
        /** Time kept for the poll at the deadline: one started at the deadline could not answer. */
        private final long lastPollNanos;
        private Duration interval = minPollInterval;
        private String lastStatus;
        private boolean polled;
        private boolean lastPoll;

        Await(String taskId, Duration timeout, long start, RequestOptions options, Executor steps) {
            this.taskId = taskId;
            this.steps = steps;
            this.options = options;
            this.listener = options.listener().orElse(null);
            this.start = start;
            this.deadline = Deadlines.after(start, timeout);
            Duration quarter = timeout.compareTo(LAST_POLL.multipliedBy(4)) >= 0 ? LAST_POLL : timeout.dividedBy(4);
            this.lastPollNanos = min(quarter, options.timeout().orElseThrow()).toNanos();
        }

        /** The wait before the first poll of a task just submitted: one interval, leaving time for that poll. */
        Duration firstWait() {
            long remaining = Deadlines.remaining(deadline, timing.nanoTime());
            return Duration.ofNanos(Math.max(0, Math.min(jitter(minPollInterval).toNanos(), remaining - lastPollNanos)));
        }

        void poll() {
            if (!chain.done()) {
                chain.follow(getTask(taskId, options, deadline, steps))
                        .whenCompleteAsync((response, error) -> chain.step(() -> seen(response, error)), steps);
            }
        }

        private void seen(RawResponse<EffectTask> response, Throwable error) {
            if (chain.done()) {
                return;
            }
            if (error != null) {
                chain.fail(whileWaiting(Chain.unwrap(error)));
                return;
            }
            EffectTask task = response.value();
            if (!polled || !Objects.equals(lastStatus, task.rawStatus())) {
                listening.statusChange(listener, task, lastStatus);
            }
            polled = true;
            lastStatus = task.rawStatus();
            if (task.status() == TaskStatus.SUCCESS) {
                chain.complete(task);
                return;
            }
            if (task.status() == TaskStatus.FAILED) {
                chain.fail(new TaskFailedException(task).concerning(taskId));
                return;
            }
            long remaining = Deadlines.remaining(deadline, timing.nanoTime());
            if (remaining <= 0 || lastPoll) {
                chain.fail(new TaskTimeoutException(taskId, lastStatus, waited(), null));
                return;
            }
            long wait = jitter(interval).toNanos();
            if (wait > remaining - lastPollNanos) {
                // The next poll would come too late to answer: make it the last, early enough to be heard.
                lastPoll = true;
                wait = Math.max(0, remaining - lastPollNanos);
            }
            interval = min(maxPollInterval, Duration.ofMillis(interval.toMillis() * 3 / 2));
            chain.follow(timing.delay(Duration.ofNanos(wait))).thenRunAsync(() -> chain.step(this::poll), steps);
        }

        /** The time really waited, to the millisecond: what a timeout reports, whatever the caller asked for. */
        private Duration waited() {
            return Duration.ofMillis(Duration.ofNanos(timing.nanoTime() - start).toMillis());
        }

        /** Every failure while waiting names the task: it exists, may be billed, and may still finish. */
        private Throwable whileWaiting(Throwable error) {
            if (error instanceof Retrier.DeadlineCut cut) {
                // The server asked for a wait (a 429's Retry-After) that would end after the caller's deadline, or the
            // deadline cut the poll in flight.
                return new TaskTimeoutException(taskId, lastStatus, waited(), cut.failure);
            }
            if (error instanceof ModellixException failure) {
                return failure.concerning(taskId);
            }
            return new ModellixException("Waiting for task " + taskId + " failed: " + error, error).concerning(taskId);
        }
    }

    private EffectTaskRequest toBody(EffectRequest request) {
        Integer duration = request.durationSeconds();
        if (preChecks) {
            String field = CATALOG_RULES.exclusiveFields().get(request.twoPerson() ? 1 : 0);
            boolean unknownWithoutSuggestion = CATALOG_RULES.catalog().find(request.effect()).isEmpty()
                    && CATALOG_RULES.catalog().suggestionFor(request.effect()).isEmpty();
            // An effect the catalog has never heard of may be one upstream added after this client was
            // built: the server decides. A near miss of a known name is a typo: say so before paying.
            if (!unknownWithoutSuggestion) {
                CATALOG_RULES.check(request.effect(), Set.of("effect_scene", field), duration).ifPresent(error -> {
                    throw ErrorTranslator.typed(error, Map.of(), true);
                });
            }
        }
        EffectTaskRequest body = new EffectTaskRequest().effectScene(request.effect());
        List<String> images = request.images().stream().map(EffectImage::value).toList();
        if (request.twoPerson()) {
            body.images(images);
        } else {
            body.image(images.get(0));
        }
        if (duration != null) {
            body.duration(durationEnum(duration));
        }
        return body;
    }

    /** The generated enum cannot carry other values, so they fail here as the server would fail them. */
    private static EffectTaskRequest.DurationEnum durationEnum(int seconds) {
        Set<Integer> allowed = new TreeSet<>();
        for (EffectTaskRequest.DurationEnum value : EffectTaskRequest.DurationEnum.values()) {
            if (!value.name().contains("unknown")) {
                allowed.add(value.getValue());
                if (value.getValue() == seconds) {
                    return value;
                }
            }
        }
        throw ErrorTranslator.typed(ContractError.valueOutOfRange("parameter 'duration' must be one of "
                + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")) + ", got " + seconds),
                Map.of(), true);
    }

    /** A blocking call's own thread may wait for its exchange; a pool thread never does. */
    private static boolean onCallersThread(Executor steps) {
        return steps instanceof CallerSteps caller && caller.runningHere();
    }

    static Duration jitter(Duration interval) {
        long millis = interval.toMillis();
        return Duration.ofMillis(millis * 4 / 5 + ThreadLocalRandom.current().nextLong(millis * 2 / 5 + 1));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
