package dev.klingeffects.mock.tasks;

import dev.klingeffects.mock.auth.KeyId;

/**
 * A submitted task. Immutable: its status at any moment follows from its timestamps, so no
 * background thread moves tasks along; forcing a state replaces the record.
 *
 * @param id             the {@code task_id}
 * @param owner          the fingerprint of the API key that submitted it (only that key can see it)
 * @param effect         the effect name
 * @param videoSeconds   the requested duration, or the effect's default
 * @param createdAt      submit time (mock clock, Unix ms)
 * @param startsAt       when it leaves {@code pending}
 * @param finishesAt     when it reaches its outcome
 * @param outcome        {@code SUCCESS} or {@code FAILED}
 * @param failureReason  the {@code error_message} when it fails
 * @param forcedStatus   a status set through the admin API, or null
 * @param fileToken      the unguessable part of the result file's name
 */
public record Task(String id, KeyId owner, String effect, int videoSeconds, long createdAt, long startsAt,
                   long finishesAt, TaskStatus outcome, String failureReason, TaskStatus forcedStatus,
                   String fileToken) {

    /** @return the status at {@code now} */
    public TaskStatus statusAt(long now) {
        if (forcedStatus != null) {
            return forcedStatus;
        }
        if (now < startsAt) {
            return TaskStatus.PENDING;
        }
        return now < finishesAt ? TaskStatus.PROCESSING : outcome;
    }

    /** @return a copy held in {@code status} from {@code now} on */
    public Task forcedTo(TaskStatus status, String reason, long now) {
        long finished = status.finished() ? now : finishesAt;
        return new Task(id, owner, effect, videoSeconds, createdAt, Math.min(startsAt, finished), finished,
                status.finished() ? status : outcome, reason != null ? reason : failureReason, status, fileToken);
    }
}
