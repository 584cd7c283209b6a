package dev.klingeffects.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskFailedException;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.mock.junit5.MockAdmin;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** What a team's integration test gets from the annotation alone: a client on the mock, and the mock's admin. */
@SpringBootTest(classes = EffectsTestApplication.class, properties = "modellix.api-key=a-real-key-never-sent-to-the-mock")
@AutoConfigureKlingEffectsMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureKlingEffectsMockTest {

    static final EffectRequest LION = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    @Autowired
    KlingEffectsClient client;

    @Autowired
    MockAdmin mock;

    @Autowired
    Environment environment;

    @Test
    @Order(1)
    void aTaskCompletesOnItsOwnWithinSeconds() {
        long start = System.nanoTime();

        EffectTask done = client.submitAndAwait(LION, Duration.ofSeconds(30));

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        mock.requests().assertSubmits(1);
    }

    @Test
    @Order(2)
    void eachTestStartsWithAnEmptyMock() {
        assertThat(mock.tasks()).isEmpty();
        assertThat(mock.requests().all()).isEmpty();
    }

    @Test
    @Order(3)
    void theAdminClientDrivesTheMockTheClientTalksTo() {
        mock.failNext("Image pixel is invalid");

        assertThatThrownBy(() -> client.submitAndAwait(LION, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(TaskFailedException.class,
                        failed -> assertThat(failed.getMessage()).contains("Image pixel is invalid"));
    }

    @Test
    @Order(4)
    void theMockTakesTheTestKeyNotTheApplicationsOwn() {
        assertThat(environment.getProperty("modellix.api-key")).isEqualTo("test-key");
        assertThat(environment.getProperty("modellix.base-url")).startsWith("http://");
    }
}
