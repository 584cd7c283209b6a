package dev.klingeffects.client;

import java.time.Duration;

/**
 * Hears what a client does between a call and its result: for logs, metrics and progress bars. Every
 * method does nothing unless overridden. They run on the client's executor, one call at a time and in
 * order, apart from the call they hear of: a slow listener delays later listener calls, never the call
 * itself (it holds one thread of the client's executor meanwhile: a fork-join pool puts another on the
 * calls when it can, other executors have one fewer), so a call may have returned before its last event
 * is heard. An exception thrown here is logged and ignored, never the call's failure.
 *
 * <p>{@link #onRetry} and {@link #onStatusChange} go to the listener of the call (a per-call listener of
 * {@link RequestOptions} replaces the client's). {@link #onExchange}, {@link #onSubmitRefused} and
 * {@link #onTaskEnd} account for the whole client: they go to the client's own listener (the builder's), for
 * calls through every view and for the client's background polls alike, so counts made from them are complete.
 */
public interface ClientListener {

    /**
     * A call failed and will be tried again after a wait.
     *
     * @param event the failure, the attempt that failed and the wait before the next
     */
    default void onRetry(RetryEvent event) {}

    /**
     * While awaiting a task, a poll found its status changed (the first poll always does).
     *
     * @param task           the task now
     * @param previousStatus the status seen before, as the API spelled it, or null on the first poll
     */
    default void onStatusChange(EffectTask task, String previousStatus) {}

    /**
     * One HTTP exchange with the API ended, each attempt of a call being one: an answer came, or none could.
     * Heard by the client's own listener.
     *
     * @param event the operation, the HTTP status (0 when no answer came), the time it took, and the failure
     *              that ended it without an answer
     */
    default void onExchange(ExchangeEvent event) {}

    /**
     * A submit was refused before anything was sent: a pre-check failed, or no permit of
     * {@link KlingEffectsClient.Builder#maxUnfinishedTasks} came in time. Nothing was billed. Heard by the
     * client's own listener.
     *
     * @param request the refused request
     * @param reason  the failure the caller gets
     */
    default void onSubmitRefused(EffectRequest request, ModellixException reason) {}

    /**
     * The client saw a task it submitted end ({@code success} or {@code failed}), once per task, whoever polled
     * it: an await, a {@code getTask} or the client's background polls. Heard by the client's own listener.
     *
     * @param task        the task at its end
     * @param effect      the effect it was submitted with
     * @param sinceSubmit the time from the submit's answer to the poll that saw the end
     */
    default void onTaskEnd(EffectTask task, String effect, Duration sinceSubmit) {}
}
