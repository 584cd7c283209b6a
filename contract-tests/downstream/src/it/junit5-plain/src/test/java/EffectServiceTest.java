import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskFailedException;
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

        assertThatThrownBy(() -> client.submitAndAwait(
                EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(10)))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("Image pixel is invalid");
        mock.requests().assertSubmits(1);
    }
}
