package dev.klingeffects.mock.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.auth.KeyId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A reset ({@code /__admin/reset}) while submits arrive leaves no task that eviction cannot see: such a task
 * would stay forever while each new submit past {@code --max-tasks} is evicted the moment it is answered.
 */
class TaskStoreResetRaceTest {

    private static final int CAPACITY = 20_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aResetDuringSubmitsLeavesEveryTaskEvictable() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                MockClock clock = new MockClock(true);
                TaskStore store = new TaskStore(CAPACITY, Long.MAX_VALUE / 4, clock);
                for (int i = 0; i < CAPACITY; i++) {
                    store.add(unfinished("old-" + round + "-" + i, clock.now()));
                }
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger submitted = new AtomicInteger();
                Future<?> reset = threads.submit(() -> {
                    go.await();
                    store.clear();
                    return null;
                });
                int r = round;
                Future<?>[] submitters = new Future<?>[2];
                for (int s = 0; s < submitters.length; s++) {
                    int thread = s;
                    submitters[s] = threads.submit(() -> {
                        go.await();
                        for (int i = 0; i < 2_000; i++) {
                            store.add(unfinished("racing-" + r + "-" + thread + "-" + i, clock.now()));
                            submitted.incrementAndGet();
                        }
                        return null;
                    });
                }
                go.countDown();
                reset.get();
                for (Future<?> submitter : submitters) {
                    submitter.get();
                }
                // Fill the store with newer tasks: every task held from before must make way for them.
                Set<String> fresh = new HashSet<>();
                for (int i = 0; i < CAPACITY; i++) {
                    String id = "fresh-" + round + "-" + i;
                    fresh.add(id);
                    store.add(unfinished(id, clock.now()));
                }
                Set<String> held = new HashSet<>();
                store.page(0, Integer.MAX_VALUE, task -> true).tasks().forEach(task -> held.add(task.id()));
                Set<String> stuck = new HashSet<>(held);
                stuck.removeAll(fresh);
                Set<String> evictedFresh = new HashSet<>(fresh);
                evictedFresh.removeAll(held);
                assertThat(stuck).as("round %d: tasks from before the last %d submits, which took the place of %d "
                        + "of them", round, CAPACITY, evictedFresh.size()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Task unfinished(String id, long now) {
        return new Task(id, KeyId.of("key"), "pet_lion_pro", 5, now, now + 60_000, now + 120_000, TaskStatus.SUCCESS,
                null, null, "token");
    }
}
