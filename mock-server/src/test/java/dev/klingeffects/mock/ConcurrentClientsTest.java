package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 20 clients submitting and polling at once: no task lost, none shown to the wrong key or effect. */
class ConcurrentClientsTest {

    private static final int CLIENTS = 20;
    private static final int TASKS_PER_CLIENT = 15;

    @Test
    void twentyConcurrentClientsNeverLoseOrMixUpTasks() throws Exception {
        try (RunningMock mock = RunningMock.start()) {
            List<String> effects = List.of("pet_lion_pro", "bullet_time", "cute_dance", "squish");
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String key = "client-key-" + c;
                String effect = effects.get(c % effects.size());
                Callable<List<String>> client = () -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < TASKS_PER_CLIENT; i++) {
                        var submitted = mock.client().post(SUBMIT, Requests.singleImage(effect), Requests.auth(key));
                        assertThat(submitted.status()).isEqualTo(200);
                        String id = submitted.json().at("/data/task_id").asText();
                        var polled = mock.client().get(TASKS + id, Requests.auth(key));
                        assertThat(polled.status()).isEqualTo(200);
                        assertThat(polled.json().at("/data/task_id").asText()).isEqualTo(id);
                        ids.add(id);
                    }
                    return ids;
                };
                results.add(pool.submit(client));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            pool.shutdown();

            assertThat(all).hasSize(CLIENTS * TASKS_PER_CLIENT);
            mock.advanceClock(10_000);
            for (int c = 0; c < CLIENTS; c++) {
                for (String id : results.get(c).get()) {
                    var task = mock.client().get(TASKS + id, Requests.auth("client-key-" + c)).json().path("data");
                    assertThat(task.path("status").asText()).isEqualTo("success");
                    assertThat(task.at("/result/metadata/effect_scene").asText()).isEqualTo(effects.get(c % effects.size()));
                }
            }
        }
    }
}
