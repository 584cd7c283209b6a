package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delayed answers are written on the mock's own threads: in a JVM whose common pool is busy with other work
 * (a team's code beside the in-process mock of the JUnit 5 extension) they still arrive on time. The forks run
 * with a common pool of two threads, as on a machine of three cores or more (pom.xml).
 */
class DelayedAnswerThreadsTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void occupyTheCommonPool() throws InterruptedException {
        int workers = ForkJoinPool.getCommonPoolParallelism();
        // Maven's forks have two (pom.xml); a JVM started elsewhere on two cores has one, and CompletableFuture
        // then never uses the common pool: nothing to show there.
        assumeThat(workers).as("the common pool's threads").isGreaterThan(1);
        CountDownLatch busy = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(busy.await(10, TimeUnit.SECONDS)).as("every common-pool thread busy").isTrue();
    }

    @AfterEach
    void freeTheCommonPool() {
        release.countDown();
    }

    @Test
    void aDelayedPollIsAnsweredWhileTheCommonPoolIsBusy() {
        var answer = mock.client().get(TASKS + "task-x", Map.of("Authorization", "Bearer k", "Prefer", "delay=50"));

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void aSlowBodyIsDribbledWholeWhileTheCommonPoolIsBusy() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Map.of("Authorization", "Bearer k", "Prefer", "fault=slow-body, delay=100"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/data/task_id").asText()).startsWith("task-");
    }
}
