package dev.klingeffects.client;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;

/**
 * Calls a {@link ClientListener}, if any, one call at a time and in order, off the path of the call it
 * hears: a listener that blocks delays later listener calls only, never the call itself nor another
 * client. Its mistakes never become the call's failure.
 */
final class Listening {

    private static final System.Logger LOG = System.getLogger(KlingEffectsClient.class.getName());

    private final Executor calls;

    Listening(Executor executor) {
        this.calls = new SerialExecutor(executor);
    }

    void retry(ClientListener listener, RetryEvent event) {
        if (listener != null) {
            calls.execute(() -> guarded(() -> listener.onRetry(event), "onRetry"));
        }
    }

    void statusChange(ClientListener listener, EffectTask task, String previousStatus) {
        if (listener != null) {
            calls.execute(() -> guarded(() -> listener.onStatusChange(task, previousStatus), "onStatusChange"));
        }
    }

    void exchange(ClientListener listener, ExchangeEvent event) {
        if (listener != null) {
            calls.execute(() -> guarded(() -> listener.onExchange(event), "onExchange"));
        }
    }

    void submitRefused(ClientListener listener, EffectRequest request, ModellixException reason) {
        if (listener != null) {
            calls.execute(() -> guarded(() -> listener.onSubmitRefused(request, reason), "onSubmitRefused"));
        }
    }

    void taskEnd(ClientListener listener, EffectTask task, String effect, java.time.Duration sinceSubmit) {
        if (listener != null) {
            calls.execute(() -> guarded(() -> listener.onTaskEnd(task, effect, sinceSubmit), "onTaskEnd"));
        }
    }

    private static void guarded(Runnable call, String method) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ClientListener." + method + " threw; ignored", e);
        }
    }
}
