package com.example.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The team's Javalin 6 service submits through the client to the mock; both servers run in one JVM. */
class OwnJavalinTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void theTeamsJavalinAndTheMockRunSideBySide() throws Exception {
        KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(mock.baseUrl()).apiKey("test-key").build();
        Javalin service = Javalin.create()
                .post("/lion", ctx -> ctx.result(client.submit(
                        EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")).taskId()))
                .start(0);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/lion"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().startsWith("task-"), answer.body());
            assertTrue(org.eclipse.jetty.util.Jetty.VERSION.startsWith("11."), org.eclipse.jetty.util.Jetty.VERSION);
            mock.requests().assertSubmits(1);
        } finally {
            service.stop();
            client.close();
        }
    }
}
