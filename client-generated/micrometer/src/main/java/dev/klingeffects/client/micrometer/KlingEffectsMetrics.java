package dev.klingeffects.client.micrometer;

import dev.klingeffects.client.ClientListener;
import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.ExchangeEvent;
import dev.klingeffects.client.InvalidRequestException;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.ModellixException;
import dev.klingeffects.client.RetryEvent;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * Meters one {@link KlingEffectsClient}, with or without Spring: give it to the client as its listener, tell it
 * which client it watches, bind it to a registry.
 *
 * <pre>{@code
 * KlingEffectsMetrics metrics = new KlingEffectsMetrics();
 * KlingEffectsClient client = KlingEffectsClient.builder().listener(metrics).build();
 * metrics.watch(client).bindTo(registry);
 * }</pre>
 *
 * <p>Meters, every tag value bounded (no task id, no key, no message):
 * <ul>
 *   <li>{@value #REQUESTS} (timer): each HTTP exchange, tags {@code operation} ({@code submit}, {@code get_task}),
 *       {@code status} (the HTTP status, or {@code IO_ERROR} when no answer came), {@code outcome}
 *       ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION}, {@code UNKNOWN}) and
 *       {@code exception} (the class of what ended an exchange without answer, else {@code none});</li>
 *   <li>{@value #RETRIES} (counter): each retry, tags {@code operation} and {@code exception} (the failure's class);</li>
 *   <li>{@value #SUBMITS_REFUSED} (counter): submits refused before sending, tags {@code effect} and
 *       {@code reason} ({@code pre_check}, {@code permit_wait});</li>
 *   <li>{@value #TASK_DURATION} (timer): from a submit to the poll that saw its task end, tags {@code effect} and
 *       {@code status} ({@code success}, {@code failed});</li>
 *   <li>{@value #TASKS_UNFINISHED} and {@value #PERMITS_WAITING} (gauges): the watched client's
 *       {@link KlingEffectsClient#unfinishedTasks()} and {@link KlingEffectsClient#waitingForPermit()}.</li>
 * </ul>
 * An {@code effect} tag is the effect's name when the catalog knows it, else {@code other}.
 */
public final class KlingEffectsMetrics implements ClientListener, MeterBinder {

    /** The timer of HTTP exchanges. */
    public static final String REQUESTS = "modellix.client.requests";
    /** The counter of retries. */
    public static final String RETRIES = "modellix.client.retries";
    /** The counter of submits refused before sending. */
    public static final String SUBMITS_REFUSED = "modellix.client.submits.refused";
    /** The timer from a submit to its task's end. */
    public static final String TASK_DURATION = "modellix.client.task.duration";
    /** The gauge of tasks submitted and not yet seen to end. */
    public static final String TASKS_UNFINISHED = "modellix.client.tasks.unfinished";
    /** The gauge of submits waiting for a permit. */
    public static final String PERMITS_WAITING = "modellix.client.permits.waiting";

    private static final EffectCatalog CATALOG = EffectCatalog.load(ContractSpec.load());

    /** Every registry bound: events go to all of them, and before the first one to none. */
    private final CompositeMeterRegistry registries = new CompositeMeterRegistry();
    private volatile KlingEffectsClient watched;

    /**
     * @param client the client whose unfinished tasks and permit waits the gauges read; its calls are metered
     *               only when this is its listener
     * @return this
     */
    public KlingEffectsMetrics watch(KlingEffectsClient client) {
        this.watched = client;
        return this;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        Gauge.builder(TASKS_UNFINISHED, this, metrics -> metrics.read(true)).strongReference(true)
                .description("Tasks the client submitted and has not yet seen end").register(registry);
        Gauge.builder(PERMITS_WAITING, this, metrics -> metrics.read(false)).strongReference(true)
                .description("Submits waiting for a permit of max-unfinished-tasks").register(registry);
    }

    private double read(boolean unfinished) {
        KlingEffectsClient client = watched;
        if (client == null) {
            return 0;
        }
        try {
            return unfinished ? client.unfinishedTasks().size() : client.waitingForPermit();
        } catch (IllegalStateException closed) {
            return 0;
        }
    }

    @Override
    public void onExchange(ExchangeEvent event) {
        int status = event.httpStatus();
        Timer.builder(REQUESTS).description("HTTP exchanges with the Modellix API")
                .tag("operation", event.operation())
                .tag("status", status == 0 ? "IO_ERROR" : String.valueOf(status))
                .tag("outcome", outcome(status))
                .tag("exception", event.error() == null ? "none" : event.error().getClass().getSimpleName())
                .register(registries).record(event.duration());
    }

    @Override
    public void onRetry(RetryEvent event) {
        Counter.builder(RETRIES).description("Calls tried again after a failed attempt")
                .tag("operation", event.operation().startsWith("submit") ? ExchangeEvent.SUBMIT : ExchangeEvent.GET_TASK)
                .tag("exception", event.failure().getClass().getSimpleName())
                .register(registries).increment();
    }

    @Override
    public void onSubmitRefused(EffectRequest request, ModellixException reason) {
        Counter.builder(SUBMITS_REFUSED).description("Submits refused before anything was sent")
                .tag("effect", effect(request.effect()))
                .tag("reason", reason instanceof InvalidRequestException ? "pre_check" : "permit_wait")
                .register(registries).increment();
    }

    @Override
    public void onTaskEnd(EffectTask task, String effect, Duration sinceSubmit) {
        Timer.builder(TASK_DURATION).description("Time from a submit to its task's end")
                .tag("effect", effect(effect))
                .tag("status", task.status().name().toLowerCase(Locale.ROOT))
                .register(registries).record(sinceSubmit);
    }

    /** The effect's name when the catalog knows it: a caller's typo or made-up name must not add a time series. */
    static String effect(String name) {
        return name != null && CATALOG.find(name).isPresent() ? name : "other";
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
