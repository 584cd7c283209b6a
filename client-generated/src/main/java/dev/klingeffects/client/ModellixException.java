package dev.klingeffects.client;

/** Root of every exception the client throws; all are unchecked. */
public class ModellixException extends RuntimeException {

    /** The task a failure while waiting concerns, or null. */
    private volatile String taskId;

    /**
     * @param message what went wrong
     * @param cause   the underlying failure, or null
     */
    public ModellixException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return the task this failure concerns when it happened while waiting for one (the task exists and
     *         may still finish: poll it again later rather than submitting anew), or null
     */
    public String taskId() {
        return taskId;
    }

    /** Records the task a failure while waiting concerns; the first one recorded stays. */
    ModellixException concerning(String taskId) {
        if (this.taskId == null) {
            this.taskId = taskId;
        }
        return this;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return taskId == null || (message != null && message.contains(taskId)) ? message
                : message + " (while waiting for task " + taskId + ")";
    }
}
