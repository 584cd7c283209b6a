package dev.klingeffects.client;

/**
 * Hears what a client does between a call and its result: for logs, metrics and progress bars. Both
 * methods do nothing unless overridden. They run on the client's executor, one call at a time and in
 * order, apart from the call they hear of: a slow listener delays later listener calls, never the call
 * itself, so a call may have returned before its last event is heard. An exception thrown here is logged
 * and ignored, never the call's failure.
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
}
