package dev.klingeffects.spring.boot;

import dev.klingeffects.client.ClientListener;
import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.ExchangeEvent;
import dev.klingeffects.client.ModellixException;
import dev.klingeffects.client.RetryEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several listener beans as the client's one listener: each hears every event, in order, and one that throws
 * does not keep the next from hearing it (the client logs and ignores what escapes).
 */
final class ClientListeners implements ClientListener {

    private final List<ClientListener> listeners;

    ClientListeners(List<ClientListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onRetry(RetryEvent event) {
        each(listener -> listener.onRetry(event));
    }

    @Override
    public void onStatusChange(EffectTask task, String previousStatus) {
        each(listener -> listener.onStatusChange(task, previousStatus));
    }

    @Override
    public void onExchange(ExchangeEvent event) {
        each(listener -> listener.onExchange(event));
    }

    @Override
    public void onSubmitRefused(EffectRequest request, ModellixException reason) {
        each(listener -> listener.onSubmitRefused(request, reason));
    }

    @Override
    public void onTaskEnd(EffectTask task, String effect, Duration sinceSubmit) {
        each(listener -> listener.onTaskEnd(task, effect, sinceSubmit));
    }

    private void each(Consumer<ClientListener> call) {
        RuntimeException first = null;
        for (ClientListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first; // the client logs it at WARNING and goes on
        }
    }
}
