package dev.klingeffects.mock;

import static dev.klingeffects.mock.TaskStoreTest.finishingIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A replacement changes the map before it takes the eviction lock: an eviction that runs in between must not
 * leave the store believing no task is finished once the replacement is done, nor remove the replacement on
 * the strength of what it read before.
 */
class TaskStoreReplaceRaceTest {

    /**
     * Runs {@code replace} on another thread and {@code meanwhile} on this one after the replacement changed the
     * map but before it took the eviction lock: the lock is held here (it is reentrant for this thread's
     * eviction) until the other thread waits for it.
     */
    private static void replaceAround(TaskStore store, Task replacement, Runnable meanwhile) throws Exception {
        Field field = TaskStore.class.getDeclaredField("evicting");
        field.setAccessible(true);
        Object evicting = field.get(store);
        Thread replacing = new Thread(() -> store.replace(replacement), "replacing");
        synchronized (evicting) {
            replacing.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // The only monitor replace() can block on is the eviction lock, reached after the map changed.
            while (replacing.getState() != Thread.State.BLOCKED) {
                assertThat(System.nanoTime()).as("replace() reaches the eviction lock").isLessThan(deadline);
                assertThat(replacing.getState()).isNotEqualTo(Thread.State.TERMINATED);
                Thread.onSpinWait();
            }
            meanwhile.run();
        }
        replacing.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(replacing.isAlive()).isFalse();
    }

    @Test
    void evictsAParkedTaskFinishedByAReplacementThatAnEvictionRanInsideOf() throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(4, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(finishingIn("slow-1", now, 2000));
        store.add(finishingIn("slow-2", now, 2000));
        store.add(finishingIn("forced", now, 1000));
        store.add(finishingIn("quick", now, 10));
        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("new-1", clock.now(), 2000)); // evicts "quick", parks the other three
        Task finished = store.find("forced").orElseThrow().forcedTo(TaskStatus.SUCCESS, null, clock.now());

        // Ordered before the replacement, this eviction rightly takes the oldest unfinished task.
        replaceAround(store, finished, () -> store.add(finishingIn("new-2", clock.now(), 2000)));
        assertThat(store.find("slow-1")).isEmpty();

        store.add(finishingIn("new-3", clock.now(), 2000));

