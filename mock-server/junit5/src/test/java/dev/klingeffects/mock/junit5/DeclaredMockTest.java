package dev.klingeffects.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The declarative form: the annotation's settings, and the base URL and admin client as parameters. */
@KlingEffectsMockTest(frozenClock = true, apiKeys = "team-key", flags = {"--journal-size", "5"})
class DeclaredMockTest {

    private ServiceUnderTest service;

    @BeforeEach
    void pointTheServiceAtTheMock(@KlingEffectsMockBaseUrl String baseUrl) {
        service = new ServiceUnderTest(baseUrl);
    }

    @Test
    void injectsTheBaseUrlAndTheAdminClientOfOneMock(@KlingEffectsMockBaseUrl String baseUrl, MockAdmin mock)
            throws Exception {
        String taskId = service.submit("pet_lion_pro");

        assertThat(baseUrl).startsWith("http://127.0.0.1:");
        assertThat(mock.tasks()).extracting(MockTask::taskId).containsExactly(taskId);
    }

    @Test
    void frozenClockHoldsATaskUntilTheTestAdvancesIt(MockAdmin mock) throws Exception {
        String taskId = service.submit("pet_lion_pro");

        assertThat(service.poll(taskId).path("status").asText()).isEqualTo("pending");
        mock.advanceClock(Duration.ofSeconds(1));
        assertThat(service.poll(taskId).path("status").asText()).isEqualTo("success");
    }

    @Test
    void acceptsOnlyTheDeclaredKeysAndTakesTheDeclaredFlags(MockAdmin mock) throws Exception {
        for (int i = 0; i < 7; i++) {
            service.poll("task-unknown-" + i);
        }

        assertThat(mock.requests().all()).hasSize(5);
        assertThat(new ServiceUnderTest(service.baseUrl(), "another-key").poll("task-1").isMissingNode()).isTrue();
        assertThat(mock.requests().all()).last().extracting(RecordedRequest::status).isEqualTo(401);
    }

    @Nested
    class InANestedClass {

        @Test
        void theSameMockServesAndIsResetBeforeEachTest(@KlingEffectsMockBaseUrl String baseUrl, MockAdmin mock) {
            assertThat(baseUrl).isEqualTo(service.baseUrl());
            assertThat(mock.tasks()).isEmpty();
        }
    }
}
