package dev.klingeffects.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The defaults a first test meets: tasks end on their own, quickly, and advance() still moves them on. */
class DefaultMockTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void aTaskEndsOnItsOwnAboutASecondAfterItsSubmit() throws Exception {
        ServiceUnderTest service = new ServiceUnderTest(mock.baseUrl());
        String taskId = service.submit("pet_lion_pro");

        // Waiting for the mock's own time to pass is the behaviour under test: poll, as a team's code would.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String status = service.poll(taskId).path("status").asText();
        while (!status.equals("success") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = service.poll(taskId).path("status").asText();
        }

        assertThat(status).isEqualTo("success");
        MockTask task = mock.admin().task(taskId);
        assertThat(task.finishesAt() - task.createdAt()).isEqualTo(1000);
    }

    @Test
    void advanceMovesTasksOnWithTheWallClockToo() throws Exception {
        ServiceUnderTest service = new ServiceUnderTest(mock.baseUrl());
        String taskId = service.submit("pet_lion_pro");

        mock.advance(Duration.ofSeconds(1));

        assertThat(service.poll(taskId).path("status").asText()).isEqualTo("success");
    }

    @Test
    void theRealisticProfileKeepsUpstreamsTiming() {
        KlingEffectsMockExtension realistic = KlingEffectsMockExtension.builder().realisticProfile().build();
        realistic.beforeAll(null);
        try {
            String taskId = new ServiceUnderTestCall(realistic).submit();
            MockTask task = realistic.admin().task(taskId);

            assertThat(task.finishesAt() - task.createdAt()).isBetween(35_000L, 125_000L);
        } finally {
            realistic.afterAll(null);
        }
    }

    /** A submit that turns checked exceptions into a failure, for use inside try blocks. */
    private record ServiceUnderTestCall(KlingEffectsMockExtension mock) {
        String submit() {
            try {
                return new ServiceUnderTest(mock.baseUrl()).submit("pet_lion_pro");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
