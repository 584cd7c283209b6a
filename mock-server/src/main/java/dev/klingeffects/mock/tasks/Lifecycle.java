package dev.klingeffects.mock.tasks;

import dev.klingeffects.mock.auth.KeyId;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides a new task's timing and outcome: how long it stays pending and processing, and whether
 * it fails (with which reason). Seeded, so a run can be replayed.
 */
public final class Lifecycle {

    private final long pendingMillis;
    private final long processingMinMillis;
    private final long processingMaxMillis;
    private final double failureRate;
    private final List<String> failureReasons;
    private final SplittableRandom random;

    /**
     * @param pendingMillis       time in {@code pending}
     * @param processingMinMillis shortest time in {@code processing}
     * @param processingMaxMillis longest time in {@code processing}
     * @param failureRate         share of tasks that fail, 0 to 1
     * @param failureReasons      reasons a failed task gives; the first is used when one is forced
     * @param seed                seed of the random choices
     */
    public Lifecycle(long pendingMillis, long processingMinMillis, long processingMaxMillis, double failureRate,
                     List<String> failureReasons, long seed) {
        this.pendingMillis = pendingMillis;
        this.processingMinMillis = processingMinMillis;
        this.processingMaxMillis = Math.max(processingMinMillis, processingMaxMillis);
        this.failureRate = failureRate;
        this.failureReasons = List.copyOf(failureReasons);
        this.random = new SplittableRandom(seed);
    }

    /** What the caller asked for through {@code Prefer: outcome=…}, if anything. */
    public enum Requested { ANY, SUCCESS, FAILED }

    /**
     * @return a new task, starting now
     */
    public Task start(String id, KeyId owner, String effect, int videoSeconds, long now, Requested requested) {
        return start(id, owner, effect, videoSeconds, now, requested, null);
    }

    /**
     * @param reason the {@code error_message} if the task fails, or null for one of the spec's reasons
     * @return a new task, starting now
     */
    public Task start(String id, KeyId owner, String effect, int videoSeconds, long now, Requested requested,
                      String reason) {
        String fileToken = Ids.token();
        // Only the seeded draws share the lock: a seed gives the same timings and failures in the same order.
        synchronized (this) {
            return draw(id, owner, effect, videoSeconds, now, requested, reason, fileToken);
        }
    }

    private Task draw(String id, KeyId owner, String effect, int videoSeconds, long now, Requested requested,
                      String reason, String fileToken) {
        long processing = processingMinMillis == processingMaxMillis ? processingMinMillis
                : random.nextLong(processingMinMillis, processingMaxMillis + 1);
        boolean fails = requested == Requested.FAILED
                || (requested == Requested.ANY && failureRate > 0 && random.nextDouble() < failureRate);
        if (fails && reason == null) {
            reason = requested == Requested.ANY && failureReasons.size() > 1
                    ? failureReasons.get(random.nextInt(failureReasons.size())) : defaultFailureReason();
        }
        if (!fails) {
            reason = null;
        }
        long startsAt = now + pendingMillis;
        return new Task(id, owner, effect, videoSeconds, now, startsAt, startsAt + processing,
                fails ? TaskStatus.FAILED : TaskStatus.SUCCESS, reason, null, fileToken);
    }

    /** @return the reason a failed task gives unless told otherwise */
    public String defaultFailureReason() {
        return failureReasons.isEmpty() ? "Task failed" : failureReasons.get(0);
    }
}
