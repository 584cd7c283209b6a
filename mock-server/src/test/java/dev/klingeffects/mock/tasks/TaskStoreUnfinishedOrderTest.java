package dev.klingeffects.mock.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.auth.KeyId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When every task held is unfinished, the one that goes is the oldest, as {@code --max-tasks} promises. */
class TaskStoreUnfinishedOrderTest {

    @Test
    void evictsTheOldestUnfinishedTaskEvenAfterAFinishedOneWentBeforeIt() {
        MockClock clock = new MockClock(true);
        TaskStore store = new TaskStore(3, Duration.ofDays(7).toMillis(), clock);
        long now = clock.now();
        store.add(unfinished("oldest", now));
        store.add(new Task("finished", KeyId.of("a"), "pet_lion_pro", 5, now - 100, now - 100, now - 50,
                TaskStatus.SUCCESS, null, null, "t"));
        store.add(unfinished("second", now));
        store.add(unfinished("third", now));   // over capacity: "finished" goes

        store.add(unfinished("fourth", now));  // over capacity, every task unfinished: "oldest" must go

        assertThat(store.find("oldest")).isEmpty();
        assertThat(store.find("second")).isPresent();
    }

    private static Task unfinished(String id, long now) {
        return new Task(id, KeyId.of("a"), "pet_lion_pro", 5, now, now + 60_000, now + 120_000, TaskStatus.SUCCESS,
                null, null, "t");
    }
}
