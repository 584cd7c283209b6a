package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store stays bounded however long QA uses the mock. */
class TaskStoreTest {

    private static Task task(String id, String owner, long now) {
        return new Task(id, KeyId.of(owner), "pet_lion_pro", 5, now, now + 10, now + 20, TaskStatus.SUCCESS, null, null, "token");
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

        assertThat(store.unfinished(KeyId.of("a"))).isEqualTo(new TaskStore.Unfinished(2, clock.now() + 20));
        clock.advance(Duration.ofMillis(20));
        assertThat(store.unfinished(KeyId.of("a")).count()).isZero();
    }

    @Test
    void evictsFinishedTasksBeforeAnyUnfinishedOne() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(new Task("old-unfinished", KeyId.of("a"), "pet_lion_pro", 5, now, now + 1000, now + 2000, TaskStatus.SUCCESS,
                null, null, "t"));
        store.add(task("finished-1", "a", now - 100));
        store.add(task("finished-2", "a", now - 100));

        store.add(task("new-1", "a", now));
        store.add(task("new-2", "a", now));

        assertThat(store.find("old-unfinished")).isPresent();
        assertThat(store.find("finished-1")).isEmpty();
        assertThat(store.find("finished-2")).isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void evictsTheOldestUnfinishedTaskOnlyWhenNoneHasFinished() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(2, Duration.ofDays(7).toMillis(), clock);
        store.add(task("first", "a", clock.now()));
        store.add(task("second", "a", clock.now()));

        store.add(task("third", "a", clock.now()));

        assertThat(store.find("first")).isEmpty();
        assertThat(store.find("second")).isPresent();
        assertThat(store.find("third")).isPresent();
    }

    /** A task of owner "a" that starts at {@code now} and succeeds {@code millis} later; shared with the race tests. */
    static Task finishingIn(String id, long now, long millis) {
        return new Task(id, KeyId.of("a"), "pet_lion_pro", 5, now, now, now + millis, TaskStatus.SUCCESS, null, null, "t");
    }

    @Test
    void evictsATaskThatFinishedAfterAnEvictionFoundNoneFinished() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(2, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(finishingIn("slow-1", now, 1000));
        store.add(finishingIn("slow-2", now, 1000));
        store.add(finishingIn("slow-3", now, 1000));
        store.add(finishingIn("quick", now, 10));

        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("last", clock.now(), 1000));

        assertThat(store.find("quick")).as("finished, so it goes before any unfinished task").isEmpty();
        assertThat(store.find("slow-3")).isPresent();
        assertThat(store.find("last")).isPresent();
    }

    @Test
    void evictsATaskTheAdminApiFinishedBeforeAnyUnfinishedOne() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(2, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(finishingIn("slow-1", now, 1000));
        store.add(finishingIn("slow-2", now, 1000));
        store.add(finishingIn("slow-3", now, 1000));

        Task forced = store.find("slow-3").orElseThrow().forcedTo(TaskStatus.SUCCESS, null, now);
        store.replace(forced);
        store.add(finishingIn("slow-4", now, 1000));

        assertThat(store.find("slow-3")).isEmpty();
        assertThat(store.find("slow-2")).isPresent();
        assertThat(store.find("slow-4")).isPresent();
    }

    @Test
    void evictsAParkedTaskTheAdminApiFinishedBeforeAnOlderUnfinishedOne() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(finishingIn("slow-1", now, 1000));
        store.add(finishingIn("slow-2", now, 1000));
        store.add(finishingIn("quick", now, 10));
        clock.advance(Duration.ofMillis(10));
        // Evicts "quick", the one finished task, and parks the two unfinished ones met before it.
        store.add(finishingIn("slow-3", clock.now(), 1000));

        store.replace(store.find("slow-2").orElseThrow().forcedTo(TaskStatus.SUCCESS, null, clock.now()));
        store.add(finishingIn("slow-4", clock.now(), 1000));

        assertThat(store.find("quick")).isEmpty();
        assertThat(store.find("slow-2")).as("finished by the admin API while parked, so it goes first").isEmpty();
        assertThat(store.find("slow-1")).isPresent();
        assertThat(store.find("slow-3")).isPresent();
        assertThat(store.find("slow-4")).isPresent();
    }

    @Test
    void evictsAParkedTaskFromTheMillisecondItFinishesBeforeAnOlderUnfinishedOne() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(finishingIn("slow-1", now, 1000));
        store.add(finishingIn("edge", now, 20));
        store.add(finishingIn("quick", now, 10));
        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("slow-2", clock.now(), 1000)); // evicts "quick", parks "slow-1" and "edge"

        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("slow-3", clock.now(), 1000));

        assertThat(store.find("edge")).as("finished this very millisecond, so it goes first").isEmpty();
        assertThat(store.find("slow-1")).isPresent();
        assertThat(store.find("slow-2")).isPresent();
        assertThat(store.find("slow-3")).isPresent();
    }

    @Test
    void evictsUnfinishedTasksOldestFirstWhileNoneCanHaveFinished() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        for (int i = 1; i <= 10; i++) {
            store.add(finishingIn("slow-" + i, now, 1000));
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find("slow-7")).isEmpty();
        assertThat(store.find("slow-8")).isPresent();
        assertThat(store.find("slow-10")).isPresent();
    }

    @Test
    void refusesATaskOverTheOwnersLimitInTheSameStepAsItCounts() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(100, 1000, clock);
        assertThat(store.addWithin(task("task-1", "a", clock.now()), 2)).isNull();
        assertThat(store.addWithin(task("task-2", "a", clock.now()), 2)).isNull();

        TaskStore.Unfinished refused = store.addWithin(task("task-3", "a", clock.now()), 2);

        assertThat(refused).isEqualTo(new TaskStore.Unfinished(2, clock.now() + 20));
        assertThat(store.find("task-3")).isEmpty();
        assertThat(store.addWithin(task("task-4", "b", clock.now()), 2)).isNull();
    }

    @Test
    void pagesListingsWithinTheLimitWhateverTheStoreHolds() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(10_000, Duration.ofDays(7).toMillis(), clock);
        for (int i = 0; i < 5000; i++) {
            store.add(task("task-" + i, i % 2 == 0 ? "even" : "odd", clock.now()));
        }

        TaskStore.Page first = store.page(0, 10, task -> task.owner().equals(KeyId.of("odd")));
        TaskStore.Page second = store.page(first.nextCursor(), 10, task -> task.owner().equals(KeyId.of("odd")));

        assertThat(first.tasks()).extracting(Task::id).startsWith("task-1", "task-3").hasSize(10);
        assertThat(second.tasks()).extracting(Task::id).startsWith("task-21").hasSize(10);
        assertThat(first.matching()).isEqualTo(2500);
    }
}
