import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EffectServiceTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void reportsWhyAnEffectFailed() {
        KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key").build();
        mock.failNext("Image pixel is invalid");

        String taskId = client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")).taskId();
        mock.advance(Duration.ofSeconds(5));

        assertThat(client.getTask(taskId).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(client.getTask(taskId).errorMessage()).isEqualTo("Image pixel is invalid");
        mock.requests().assertSubmits(1);
    }
}
