package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.RawHttp;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the HTTP layer refuses before any route (odd methods, odd targets, other protocols) still
 * comes in the API's error shape, never as an empty body or a 5xx.
 */
class HttpLayerRefusalsTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    private static final String ERROR_SHAPE = "\\{\"code\":(\\d{3}),\"message\":\"[A-Z][A-Za-z ]*: .+\"}";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "OPTIONS * HTTP/1.1                        | 404",
        "DELETE /a//b HTTP/1.1                     | 400",
        "PUT /%2e%2e/x HTTP/1.1                    | 400",
        "PATCH /https://example.com/a.jpg HTTP/1.1 | 400",
        "OPTIONS /a//b HTTP/1.1                    | 400",
        "GET /api/v1/tasks/%u0041 HTTP/1.1         | 400",
        "GET /files/%u0041.mp4 HTTP/1.1            | 400",
        "GET /api/v1/tasks/%zz HTTP/1.1            | 400",
        "GET /health HTTP/1.2                      | 400",
        "GET /health HTTP/3.0                      | 400",
        "PRI * HTTP/2.0                            | 426",
        "CONNECT example.com:443 HTTP/1.1          | 400"})
    void refusesInTheErrorShape(String requestLine, int status) {
        String request = requestLine.strip() + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\nConnection: close\r\n\r\n";

        RawHttp.Answer answer = RawHttp.exchange(mock.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body()).matches(ERROR_SHAPE).contains("\"code\":" + status);
    }

    @Test
    void aTunnelRequestIsRefusedAndTheConnectionClosed() {
        RawHttp.Answer answer = RawHttp.exchange(mock.port(), ("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.body()).isEqualTo("{\"code\":405,\"message\":\"Method not allowed: CONNECT is not served here\"}");
    }

    @Test
    void anUnknownHttpVersionIsAClientErrorNotA505() {
        RawHttp.Answer answer = RawHttp.exchange(mock.port(),
                "GET /health HTTP/1.2\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.body()).isEqualTo("{\"code\":400,\"message\":\"Invalid format: unsupported HTTP version, use HTTP/1.1\"}");
    }

    @Test
    void headRunsTheGetRouteAndItsChecksButSendsNoBody() {
        var withoutKey = mock.client().send("HEAD", "/api/v1/tasks/task-x", null, Map.of());
        var withKey = mock.client().send("HEAD", "/api/v1/tasks/task-x", null, AUTH);
        var health = mock.client().send("HEAD", "/health", null, Map.of());

        assertThat(withoutKey.status()).isEqualTo(401);
        assertThat(withKey.status()).isEqualTo(404);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).startsWith("application/json");
        assertThat(health.raw().body()).isEmpty();
    }
}
