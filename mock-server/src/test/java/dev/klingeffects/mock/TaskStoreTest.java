package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store stays bounded however long QA uses the mock. */
class TaskStoreTest {

    private static Task task(String id, String owner, long now) {
        return new Task(id, owner, "pet_lion_pro", 5, now, now + 10, now + 20, TaskStatus.SUCCESS, null, null, "token");
    }

    @Test
    void dropsTheOldestTasksBeyondItsCapacity() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(100, Duration.ofDays(7).toMillis(), clock);

        for (int i = 0; i < 1000; i++) {
            store.add(task("task-" + i, "key-" + i, clock.now()));
        }

        assertThat(store.size()).isEqualTo(100);
        assertThat(store.find("task-0")).isEmpty();
        assertThat(store.find("task-999")).isPresent();
    }

    @Test
    void forgetsExpiredTasks() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(100, 1000, clock);
        store.add(task("task-1", "key", clock.now()));

        clock.advance(Duration.ofMillis(1020));

        assertThat(store.find("task-1")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void countsOnlyUnfinishedTasksOfTheOwner() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(100, 1000, clock);
        store.add(task("task-1", "a", clock.now()));
        store.add(task("task-2", "a", clock.now()));
        store.add(task("task-3", "b", clock.now()));

        assertThat(store.unfinished("a")).isEqualTo(new TaskStore.Unfinished(2, clock.now() + 20));
        clock.advance(Duration.ofMillis(20));
        assertThat(store.unfinished("a").count()).isZero();
    }
}
