package dev.klingeffects.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.mock.junit5.MockAdmin;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A test that asks for a frozen clock moves it itself; nothing ends until it does. */
@SpringBootTest(classes = EffectsTestApplication.class)
@AutoConfigureKlingEffectsMock(frozenClock = true)
class FrozenClockTest {

    @Autowired
    KlingEffectsClient client;

    @Autowired
    MockAdmin mock;

    @Test
    void aTaskEndsOnlyWhenTheTestMovesTheClock() {
        String taskId = client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")).taskId();
        assertThat(client.getTask(taskId).status()).isEqualTo(TaskStatus.PENDING);

        mock.advanceClock(Duration.ofSeconds(2));

        assertThat(client.getTask(taskId).status()).isEqualTo(TaskStatus.SUCCESS);
    }
}
