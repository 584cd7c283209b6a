package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Limits hold when many requests race for them, and report the limits the mock really applies. */
class LimitsUnderConcurrencyTest {

    @Test
    void concurrentSubmitsNeverExceedTheConcurrentTaskLimit() throws Exception {
        try (RunningMock mock = RunningMock.start("--concurrent-limit", "3", "--frozen-clock", "true")) {
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).status();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            pool.shutdown();

            assertThat(answered).filteredOn(status -> status == 200).hasSize(3);
            assertThat(answered).filteredOn(status -> status == 429).hasSize(17);
        }
    }

    @Test
    void aForcedRateLimitAnswerReportsTheConfiguredLimit() {
        try (RunningMock mock = RunningMock.start("--rate-limit", "1000")) {
            var answer = mock.client().get("/api/v1/tasks/task-1", Map.of("Authorization", "Bearer k", "Prefer", "code=429"));

            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("1000");
            assertThat(answer.message()).startsWith("Rate limit exceeded: at most 1000 requests per minute");
        }
    }
}
