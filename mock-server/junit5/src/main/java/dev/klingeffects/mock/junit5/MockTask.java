package dev.klingeffects.mock.junit5;

/**
 * A task held by the mock, as its admin API lists it.
 *
 * @param taskId      the {@code task_id}
 * @param status      its status now (on the mock's clock)
 * @param effectScene the effect it runs
 * @param createdAt   when it was submitted (Unix ms, mock clock)
 * @param finishesAt  when it reaches its outcome (Unix ms, mock clock)
 */
public record MockTask(String taskId, MockTaskStatus status, String effectScene, long createdAt, long finishesAt) {}
