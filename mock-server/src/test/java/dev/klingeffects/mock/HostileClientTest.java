package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.KEY;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Eventually;
import dev.klingeffects.mock.support.RawHttp;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that attack the mock's bodies: slow, stalled, cut short, badly chunked, too many or too
 * large at once. Each gets an answer in the API's error shape, and everyone else keeps being served.
 */
class HostileClientTest {

    private static final String JSON_ERROR = "\\{\"code\":\\d{3},\"message\":\"[A-Z][A-Za-z ]*: .+\"}";

    private static byte[] submitHead(String lengthOrChunked) {
        return ("POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                + "\r\nContent-Type: application/json\r\n" + lengthOrChunked + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aBodyThatStopsArrivingGets408WithinTheBodyTimeout() {
        try (RunningMock mock = RunningMock.start("--body-timeout", "1");
             RawHttp.OpenRequest stalled = RawHttp.open(mock.port(), submitHead("Content-Length: 28000000"))) {
            stalled.send(bytes("{\"effect_scene\""));

            RawHttp.Answer answer = stalled.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).isEqualTo(
                    "{\"code\":408,\"message\":\"Invalid format: request body too slow: it must arrive at 16 KiB/s or faster, and whole within 1 s\"}");
        }
    }

    @Test
    void aTrickledBodyIsCutAtTheBodyTimeout() {
        try (RunningMock mock = RunningMock.start("--body-timeout", "1");
             RawHttp.OpenRequest slow = RawHttp.open(mock.port(), submitHead("Content-Length: 1000"))) {
            long started = System.nanoTime();
            // One byte at a time, slower than the limit allows: the trickle is the attack, not a wait.
            while (slow.send(bytes("x")) && System.nanoTime() - started < 5_000_000_000L) {
                pause(100);
            }

            RawHttp.Answer answer = slow.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4000);
        }
    }

    @Test
    void uploadsBeyondMaxUploadsGet503AtOnceWhileRequestsWithoutBodiesAreStillServed() {
        try (RunningMock mock = RunningMock.start("--max-uploads", "2", "--body-timeout", "10")) {
            List<RawHttp.OpenRequest> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    stalled.add(RawHttp.open(mock.port(), submitHead("Content-Length: 100000")));
                    stalled.get(i).send(bytes("{"));
                }
                awaitReceiving(mock, 2);

                long started = System.nanoTime();
                RawHttp.Answer third;
                try (RawHttp.OpenRequest partial = RawHttp.open(mock.port(), submitHead("Content-Length: 100000"))) {
                    partial.send(bytes("{"));
                    third = partial.answer();
                }

                assertThat(third.status()).isEqualTo(503);
                assertThat(third.body()).contains("Service unavailable: too many uploads are being received at once");
                assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
                assertThat(mock.client().get("/health", java.util.Map.of()).status()).isEqualTo(200);
                // A small body that has arrived whole cannot stall a thread: it is served without a place.
                assertThat(mock.client().post(SUBMIT, dev.klingeffects.mock.support.Requests.singleImage("pet_lion_pro"),
                        dev.klingeffects.mock.support.Requests.AUTH).status()).isEqualTo(200);
            } finally {
                stalled.forEach(RawHttp.OpenRequest::close);
            }
        }
    }

    @Test
    void bodiesBeyondTheUploadMemoryWaitThenGet503() {
        // One maximal body's reservation is the floor of the budget: a second one cannot fit beside it.
        byte[] arriving = new byte[100_000];
        java.util.Arrays.fill(arriving, (byte) ' ');
        try (RunningMock mock = RunningMock.start("--upload-memory", "1", "--body-timeout", "4");
             RawHttp.OpenRequest first = RawHttp.open(mock.port(), concat(submitHead("Content-Length: 28000000"), arriving))) {
            Eventually.await("memory reserved for the first body", Duration.ofSeconds(5),
                    () -> mock.server().uploads().memoryInUse() >= 28_000_000);

            RawHttp.Answer second = RawHttp.exchange(mock.port(), concat(submitHead("Content-Length: 28000000"), arriving));

            assertThat(second.status()).isEqualTo(503);
            assertThat(second.body()).contains("the uploads in flight hold all the memory the mock gives them");
        }
    }

    @Test
    void aTrickleHoldsNoMoreThanItsFirstBufferOfUploadMemory() {
        try (RunningMock mock = RunningMock.start("--body-timeout", "10");
             RawHttp.OpenRequest trickle = RawHttp.open(mock.port(), submitHead("Content-Length: 28000000"))) {
            trickle.send(bytes("{"));
            awaitReceiving(mock, 1);

            assertThat(mock.server().uploads().memoryInUse()).isLessThanOrEqualTo(100 * 1024);
        }
    }

    @Test
    void aBodyCutShortIs400InTheErrorShape() {
        try (RunningMock mock = RunningMock.start()) {
            RawHttp.Answer answer = RawHttp.exchange(mock.port(),
                    concat(submitHead("Content-Length: 100"), bytes("{\"effect_scene\": \"pet")));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("{\"code\":400,\"message\":\"Invalid format: request body is incomplete "
                    + "or its chunked framing is malformed\"}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zz\r\nabc\r\n0\r\n\r\n", "-5\r\nabcde\r\n0\r\n\r\n", "3\r\nabc0\r\n\r\n", "5\r\nab"})
    void badChunkFramingIs400InTheErrorShape(String chunks) {
        try (RunningMock mock = RunningMock.start()) {
            RawHttp.Answer answer = RawHttp.exchange(mock.port(),
                    concat(submitHead("Transfer-Encoding: chunked"), bytes(chunks)));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).matches(JSON_ERROR);
            assertThat(mock.client().get("/health", java.util.Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void aRefusedBodyIsNotReadBeyondItsBound() {
        // No key: 401. The declared body is far over what a refusal drains, so the answer comes at once.
        try (RunningMock mock = RunningMock.start();
             RawHttp.OpenRequest huge = RawHttp.open(mock.port(), bytes("POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     + "Content-Type: application/json\r\nContent-Length: 900000000\r\n\r\n{"))) {
            RawHttp.Answer answer = huge.answer();

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).matches(JSON_ERROR);
        }
    }

    @Test
    void aRefusalIsAnsweredAtOnceToAClientWaitingFor100Continue() {
        // No key: 401 without ever asking for the body, so never "100 Continue" first.
        try (RunningMock mock = RunningMock.start();
             RawHttp.OpenRequest waiting = RawHttp.open(mock.port(), bytes("POST " + SUBMIT + " HTTP/1.1\r\n"
                     + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                     + "Content-Length: 1000\r\n\r\n"))) {
            RawHttp.Answer answer = waiting.answer();

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).matches(JSON_ERROR);
        }
    }

    @Test
    void aBodyTooLargeIsRefusedAtOnceToAClientWaitingFor100Continue() {
        try (RunningMock mock = RunningMock.start();
             RawHttp.OpenRequest waiting = RawHttp.open(mock.port(),
                     submitHead("Expect: 100-continue\r\nContent-Length: 30000000"))) {
            RawHttp.Answer answer = waiting.answer();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).matches(JSON_ERROR);
        }
    }

    @Test
    void aClientWaitingFor100ContinueWithAnAcceptableBodyIsAskedForIt() throws Exception {
        try (RunningMock mock = RunningMock.start()) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(mock.baseUrl() + SUBMIT))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .expectContinue(true)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            dev.klingeffects.mock.support.Requests.singleImage("pet_lion_pro"))).build();

            var answer = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }

    private static void awaitReceiving(RunningMock mock, int uploads) {
        Eventually.await("stalled body being received", Duration.ofSeconds(5),
                () -> mock.server().uploads().receiving() >= uploads);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
