package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.KEY;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.support.Eventually;
import dev.klingeffects.mock.support.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stop lets an upload that keeps its rate finish within the grace, idle connections hold nothing up, and what
 * is still waiting when the grace ends is cut.
 */
class GracefulStopTest {

    private static MockServer start(String grace) {
        return MockServer.create(SettingsParser.parse(new String[] {"--port", "0", "--access-log", "false",
                "--shutdown-grace", grace}, Map.of(), ContractSpec.load().modellix())).start();
    }

    @Test
    void anUploadArrivingWithPausesFinishesAfterTheStopBegan() throws Exception {
        MockServer server = start("10");
        byte[] body = paddedSubmit(96 * 1024);
        byte[] head = ("POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (RawHttp.OpenRequest upload = RawHttp.open(server.port(), head)) {
            CompletableFuture<Void> stopped = null;
            // 4 KiB every 50 ms, five times the minimum rate: a pause between pieces is how uploads arrive.
            for (int sent = 0; sent < body.length; sent += 4096) {
                assertThat(upload.send(Arrays.copyOfRange(body, sent, Math.min(body.length, sent + 4096)))).isTrue();
                if (stopped == null && server.uploads().receiving() > 0) {
                    stopped = CompletableFuture.runAsync(server::stop);
                }
                pause(50);
            }

            RawHttp.Answer answer = upload.answer();

            assertThat(stopped).as("the upload never started being received").isNotNull();
            stopped.get();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"pending\"");
        }
    }

    @Test
    void anIdleKeepAliveConnectionDoesNotHoldTheStopForItsGrace() throws Exception {
        MockServer server = start("10");
        // The client keeps its connection open after the answer, as HTTP clients do.
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        long started = System.nanoTime();

        server.stop();

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void delayedAnswersStillWaitingWhenTheGraceEndsAreCutNotAnsweredWithAMadeUp500() throws Exception {
        MockServer server = start("0");
        byte[] body = paddedSubmit(200);
        byte[] request = ("POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                + "\r\nContent-Type: application/json\r\nPrefer: delay=60000\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        // Whether Jetty's error page reaches a client before its connection closes is a race that the page
        // mostly wins; six clients make a pass by luck of that race all but impossible.
        List<RawHttp.OpenRequest> delayed = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                delayed.add(RawHttp.open(server.port(), request));
                assertThat(delayed.get(i).send(body)).isTrue();
            }
            Eventually.await("six delayed submits in flight", Duration.ofSeconds(10),
                    () -> server.requestsInFlight() == 6);

            server.stop();

            for (RawHttp.OpenRequest client : delayed) {
                RawHttp.Answer answer = client.answer();
                assertThat(answer.status()).as("answered %s: %s", answer.status(), answer.body()).isEqualTo(-1);
                assertThat(answer.body()).isEmpty();
            }
        } finally {
            delayed.forEach(RawHttp.OpenRequest::close);
        }
    }

    @Test
    void delayedAnswersDueWithinTheGraceAreAnsweredWhateverTheConnectionsKind() throws Exception {
        MockServer server = start("10");
        byte[] body = paddedSubmit(200);
        List<RawHttp.OpenRequest> delayed = new ArrayList<>();
        try {
            for (String kind : List.of("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n", "HTTP/1.0\r\n")) {
                byte[] head = ("POST " + SUBMIT + " " + kind + "Host: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                        + "\r\nContent-Type: application/json\r\nPrefer: delay=1500\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                RawHttp.OpenRequest client = RawHttp.open(server.port(), head);
                delayed.add(client);
                assertThat(client.send(body)).isTrue();
            }
            Eventually.await("three delayed submits in flight", Duration.ofSeconds(10),
                    () -> server.requestsInFlight() == 3);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);

            for (RawHttp.OpenRequest client : delayed) {
                RawHttp.Answer answer = client.answer();
                assertThat(answer.status()).as("answered %s: %s", answer.status(), answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"status\":\"pending\"");
            }
            stopped.get();
        } finally {
            delayed.forEach(RawHttp.OpenRequest::close);
        }
    }

    private static byte[] paddedSubmit(int size) {
        String start = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\"";
        return (start + " ".repeat(size - start.length() - 1) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