        assertThat(store.find("forced")).as("finished by the admin API, so it goes before any unfinished one").isEmpty();
        assertThat(store.find("slow-2")).as("unfinished while a finished task was held").isPresent();
        assertThat(store.size()).isEqualTo(4);
    }

    @Test
    void evictsAParkedTaskFinishedByAReplacementRightAfterAParkedOneFinished() throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(5, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(finishingIn("slow-1", now, 2000));
        store.add(finishingIn("slow-2", now, 2000));
        store.add(finishingIn("forced", now, 1000));
        store.add(finishingIn("edge", now, 20));
        store.add(finishingIn("quick", now, 10));
        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("new-1", clock.now(), 2000)); // evicts "quick", parks the other four
        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("new-2", clock.now(), 2000)); // evicts "edge" from the parked ones
        Task finished = store.find("forced").orElseThrow().forcedTo(TaskStatus.SUCCESS, null, clock.now());

        replaceAround(store, finished, () -> store.add(finishingIn("new-3", clock.now(), 2000)));
        store.add(finishingIn("new-4", clock.now(), 2000));

        assertThat(store.find("forced")).as("finished by the admin API, so it goes before any unfinished one").isEmpty();
        assertThat(store.find("slow-2")).as("unfinished while a finished task was held").isPresent();
        assertThat(store.size()).isEqualTo(5);
    }

    @Test
    void evictsTheOldestUnfinishedTaskRatherThanOnePlantedAgainUnderAnExpiredTasksId() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(2, 100, clock);
        long now = clock.now();
        store.addOrReplaceOwn(finishingIn("planted", now, 10));
        store.add(finishingIn("oldest", now, 10_000));
        clock.advance(Duration.ofMillis(110));
        assertThat(store.find("planted")).as("expired").isEmpty();
        // The provider state set up again: a new task under the id, whose old place in the eviction order stayed.
        store.addOrReplaceOwn(finishingIn("planted", clock.now(), 10_000));

        store.add(finishingIn("newest", clock.now(), 10_000));

        assertThat(store.find("oldest")).as("the oldest unfinished task").isEmpty();
        assertThat(store.find("planted")).as("planted after \"oldest\"").isPresent();
        assertThat(store.find("newest")).isPresent();
    }

    /** The store's map, which runs {@code then} once, right after a read of {@code key} (past the first {@code passOver}). */
    private static final class ActingAfterRead<V> extends ConcurrentHashMap<String, V> {
        private String key;
        private int passOver;
        private Runnable then;

        @Override
        public V get(Object wanted) {
            V value = super.get(wanted);
            if (wanted.equals(key) && passOver-- == 0) {
                key = null;
                then.run();
            }
            return value;
        }
    }

    /** Puts a map into the store, before any task, that acts on the store right after a task's first read. */
    private static ActingAfterRead<Object> actingAfterRead(TaskStore store) throws Exception {
        Field field = TaskStore.class.getDeclaredField("tasks");
        field.setAccessible(true);
        ActingAfterRead<Object> map = new ActingAfterRead<>();
        field.set(store, map);
        return map;
    }

    @Test
    void anEvictionKeepsATaskTheAdminApiHeldUnfinishedAfterTheEvictionReadItFinished() throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, Duration.ofDays(7).toMillis(), clock);
        ActingAfterRead<Object> map = actingAfterRead(store);
        long now = clock.now();
        store.add(finishingIn("held", now, 10));
        store.add(finishingIn("done", now, 10));
        store.add(finishingIn("slow", now, 2000));
        clock.advance(Duration.ofMillis(10));
        Task processing = store.find("held").orElseThrow().forcedTo(TaskStatus.PROCESSING, null, clock.now());
        map.key = "held";
        map.then = () -> store.replace(processing);

        store.add(finishingIn("new", clock.now(), 2000));

        assertThat(store.find("held")).as("held processing by the admin API").contains(processing);
        assertThat(store.find("done")).as("the oldest finished task").isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void anExpiredTaskFoundJustBeforeItsIdIsPlantedAgainLeavesTheNewTask() throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(10, 100, clock);
        ActingAfterRead<Object> map = actingAfterRead(store);
        store.addOrReplaceOwn(finishingIn("planted", clock.now(), 10));
        clock.advance(Duration.ofMillis(110));
        Task plantedAgain = finishingIn("planted", clock.now(), 10_000);
        map.key = "planted";
        map.then = () -> store.addOrReplaceOwn(plantedAgain);

        assertThat(store.find("planted")).as("expired when it was read").isEmpty();

        assertThat(store.find("planted")).contains(plantedAgain);
    }

    @Test
    void anEvictionOfTheOldestUnfinishedTaskTakesItEvenWhenReplacedAfterItWasRead() throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(2, Duration.ofDays(7).toMillis(), clock);
        ActingAfterRead<Object> map = actingAfterRead(store);
        store.add(finishingIn("oldest", clock.now(), 2000));
        store.add(finishingIn("older", clock.now(), 2000));
        Task processing = store.find("oldest").orElseThrow().forcedTo(TaskStatus.PROCESSING, null, clock.now());
        map.key = "oldest";
        map.passOver = 1; // the first read finds it unfinished and parks it; the second is the eviction's
        map.then = () -> store.replace(processing);

        store.add(finishingIn("new", clock.now(), 2000));

        assertThat(store.find("oldest")).as("the oldest unfinished task, replaced or not").isEmpty();
        assertThat(store.find("older")).isPresent();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void anExpiredTaskAPollRemovesWhileAnEvictionReadsItCountsAsTheEvictionAndNoUnfinishedTaskGoes() throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, 100, clock);
        ActingAfterRead<Object> map = actingAfterRead(store);
        store.add(finishingIn("expired", clock.now(), 10));
        store.add(finishingIn("slow-1", clock.now(), 10_000));
        store.add(finishingIn("slow-2", clock.now(), 10_000));
        clock.advance(Duration.ofMillis(110));
        // A poll of the expired task, between the eviction's read of it and its removal, removes it first.
        map.key = "expired";
        map.then = () -> assertThat(store.find("expired")).isEmpty();

        store.add(finishingIn("new", clock.now(), 10_000));

        assertThat(store.find("slow-1")).as("the store was back within --max-tasks once the poll removed one")
                .isPresent();
        assertThat(store.find("slow-2")).isPresent();
        assertThat(store.find("new")).isPresent();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void anExpiredParkedTaskAPollRemovesWhileAnEvictionReadsItCountsAsTheEvictionAndNoUnfinishedTaskGoes()
            throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, 100, clock);
        ActingAfterRead<Object> map = actingAfterRead(store);
        store.add(finishingIn("parked", clock.now(), 20));
        store.add(finishingIn("quick", clock.now(), 10));
        store.add(finishingIn("slow", clock.now(), 10_000));
        clock.advance(Duration.ofMillis(10));
        store.add(finishingIn("new-1", clock.now(), 10_000)); // evicts "quick", parks "parked"
        clock.advance(Duration.ofMillis(110));
        map.key = "parked";
        map.then = () -> assertThat(store.find("parked")).isEmpty();

        store.add(finishingIn("new-2", clock.now(), 10_000));

        assertThat(store.find("slow")).as("the store was back within --max-tasks once the poll removed one")
                .isPresent();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void aTaskTheAdminApiHeldProcessingRightAfterACountReadItFinishedStillCountsTowardsTheConcurrentLimit()
            throws Exception {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(10, Duration.ofDays(7).toMillis(), clock);
        ActingAfterRead<Object> map = actingAfterRead(store);
        Task task = finishingIn("held", clock.now(), 10);
        store.add(task);
        clock.advance(Duration.ofMillis(10));
        Task processing = task.forcedTo(TaskStatus.PROCESSING, null, clock.now());
        map.key = "held";
        map.then = () -> store.replace(processing);

        assertThat(store.unfinished(KeyId.of("a")).count()).as("finished when it was read").isZero();

        assertThat(store.unfinished(KeyId.of("a")).count()).as("held processing by the admin API").isEqualTo(1);
    }
}
