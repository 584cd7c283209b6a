package dev.klingeffects.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** In an instance field, every test has a mock of its own, so tests may run in parallel. */
@Execution(ExecutionMode.CONCURRENT)
class MockPerTestInParallelTest {

    private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @RepeatedTest(4)
    void eachTestSeesOnlyItsOwnSubmits() throws Exception {
        ServiceUnderTest service = new ServiceUnderTest(mock.baseUrl());
        String taskId = service.submit("pet_lion_pro");
        mock.advance(Duration.ofSeconds(5));

        assertThat(service.poll(taskId).path("status").asText()).isEqualTo("success");
        mock.requests().assertSubmits(1);
        assertThat(PORTS.add(mock.port())).as("a port of its own").isTrue();
    }
}
