package dev.klingeffects.client;

/** A task ended in {@code failed}; the task and its {@code error_message} are kept. */
public class TaskFailedException extends ModellixException {

    private final transient EffectTask task;

    /** @param task the failed task */
    public TaskFailedException(EffectTask task) {
        super("Task " + task.taskId() + " failed: " + task.errorMessage(), null);
        this.task = task;
    }

    /** @return the failed task */
    public EffectTask task() {
        return task;
    }

    /** @return why it failed, as the API said */
    public String errorMessage() {
        return task.errorMessage();
    }
}
