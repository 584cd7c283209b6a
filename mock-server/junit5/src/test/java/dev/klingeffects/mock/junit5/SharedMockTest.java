package dev.klingeffects.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One mock for the class, reset before each test; its clock frozen, so a test sees a task pending for as long as it likes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedMockTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().frozenClock().build();

    @Test
    @Order(1)
    void aTaskSucceedsWhenTheFrozenClockHasMovedOnOneSecond() throws Exception {
        ServiceUnderTest service = new ServiceUnderTest(mock.baseUrl());
        String taskId = service.submit("pet_lion_pro");

        assertThat(service.poll(taskId).path("status").asText()).isEqualTo("pending");
        mock.advance(Duration.ofSeconds(1));
        assertThat(service.poll(taskId).path("status").asText()).isEqualTo("success");
        mock.requests().assertSubmits(1).assertPollsOf(taskId, 2);
    }

    @Test
    @Order(2)
    void startsEachTestWithNoTasksAndAnEmptyJournal() {
        assertThat(mock.tasks()).isEmpty();
        assertThat(mock.requests().all()).isEmpty();
    }

    @Test
    @Order(3)
    void failNextMakesTheNextSubmittedTaskFailWithTheReason() throws Exception {
        ServiceUnderTest service = new ServiceUnderTest(mock.baseUrl());
        mock.failNext("Image pixel is invalid");

        String failing = service.submit("bullet_time");
        String succeeding = service.submit("bullet_time");
        mock.advance(Duration.ofSeconds(5));

        assertThat(service.poll(failing).path("error_message").asText()).isEqualTo("Image pixel is invalid");
        assertThat(service.poll(succeeding).path("status").asText()).isEqualTo("success");
    }

    @Test
    @Order(4)
    void theAdminClientForcesStatesAndListsTasks() throws Exception {
        ServiceUnderTest service = new ServiceUnderTest(mock.baseUrl());
        String taskId = service.submit("pet_lion_pro");

        mock.admin().forceFailed(taskId, "Failure to pass the risk control system");
        mock.admin().createTask("task-known", "team-key", MockTaskStatus.SUCCESS);

        assertThat(mock.admin().task(taskId).status()).isEqualTo(MockTaskStatus.FAILED);
        assertThat(service.poll("task-known").path("status").asText()).isEqualTo("success");
        assertThat(mock.tasks()).extracting(MockTask::taskId).containsExactly(taskId, "task-known");
    }

    @Test
    @Order(5)
    void aVerificationFailureListsTheRecordedRequests() throws Exception {
        new ServiceUnderTest(mock.baseUrl()).submit("pet_lion_pro");

        assertThatThrownBy(() -> mock.requests().assertSubmits(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 2 submits but the mock recorded 1")
                .hasMessageContaining("POST /api/v1/image-to-video/kling/kling-video-effects/async -> 200");
    }
}
