package dev.klingeffects.mock.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.auth.KeyId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store's shortcut past {@code --max-tasks} (no scan while no held task can have finished) never trades a
 * finished task for an unfinished one, never loses or doubles one: random histories of submits, admin adds and
 * forced states, clock moves and resets, lookups and clears, checked after every step.
 */
class TaskStoreEvictionTest {

    private static final TaskStatus[] STATUSES = TaskStatus.values();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void neverTradesAFinishedTaskForAnUnfinishedOneNorLosesOne() {
        for (long seed = 0; seed < 300; seed++) {
            play(seed);
        }
    }

    private static void play(long seed) {
        Random random = new Random(seed);
        MockClock clock = new MockClock(true);
        int capacity = 1 + random.nextInt(12);
        long ttl = random.nextBoolean() ? Duration.ofDays(7).toMillis() : 1 + random.nextInt(5_000);
        TaskStore store = new TaskStore(capacity, ttl, clock);
        List<Task> known = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            int op = random.nextInt(100);
            long now = clock.now();
            Map<String, Task> before = held(store);
            int sizeBefore = store.size();
            String what;
            boolean added = false;
            if (op < 45) {
                Task task = task("task-" + step, owner(random), now, random);
                known.add(task);
                store.add(task);
                added = true;
                what = "add " + task;
            } else if (op < 55) {
                Task task = task(known.isEmpty() || random.nextBoolean() ? "admin-" + step
                        : known.get(random.nextInt(known.size())).id(), owner(random), now, random);
                known.add(task);
                boolean isNew = !before.containsKey(task.id()) && store.find(task.id()).isEmpty();
                sizeBefore = store.size();
                added = store.addOrReplaceOwn(task) && isNew;
                what = "addOrReplaceOwn " + task;
            } else if (op < 70 && !known.isEmpty()) {
                Task held = store.find(known.get(random.nextInt(known.size())).id()).orElse(null);
                if (held == null) {
                    continue;
                }
                Task forced = held.forcedTo(STATUSES[random.nextInt(STATUSES.length)], null, now);
                store.replace(forced);
                what = "replace " + forced;
            } else if (op < 88) {
                long by = random.nextInt(4) == 0 ? random.nextInt(600_000) : random.nextInt(50);
                clock.advance(Duration.ofMillis(by));
                what = "advance " + by;
            } else if (op < 91) {
                clock.reset();
                what = "reset clock";
            } else if (op < 99 && !known.isEmpty()) {
                String id = known.get(random.nextInt(known.size())).id();
                store.find(id);
                what = "find " + id;
            } else {
                store.clear();
                what = "clear";
            }
            String as = "seed " + seed + " step " + step + " after " + what;
            assertThat(store.size()).as(as).isLessThanOrEqualTo(capacity);
            if (!added) {
                continue;
            }
            // One new task: nothing lost beyond the one eviction the capacity asks for.
            assertThat(store.size()).as(as).isEqualTo(Math.min(capacity, sizeBefore + 1));
            long at = clock.now();
            Map<String, Task> after = held(store);
            boolean evictedUnfinished = before.values().stream()
                    .anyMatch(task -> !after.containsKey(task.id()) && !task.statusAt(at).finished());
            if (evictedUnfinished) {
                assertThat(after.values()).as(as + ": an unfinished task went while a finished one stayed")
                        .noneMatch(task -> task.statusAt(at).finished());
            }
        }
    }

    /** Every task held, expired or not, by id. */
    private static Map<String, Task> held(TaskStore store) {
        Map<String, Task> held = new HashMap<>();
        // A page lists only unexpired tasks; expired ones are finished, and eviction may take them first.
        store.page(0, Integer.MAX_VALUE, task -> true).tasks().forEach(task -> held.put(task.id(), task));
        return held;
    }

    private static KeyId owner(Random random) {
        return KeyId.of("key-" + random.nextInt(3));
    }

    /** Tasks finished long ago, due now, or minutes away (the realistic profile). */
    private static Task task(String id, KeyId owner, long now, Random random) {
        long startsAt = now + random.nextInt(3) * (random.nextBoolean() ? -1 : 1) * random.nextInt(120_000);
        long finishesAt = startsAt + random.nextInt(300_000);
        return new Task(id, owner, "pet_lion_pro", 5, now, startsAt, finishesAt,
                random.nextBoolean() ? TaskStatus.SUCCESS : TaskStatus.FAILED, null, null, "token");
    }
}
