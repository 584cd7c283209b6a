package com.example.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Submit, poll and read a finished task with whatever Jackson the team pinned. */
class ClientOnTheTeamsJacksonTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void submitsAndReadsAFinishedTask() {
        assertEquals(System.getProperty("expected.jackson"), PackageVersion.VERSION.toString());
        try (KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key").build()) {
            String taskId = client.submit(EffectRequest.singleImage("bullet_time", "https://example.com/cat.jpg")
                    .withDuration(5)).taskId();
            mock.advance(Duration.ofMinutes(5));

            EffectTask done = client.awaitCompletion(taskId, Duration.ofSeconds(30));
            assertTrue(done.videoUrl().toString().endsWith(".mp4"), done.videoUrl().toString());
        }
    }
}
