package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code POST /__admin/outcomes} accepts for a fault, and {@code GET /__admin/outcomes} lists. */
class AdminFaultQueueTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private static dev.klingeffects.mock.support.SpecCheckedClient.Answer queue(String body) {
        return mock.client().post("/__admin/outcomes", body, Map.of());
    }

    @Test
    void refusesAnApiKeyThatIsNotTextInsteadOfFaultingEveryKey() {
        var answer = queue("{\"fault\": \"connection-reset\", \"api_key\": 123}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid parameters: parameter 'api_key' must be a non-empty string, got 123");
        assertThat(mock.client().get("/__admin/outcomes", Map.of()).json().path("faults_queued").asInt()).isZero();
    }

    @Test
    void refusesAnEmptyApiKey() {
        var answer = queue("{\"fault\": \"connection-reset\", \"api_key\": \"\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Invalid parameters: parameter 'api_key' must be a non-empty string, got \"\"");
    }

    @Test
    void namesTheBadCountAndItsValue() {
        var answer = queue("{\"fault\": \"connection-reset\", \"count\": 0, \"delay\": 10}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Value out of range: parameter 'count' must be an integer from 1 to 1000, got 0");
    }

    @Test
    void namesTheBadDelayAndItsValue() {
        var answer = queue("{\"fault\": \"connection-reset\", \"count\": 2, \"delay\": 60001}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Value out of range: parameter 'delay' must be an integer from 0 to 60000, got 60001");
    }

    @Test
    void acceptsFaultWhenInAnyCaseAsItAcceptsTheFault() {
        var answer = queue("{\"fault\": \"Connection-Reset\", \"fault_when\": \"Before\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(mock.client().get("/__admin/outcomes", Map.of()).json().path("faults").get(0).path("fault_when").asText())
                .isEqualTo("before");
    }

    @Test
    void listsQueuedOutcomesAndFaultsInOrderWithTheKeyMasked() {
        queue("{\"status\": \"failed\", \"error_message\": \"no GPU\"}");
        queue("{\"fault\": \"slow-body\", \"count\": 3, \"delay\": 500, \"api_key\": \"team-a-key\"}");
        queue("{\"fault\": \"empty-response\"}");

        var listed = mock.client().get("/__admin/outcomes", Map.of());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().toString()).isEqualTo("{\"outcomes\":[{\"status\":\"failed\",\"error_message\":\"no GPU\"}],"
                + "\"faults\":[{\"fault\":\"slow-body\",\"fault_when\":\"after\",\"delay\":500,\"api_key\":\"te****ey\",\"remaining\":3},"
                + "{\"fault\":\"empty-response\",\"fault_when\":\"after\",\"delay\":0,\"api_key\":null,\"remaining\":1}],"
                + "\"queued\":1,\"faults_queued\":4}");
    }

    @Test
    void listsNothingAfterTheQueueIsCleared() {
        queue("{\"fault\": \"empty-response\"}");
        mock.client().send("DELETE", "/__admin/outcomes", new byte[0], Map.of());

        assertThat(mock.client().get("/__admin/outcomes", Map.of()).json().toString())
                .isEqualTo("{\"outcomes\":[],\"faults\":[],\"queued\":0,\"faults_queued\":0}");
    }
}
