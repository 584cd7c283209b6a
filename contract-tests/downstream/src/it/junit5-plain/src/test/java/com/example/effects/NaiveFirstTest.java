package com.example.effects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first test a team writes, knowing nothing of the mock's clock: it must pass against the defaults. */
class NaiveFirstTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void submitAndAwaitFinishesAgainstTheDefaults() {
        try (KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key").build()) {
            EffectTask done = client.submitAndAwait(
                    EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(10));

            assertThat(done.videoUrl().toString()).endsWith(".mp4");
        }
    }
}
