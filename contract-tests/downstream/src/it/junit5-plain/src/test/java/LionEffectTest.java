import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.mock.junit5.KlingEffectsMockBaseUrl;
import dev.klingeffects.mock.junit5.KlingEffectsMockTest;
import dev.klingeffects.mock.junit5.MockAdmin;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@KlingEffectsMockTest
class LionEffectTest {

    @Test
    void makesAVideo(@KlingEffectsMockBaseUrl String baseUrl, MockAdmin mock) {
        KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(baseUrl).apiKey("test-key").build();

        EffectTask done = client.submitAndAwait(
                EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(10));

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        mock.requests().assertSubmits(1);
    }
}
