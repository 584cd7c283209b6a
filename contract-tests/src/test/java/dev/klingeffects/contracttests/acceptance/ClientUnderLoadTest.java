package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twenty threads share one client against the mock's realistic limits (3 unfinished tasks per key,
 * 100 requests a minute): with maxUnfinishedTasks(3) they queue in the client, so every task completes
 * and the server never refuses one for the concurrent limit.
 */
class ClientUnderLoadTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().realisticProfile().wallClock()
            .flag("pending-ms", "0").flag("processing-ms", "300").flag("failure-rate", "0").build();

    @Test
    void twentyThreadsWithAPermitPerUnfinishedTaskAllCompleteWithoutConcurrentLimitRefusals() throws Exception {
        KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("load-key")
                .maxUnfinishedTasks(3).pollInterval(Duration.ofMillis(250), Duration.ofMillis(500)).build();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EffectTask>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(threads.submit(() -> {
                start.await();
                return client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"),
                        Duration.ofMinutes(1));
            }));
        }
        start.countDown();
        List<TaskStatus> states = new ArrayList<>();
        for (Future<EffectTask> result : results) {
            states.add(result.get().status());
        }
        threads.shutdown();

        assertThat(states).hasSize(20).containsOnly(TaskStatus.SUCCESS);
        assertThat(mock.requests().submits()).hasSize(20);
        assertThat(mock.requests().matching(request -> request.status() == 429)).isEmpty();
    }
}
