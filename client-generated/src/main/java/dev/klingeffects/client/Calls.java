package dev.klingeffects.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** How the blocking calls wait on the asynchronous ones, and how a value is taken out of a raw response. */
final class Calls {

    private Calls() {}

    /** The value alone; cancelling the returned future cancels the call. */
    static <T> CompletableFuture<T> values(CompletableFuture<RawResponse<T>> call) {
        CompletableFuture<T> value = call.thenApply(RawResponse::value);
        value.whenComplete((ignored, error) -> {
            if (value.isCancelled()) {
                call.cancel(true);
            }
        });
        return value;
    }

    /**
     * Waits for a call on the caller's thread. Its failure is rethrown as it is; an interrupt cancels the call
     * and ends in a {@link ModellixException} naming the task, if there is one.
     */
    static <T> T join(CompletableFuture<T> call, String taskId) {
        return join(call, taskId, null);
    }

    /**
     * As {@link #join(CompletableFuture, String)}, the call's steps run on this thread meanwhile.
     *
     * @param steps where the call was told to run its steps, or null when they run elsewhere
     */
    static <T> T join(CompletableFuture<T> call, String taskId, CallerSteps steps) {
        try {
            if (steps != null) {
                steps.runUntilDone(call);
            }
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            ModellixException interrupted = new ModellixException(
                    "Interrupted while waiting for the API (a request already sent may still take effect)", e);
            throw taskId == null ? interrupted : interrupted.concerning(taskId);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ModellixException(String.valueOf(cause), cause);
        } catch (CancellationException e) {
            throw new ModellixException("The call was cancelled", e);
        }
    }
}
