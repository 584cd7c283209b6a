package dev.klingeffects.client;

import java.lang.System.Logger.Level;

/** Calls a {@link ClientListener}, if any, so that its mistakes never become the call's failure. */
final class Listening {

    private static final System.Logger LOG = System.getLogger(KlingEffectsClient.class.getName());

    private Listening() {}

    static void retry(ClientListener listener, RetryEvent event) {
        if (listener != null) {
            guarded(() -> listener.onRetry(event), "onRetry");
        }
    }

    static void statusChange(ClientListener listener, EffectTask task, String previousStatus) {
        if (listener != null) {
            guarded(() -> listener.onStatusChange(task, previousStatus), "onStatusChange");
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
