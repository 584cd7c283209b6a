package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.mock.support.Eventually;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import dev.klingeffects.mock.support.SocketExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Network faults on every route, asked for with {@code Prefer} or queued through the admin API. */
class FaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Authorization: Bearer " + Requests.KEY + "\r\n";
    private static final String BODY = Requests.singleImage("pet_lion_pro");

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private SocketExchange submit(String prefer) {
        return SocketExchange.send(mock.port(), "POST", SUBMIT, BEARER + "Prefer: " + prefer + "\r\n", BODY);
    }

    private HttpResponse<String> javaSubmit(String prefer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + SUBMIT)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Requests.KEY).header("Content-Type", "application/json")
                .header("Prefer", prefer).POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode tasks() {
        return mock.client().get("/__admin/tasks", Map.of()).json().path("tasks");
    }

    private JsonNode lastRequest() {
        return mock.client().get("/__admin/requests?order=newest&limit=1", Map.of()).json().path("requests").get(0);
    }

    @Test
    void connectionResetAfterTheSubmitLeavesATaskItsClientNeverHeardOf() {
        SocketExchange exchange = submit("fault=connection-reset");

        assertThat(exchange.reset()).isTrue();
        assertThat(exchange.received()).isEmpty();
        assertThat(tasks()).hasSize(1);
        assertThat(lastRequest().path("fault").asText()).isEqualTo("fault=connection-reset; fault-when=after");
        assertThat(lastRequest().path("status").asInt()).isZero();
    }

    @Test
    void connectionResetBeforeTheSubmitCreatesNoTask() {
        SocketExchange exchange = submit("fault=connection-reset; fault-when=before");

        assertThat(exchange.reset()).isTrue();
        assertThat(tasks()).isEmpty();
        assertThat(lastRequest().path("fault").asText()).isEqualTo("fault=connection-reset; fault-when=before");
    }

    @Test
    void aJavaClientSeesTheResetAsAnIoErrorAndTheNextRequestIsAnsweredNormally() {
        assertThatThrownBy(() -> javaSubmit("fault=connection-reset")).isInstanceOf(IOException.class);

        assertThat(mock.client().post(SUBMIT, BODY, AUTH).status()).isEqualTo(200);
    }

    @Test
    void emptyResponseClosesWithoutAByte() {
        SocketExchange exchange = submit("fault=empty-response");

        assertThat(exchange.reset()).isFalse();
        assertThat(exchange.received()).isEmpty();
        assertThatThrownBy(() -> javaSubmit("fault=empty-response")).isInstanceOf(IOException.class);
        assertThat(tasks()).hasSize(2);
    }

    @Test
    void malformedJsonIsA200WhoseBodyIsNotJson() throws Exception {
        HttpResponse<String> answer = javaSubmit("fault=malformed-json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThatThrownBy(() -> JSON.readTree(answer.body())).isInstanceOf(IOException.class);
        assertThat(answer.headers().firstValue("Preference-Applied")).hasValue("fault=malformed-json, fault-when=after");
    }

    @Test
    void truncatedBodyPromisesMoreThanItSendsThenCloses() {
        SocketExchange exchange = submit("fault=truncated-body");

        String head = exchange.text().substring(0, exchange.text().indexOf("\r\n\r\n"));
        long promised = Long.parseLong(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(head).startsWith("HTTP/1.1 200");
        assertThat(exchange.body().length()).isPositive().isLessThan((int) promised);
        assertThatThrownBy(() -> javaSubmit("fault=truncated-body")).isInstanceOf(IOException.class);
    }

    @Test
    void slowBodyDribblesTheRightAnswerOverTheDelay() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = javaSubmit("fault=slow-body, delay=600");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).at("/data/task_id").asText()).startsWith("task-");
        assertThat(millis).isBetween(540L, 5_000L);
    }

    @Test
    void slowBodySendsItsFirstPieceLongBeforeItsLast() throws Exception {
        String head = "POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + BEARER
                + "Prefer: fault=slow-body, delay=1500\r\nContent-Type: application/json\r\nContent-Length: "
                + BODY.length() + "\r\n\r\n" + BODY;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(10_000);
            long started = System.nanoTime();
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            int first = in.read();
            long firstMillis = (System.nanoTime() - started) / 1_000_000;
            byte[] rest = in.readAllBytes();
            long lastMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(first).isEqualTo('H');
            assertThat(firstMillis).isLessThan(750);
            assertThat(lastMillis).isGreaterThanOrEqualTo(1350);
            assertThat(new String(rest, java.nio.charset.StandardCharsets.US_ASCII)).contains("\"task_id\"");
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"fault=malformed-json, submit", "fault=truncated-body, submit", "fault=slow-body; delay=200, submit",
            "code=500; fault=slow-body; delay=200, submit", "fault=malformed-json, poll", "fault=truncated-body, poll",
            "fault=slow-body; delay=200, poll"})
    void aBodyFaultBeforeTheWorkNamesNoTaskAndNoUpstream(String prefer, String route) {
        String faults = "Prefer: " + prefer + "; fault-when=before\r\n";
        SocketExchange exchange = route.equals("submit")
                ? SocketExchange.send(mock.port(), "POST", SUBMIT, BEARER + faults, BODY)
                : SocketExchange.send(mock.port(), "GET", TASKS + "task-effects001", BEARER + faults, "");

        assertThat(exchange.text()).startsWith("HTTP/1.1 200").doesNotContain("task_id").doesNotContain("modellix.ai");
        assertThat(exchange.body()).isNotEmpty().isSubstringOf("<html><body><h1>502 Bad Gateway</h1></body></html>\n");
        assertThat(tasks()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"fault=malformed-json|fault=malformed-json, fault-when=before",
            "fault=truncated-body|fault=truncated-body, fault-when=before",
            "fault=slow-body; delay=100|delay=100, fault=slow-body, fault-when=before"})
    void aBodyFaultBeforeTheWorkSaysWhichPreferencesItApplied(String prefer, String applied) {
        SocketExchange exchange = submit(prefer + "; fault-when=before");

        assertThat(exchange.text()).contains("Preference-Applied: " + applied + "\r\n");
    }

    @Test
    void aRequestFaultedBeforeTheWorkIsJournaledWithTheBodyItSent() {
        submit("fault=connection-reset; fault-when=before");

        assertThat(lastRequest().path("fault").asText()).isEqualTo("fault=connection-reset; fault-when=before");
        assertThat(lastRequest().path("body").asText()).contains("pet_lion_pro");
        assertThat(tasks()).isEmpty();
    }

    @Test
    void malformedJsonKeepsTheStatusAndHeadersOfTheAnswerItMangles() throws Exception {
        HttpResponse<String> answer = javaSubmit("code=429, fault=malformed-json");

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("Preference-Applied"))
                .hasValue("code=429, fault=malformed-json, fault-when=after");
        assertThatThrownBy(() -> JSON.readTree(answer.body())).isInstanceOf(IOException.class);
        assertThat(lastRequest().path("status").asInt()).isEqualTo(429);
    }

    @Test
    void aSlowBodyWhoseClientLeftStopsDribbling() throws Exception {
        String head = "POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + BEARER
                + "Prefer: fault=slow-body, delay=6000\r\nContent-Type: application/json\r\nContent-Length: "
                + BODY.length() + "\r\n\r\n" + BODY;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo('H');
            assertThat(mock.server().requestsInFlight()).isPositive();
        }

        // Pieces come every 0.6 s: the first write after the client left fails, or the next one does, long
        // before the 6 s are out (a dribble that went on to its end would still be in flight at 4 s).
        Eventually.await("end of the dribble", Duration.ofSeconds(4), () -> mock.server().requestsInFlight() == 0);
    }

    @Test
    void faultsReachThePollAndTheResultFile() {
        String taskId = mock.client().post(SUBMIT, BODY, Map.of("Authorization", "Bearer " + Requests.KEY,
                "Prefer", "outcome=success")).json().at("/data/task_id").asText();
        mock.advanceClock(60_000);
        String url = mock.client().get(TASKS + taskId, AUTH).json().at("/data/result/resources/0/url").asText();
        String file = URI.create(url).getPath();

        SocketExchange poll = SocketExchange.send(mock.port(), "GET", TASKS + taskId,
                BEARER + "Prefer: fault=connection-reset\r\n", "");
        SocketExchange video = SocketExchange.send(mock.port(), "GET", file, "Prefer: fault=truncated-body\r\n", "");

        assertThat(poll.reset()).isTrue();
        assertThat(video.text()).startsWith("HTTP/1.1 200").contains("video/mp4");
        assertThat(video.body().length()).isLessThan(Integer.parseInt(video.text().replaceAll("(?s).*Content-Length: (\\d+).*", "$1")));
    }

    @Test
    void aQueuedFaultHitsTheNextRequestsOfItsKeyOnly() {
        var queued = mock.client().post("/__admin/outcomes",
                "{\"fault\": \"empty-response\", \"api_key\": \"" + Requests.KEY + "\", \"count\": 2}", Map.of());
        assertThat(queued.status()).isEqualTo(200);

        SocketExchange other = SocketExchange.send(mock.port(), "POST", SUBMIT, "Authorization: Bearer someone-else\r\n", BODY);
        SocketExchange first = SocketExchange.send(mock.port(), "POST", SUBMIT, BEARER, BODY);
        SocketExchange second = SocketExchange.send(mock.port(), "GET", TASKS + "task-x", BEARER, "");
        SocketExchange third = SocketExchange.send(mock.port(), "POST", SUBMIT, BEARER, BODY);

        assertThat(other.text()).startsWith("HTTP/1.1 200");
        assertThat(first.received()).isEmpty();
        assertThat(second.received()).isEmpty();
        assertThat(third.text()).startsWith("HTTP/1.1 200");
    }

    @Test
    void aQueuedFaultBeforeTheWorkCreatesNoTask() {
        mock.client().post("/__admin/outcomes", "{\"fault\": \"connection-reset\", \"fault_when\": \"before\"}", Map.of());

        assertThat(SocketExchange.send(mock.port(), "POST", SUBMIT, BEARER, BODY).reset()).isTrue();
        assertThat(tasks()).isEmpty();
    }

    @Test
    void anUnknownFaultIsRefusedByTheAdminApiAndIgnoredInPrefer() {
        var refused = mock.client().post("/__admin/outcomes", "{\"fault\": \"meteor-strike\"}", Map.of());
        var answer = mock.client().post(SUBMIT, BODY, Map.of("Authorization", "Bearer k", "Prefer", "fault=meteor-strike"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("connection-reset, empty-response, malformed-json, truncated-body, slow-body");
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void resetForgetsQueuedFaults() {
        mock.client().post("/__admin/outcomes", "{\"fault\": \"connection-reset\"}", Map.of());

        mock.reset();

        assertThat(mock.client().post(SUBMIT, BODY, AUTH).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"connection-reset, after", "connection-reset, before", "empty-response, after", "malformed-json, before",
            "truncated-body, after", "slow-body, after"})
    void aFaultedRequestLeavesNothingInFlightAndTheConnectionAfterItWorks(String fault, String when) {
        submit("fault=" + fault + "; fault-when=" + when + "; delay=100");

        Eventually.await("moment without a request in flight", Duration.ofSeconds(5), () -> mock.server().requestsInFlight() == 0);
        assertThat(SocketExchange.send(mock.port(), "POST", SUBMIT, BEARER, BODY).text()).startsWith("HTTP/1.1 200");
    }
}
