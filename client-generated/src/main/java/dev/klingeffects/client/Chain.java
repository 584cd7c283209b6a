package dev.klingeffects.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The result of a call made of several stages (permit, request, waits, polls). Cancelling the result
 * cancels whichever stage is running, so a cancelled call sends nothing more.
 */
final class Chain<T> {

    final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile CompletableFuture<?> current;

    Chain() {
        result.whenComplete((value, error) -> {
            CompletableFuture<?> running = current;
            if (result.isCancelled() && running != null) {
                running.cancel(true);
            }
        });
    }

    /** @return {@code stage}, now the running one */
    <S> CompletableFuture<S> follow(CompletableFuture<S> stage) {
        current = stage;
        if (result.isCancelled()) {
            stage.cancel(true);
        }
        return stage;
    }

    boolean done() {
        return result.isDone();
    }

    void complete(T value) {
        result.complete(value);
    }

    void fail(Throwable error) {
        result.completeExceptionally(unwrap(error));
    }

    /** Ends the call as a stage ended: {@code chain.follow(stage).whenComplete(chain::settle)}. */
    void settle(T value, Throwable error) {
        if (error != null) {
            fail(error);
        } else {
            complete(value);
        }
    }

    /**
     * Runs one step of the call. A step that throws fails the call: a future callback's exception would
     * otherwise vanish and leave the caller waiting forever.
     */
    void step(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            fail(e instanceof ModellixException ? e : new ModellixException("The client failed unexpectedly: " + e, e));
        } catch (Error e) {
            fail(e);
            throw e;
        }
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
