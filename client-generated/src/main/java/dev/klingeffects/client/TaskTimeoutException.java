package dev.klingeffects.client;

import java.time.Duration;

/** A task did not finish within the time the caller allowed; it may still finish later. */
public class TaskTimeoutException extends ModellixException {

    /** The task. */
    private final String taskId;
    /** The last status seen, or null. */
    private final String lastStatus;
    /** How long the client really waited. */
    private final Duration waited;

    /**
     * @param taskId     the task
     * @param lastStatus the last status seen, as the API spelled it, or null if none was seen
     * @param waited     how long the client really waited
     * @param cause      what kept the client from seeing the task finish in time (e.g. a 429), or null
     */
    public TaskTimeoutException(String taskId, String lastStatus, Duration waited, Throwable cause) {
        super("Task " + taskId + " still " + (lastStatus == null ? "not seen" : lastStatus) + " after " + waited
                + " of waiting" + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.taskId = taskId;
        this.lastStatus = lastStatus;
        this.waited = waited;
    }

    /** @return the task */
    @Override
    public String taskId() {
        return taskId;
    }

    /** @return the last status seen */
    public String lastStatus() {
        return lastStatus;
    }

    /** @return how long the client really waited, from the start of the wait to giving up */
    public Duration waited() {
        return waited;
    }
}
