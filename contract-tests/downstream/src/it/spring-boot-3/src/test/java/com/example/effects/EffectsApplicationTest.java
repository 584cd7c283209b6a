package com.example.effects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A @SpringBootTest on the team's own Jetty and Logback, with the mock extension beside it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "modellix.api-key=test-key")
class EffectsApplicationTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @DynamicPropertySource
    static void pointTheClientAtTheMock(DynamicPropertyRegistry registry) {
        registry.add("modellix.base-url", mock::baseUrl);
    }

    @Autowired
    Environment environment;

    @Test
    void submitsThroughTheServiceToTheMock() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + environment.getProperty("local.server.port")
                                + "/lion?image=https://example.com/cat.jpg"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("task-");
        mock.requests().assertSubmits(1);
    }

    @Test
    void keepsTheTeamsLoggingAndJetty() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("ch.qos.logback");
        assertThat(org.eclipse.jetty.util.Jetty.VERSION).isEqualTo(System.getProperty("expected.jetty"));
    }
}
