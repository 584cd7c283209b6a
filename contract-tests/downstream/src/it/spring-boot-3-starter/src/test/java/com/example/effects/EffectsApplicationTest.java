package com.example.effects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.TaskStatus;
import dev.klingeffects.mock.junit5.MockAdmin;
import dev.klingeffects.spring.boot.test.AutoConfigureKlingEffectsMock;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** The team's integration test: one annotation, no key, no URL, no mock plumbing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureKlingEffectsMock
class EffectsApplicationTest {

    @Autowired
    KlingEffectsClient client;

    @Autowired
    MockAdmin mock;

    @Autowired
    MeterRegistry registry;

    @Autowired
    Environment environment;

    @Test
    void submitsThroughTheServiceAndTheTaskCompletesOnItsOwn() throws Exception {
        HttpResponse<String> answer = send("POST", "/lion?image=https://example.com/cat.jpg");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(client.awaitCompletion(answer.body(), Duration.ofSeconds(30)).status()).isEqualTo(TaskStatus.SUCCESS);
        mock.requests().assertSubmits(1);
    }

    @Test
    void metersTheClientInTheApplicationsRegistry() {
        client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofSeconds(30));

        assertThat(registry.get("modellix.client.requests").tags("operation", "submit", "status", "200").timer().count())
                .isPositive();
        assertThat(registry.get("modellix.client.tasks.unfinished").gauge()).isNotNull();
        // Each call is an observation (a span with Micrometer Tracing); Actuator's meter handler times it.
        assertThat(registry.get("modellix.client.call").tags("operation", "submit_and_await").timer().count()).isEqualTo(1);
    }

    @Test
    void reportsTheApiHealthyThroughActuatorWithoutSubmitting() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health/modellix");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"httpStatus\":404");
        mock.requests().assertSubmits(0);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getProperty("local.server.port") + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
