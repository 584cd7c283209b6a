package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key goes to the API's origin only: a redirect is an answer, never followed. */
class RedirectTest {

    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    @Test
    void anHttpClientThatFollowsRedirectsIsRefusedAtBuild() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        var thrown = catchThrowableOfType(IllegalArgumentException.class,
                () -> KlingEffectsClient.builder().apiKey(Clients.KEY).httpClient(following));

        assertThat(thrown).hasMessageContaining("Redirect.NEVER");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void aSubmitAnsweredByARedirectIsAnErrorAndTheOtherHostHearsNothing(int status) {
        try (ScriptedServer elsewhere = new ScriptedServer().always(200, ScriptedServer.submitted("task-elsewhere"));
             ScriptedServer server = new ScriptedServer()) {
            server.then(status, "", Map.of("Location", elsewhere.baseUrl() + "/api/v1/image-to-video/kling/kling-video-effects/async"));
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(ModellixApiException.class, () -> client.submit(REQUEST));

            assertThat(thrown.httpStatus()).isEqualTo(status);
            assertThat(thrown.retryable()).isFalse();
            assertThat(elsewhere.received()).isEmpty();
            assertThat(server.received()).hasSize(1);
        }
    }
}
