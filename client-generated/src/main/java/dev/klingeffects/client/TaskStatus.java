package dev.klingeffects.client;

/** A task's status. {@link #UNKNOWN} stands for a status added upstream later: treat it as unfinished. */
public enum TaskStatus {
    /** Queued. */
    PENDING,
    /** Being rendered. */
    PROCESSING,
    /** Finished with a video. */
    SUCCESS,
    /** Finished without a video; see the error message. */
    FAILED,
    /** Not known to this client version; not finished. */
    UNKNOWN;

    /** @return whether the task has reached its end */
    public boolean finished() {
        return this == SUCCESS || this == FAILED;
    }

    static TaskStatus fromWire(String status) {
        return switch (status == null ? "" : status) {
            case "pending" -> PENDING;
            case "processing" -> PROCESSING;
            case "success" -> SUCCESS;
            case "failed" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
