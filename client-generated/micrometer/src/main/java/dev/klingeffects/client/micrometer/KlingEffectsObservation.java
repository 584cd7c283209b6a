package dev.klingeffects.client.micrometer;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.RawResponseClient;
import dev.klingeffects.client.RequestOptions;
import dev.klingeffects.client.SubmittedTask;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Observes every call of a {@link KlingEffectsClient} through the Micrometer Observation API, so Micrometer
 * Tracing gives each call a span in the caller's trace (and a handler for meters, a timer):
 *
 * <pre>{@code
 * KlingEffectsClient observed = KlingEffectsObservation.observe(client, observationRegistry);
 * }</pre>
 *
 * <p>One observation {@value #NAME} per call, blocking or async, with the low-cardinality key values
 * {@code operation} ({@code submit}, {@code get_task}, {@code await}, {@code submit_and_await}) and, for submits,
 * {@code effect} (bounded as in {@link KlingEffectsMetrics}); a failed call records its exception. Views from
 * {@link KlingEffectsClient#withOptions} are observed too; {@link KlingEffectsClient#withRawResponse()} is not.
 * The HTTP exchanges inside a call are what {@link KlingEffectsMetrics} meters.
 */
public final class KlingEffectsObservation implements KlingEffectsClient {

    /** The observation of one call. */
    public static final String NAME = "modellix.client.call";

    private final KlingEffectsClient client;
    private final ObservationRegistry registry;

    private KlingEffectsObservation(KlingEffectsClient client, ObservationRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    /**
     * @param client   the client to observe
     * @param registry where observations go
     * @return the client, each call observed; closing it closes {@code client}
     */
    public static KlingEffectsClient observe(KlingEffectsClient client, ObservationRegistry registry) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(registry, "registry");
        return client instanceof KlingEffectsObservation ? client : new KlingEffectsObservation(client, registry);
    }

    private Observation observation(String operation, EffectRequest request) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("modellix " + operation).lowCardinalityKeyValue("operation", operation);
        if (request != null) {
            observation.lowCardinalityKeyValue("effect", KlingEffectsMetrics.effect(request.effect()));
        }
        return observation;
    }

    private <T> T blocking(String operation, EffectRequest request, Supplier<T> call) {
        return observation(operation, request).observe(call);
    }

    private <T> CompletableFuture<T> async(String operation, EffectRequest request, Supplier<CompletableFuture<T>> call) {
        Observation observation = observation(operation, request).start();
        CompletableFuture<T> future;
        try (Observation.Scope scope = observation.openScope()) {
            future = call.get();
        } catch (RuntimeException e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        // The caller's future completes once the observation has stopped; cancelling it cancels the call.
        CompletableFuture<T> observed = new CompletableFuture<>();
        future.whenComplete((value, error) -> {
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
            if (error != null) {
                observed.completeExceptionally(error);
            } else {
                observed.complete(value);
            }
        });
        observed.whenComplete((value, error) -> {
            if (observed.isCancelled()) {
                future.cancel(true);
            }
        });
        return observed;
    }

    @Override
    public KlingEffectsClient withOptions(RequestOptions options) {
        return new KlingEffectsObservation(client.withOptions(options), registry);
    }

    @Override
    public RawResponseClient withRawResponse() {
        return client.withRawResponse();
    }

    @Override
    public SubmittedTask submit(EffectRequest request) {
        return blocking("submit", request, () -> client.submit(request));
    }

    @Override
    public EffectTask getTask(String taskId) {
        return blocking("get_task", null, () -> client.getTask(taskId));
    }

    @Override
    public EffectTask awaitCompletion(String taskId, Duration timeout) {
        return blocking("await", null, () -> client.awaitCompletion(taskId, timeout));
    }

    @Override
    public EffectTask submitAndAwait(EffectRequest request, Duration timeout) {
        return blocking("submit_and_await", request, () -> client.submitAndAwait(request, timeout));
    }

    @Override
    public CompletableFuture<SubmittedTask> submitAsync(EffectRequest request) {
        return async("submit", request, () -> client.submitAsync(request));
    }

    @Override
    public CompletableFuture<EffectTask> getTaskAsync(String taskId) {
        return async("get_task", null, () -> client.getTaskAsync(taskId));
    }

    @Override
    public CompletableFuture<EffectTask> awaitCompletionAsync(String taskId, Duration timeout) {
        return async("await", null, () -> client.awaitCompletionAsync(taskId, timeout));
    }

    @Override
    public CompletableFuture<EffectTask> submitAndAwaitAsync(EffectRequest request, Duration timeout) {
        return async("submit_and_await", request, () -> client.submitAndAwaitAsync(request, timeout));
    }

    @Override
    public Set<String> unfinishedTasks() {
        return client.unfinishedTasks();
    }

    @Override
    public int waitingForPermit() {
        return client.waitingForPermit();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return client.toString();
    }
}
