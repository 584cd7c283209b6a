package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.RawHttp;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin API can reset the mock and plant tasks for real keys, so a web page the QA engineer
 * happens to open must not reach it, and with {@code --admin-token} nobody without the token can.
 */
class AdminSecurityTest {

    private static RawHttp.Answer raw(RunningMock mock, String request) {
        return RawHttp.exchange(mock.port(), request.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void refusesACrossSiteTextPlainPostThatAFormCouldSend() {
        try (RunningMock mock = RunningMock.start()) {
            var answer = mock.client().post("/__admin/reset", "{}", Map.of("Content-Type", "text/plain"));

            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.message()).isEqualTo("Invalid format: admin requests must send Content-Type application/json");
        }
    }

    @Test
    void refusesARequestFromAnotherOrigin() {
        try (RunningMock mock = RunningMock.start()) {
            var answer = mock.client().post("/__admin/reset", "{}", Map.of("Origin", "https://evil.example"));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.message()).isEqualTo(
                    "Forbidden: the admin API answers no cross-site request, got Origin 'https://evil.example'");
        }
    }

    @Test
    void acceptsItsOwnOriginSuchAsTheDashboardOnLocalhost() {
        try (RunningMock mock = RunningMock.start()) {
            var answer = mock.client().post("/__admin/reset", "{}", Map.of("Origin", "http://localhost:" + mock.port()));

            assertThat(answer.status()).isEqualTo(200);
        }
    }

    @Test
    void refusesAHostNameOtherThanThisMachineAsDnsRebindingWouldSend() {
        try (RunningMock mock = RunningMock.start()) {
            var answer = raw(mock, "GET /__admin/tasks HTTP/1.1\r\nHost: rebind.evil.example:" + mock.port()
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("Forbidden: the admin API answers only requests addressed to this machine");
            assertThat(raw(mock, "GET /__admin/tasks HTTP/1.1\r\nHost: localhost:" + mock.port()
                    + "\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
        }
    }

    @Test
    void requiresTheAdminTokenWhenOneIsSet() {
        try (RunningMock mock = RunningMock.start("--admin-token", "s3cret-admin")) {
            var without = mock.client().post("/__admin/reset", "{}", Map.of());
            var wrong = mock.client().post("/__admin/reset", "{}", Map.of("Authorization", "Bearer guess"));
            var with = mock.client().post("/__admin/reset", "{}", Map.of("Authorization", "Bearer s3cret-admin"));

            assertThat(without.status()).isEqualTo(401);
            assertThat(without.message()).isEqualTo(
                    "Authentication failed: the admin API needs 'Authorization: Bearer <admin token>' (--admin-token)");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(with.status()).isEqualTo(200);
            assertThat(mock.client().get("/__admin/tasks", Map.of()).status()).isEqualTo(401);
        }
    }

    @Test
    void saysTheAdminApiIsExposedWhenBoundBeyondLoopbackWithoutAToken() {
        try (RunningMock open = RunningMock.start("--host", "0.0.0.0");
             RunningMock guarded = RunningMock.start("--host", "0.0.0.0", "--admin-token", "t");
             RunningMock local = RunningMock.start()) {
            assertThat(open.server().adminExposed()).isTrue();
            assertThat(guarded.server().adminExposed()).isFalse();
            assertThat(local.server().adminExposed()).isFalse();
        }
    }
}
