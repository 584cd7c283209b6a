package dev.klingeffects.mock.tasks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Outcomes queued through the admin API for the next submitted tasks, in order ("the next task fails
 * with this reason"): how a test makes a service it does not control meet a failure. Bounded.
 */
public final class PlannedOutcomes {

    /** Most outcomes queued at once. */
    public static final int CAPACITY = 1000;

    /**
     * @param status        {@code SUCCESS} or {@code FAILED}
     * @param failureReason the {@code error_message} of a failure, or null for the default
     */
    public record Planned(TaskStatus status, String failureReason) {}

    private final Deque<Planned> queue = new ArrayDeque<>();

    /** @return false when the queue is full */
    public synchronized boolean add(Planned planned) {
        if (queue.size() >= CAPACITY) {
            return false;
        }
        queue.addLast(planned);
        return true;
    }

    /** @return the outcome planned for the next task, taken off the queue, if any */
    public synchronized Optional<Planned> next() {
        return Optional.ofNullable(queue.pollFirst());
    }

    /** @return the queued outcomes in order, at most {@link #CAPACITY} */
    public synchronized List<Planned> queued() {
        return List.copyOf(queue);
    }

    /** @return how many outcomes are queued */
    public synchronized int size() {
        return queue.size();
    }

    /** Forgets every planned outcome. */
    public synchronized void clear() {
        queue.clear();
    }
}
