package dev.klingeffects.mock.junit5;

import static dev.klingeffects.mock.junit5.RequestPattern.polled;
import static dev.klingeffects.mock.junit5.RequestPattern.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verifying what a service sent: method, path, headers and body fields, with the near miss when nothing matched. */
class VerificationTest {

    private static final String SUBMIT = "/api/v1/image-to-video/kling/kling-video-effects/async";

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    private final HttpClient http = HttpClient.newHttpClient();

    private int submit(String body, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + SUBMIT))
                .header("Authorization", "Bearer team-key-7").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void verifiesTheEffectAndDurationThatWereSent() throws Exception {
        submit("{\"effect_scene\":\"bullet_time\",\"image\":\"https://example.com/cat.jpg\",\"duration\":10}", null);

        mock.admin().verify(submitted().effect("bullet_time").field("duration", 10)
                .header("Authorization", "Bearer te****-7"));
        mock.admin().verify(1, submitted().field("image", "https://example.com/cat.jpg"));
        mock.requests().assertSubmits(1).verify(submitted().withoutField("images"));
    }

    @Test
    void theExtensionItselfQueuesFaultsAndVerifies() throws Exception {
        mock.faultNext(MockFault.MALFORMED_JSON);
        submit("{\"effect_scene\":\"bullet_time\",\"image\":\"https://example.com/cat.jpg\",\"duration\":10}", null);

        mock.verify(1, submitted().effect("bullet_time").fault(MockFault.MALFORMED_JSON));
        assertThatThrownBy(() -> mock.verify(submitted().field("duration", 5)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("duration: expected 5, was 10");
    }

    @Test
    void aFailedVerificationShowsTheNearMissAndWhatDiffered() throws Exception {
        submit("{\"effect_scene\":\"bullet_time\",\"image\":\"https://example.com/cat.jpg\",\"duration\":5}", null);
        new ServiceUnderTest(mock.baseUrl()).poll("task-unknown");

        assertThatThrownBy(() -> mock.admin().verify(submitted().effect("bullet_time").field("duration", 10)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected at least one request matching a submit (POST …/kling-video-effects/async) with \
                        effect_scene = "bullet_time", duration = 10, but none of the 2 recorded did
                        closest recorded request: POST /api/v1/image-to-video/kling/kling-video-effects/async -> 200
                          body: {"effect_scene":"bullet_time","image":"https://example.com/cat.jpg","duration":5}
                          differences:
                            duration: expected 10, was 5
                        every request it answered, newest first:
                          GET /api/v1/tasks/task-unknown -> 404
                          POST /api/v1/image-to-video/kling/kling-video-effects/async -> 200""");
    }

    @Test
    void aWrongCountNamesHowManyMatched() throws Exception {
        submit("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", null);

        assertThatThrownBy(() -> mock.admin().verify(2, submitted().effect("pet_lion_pro")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected 2 requests matching a submit (POST …/kling-video-effects/async) with "
                        + "effect_scene = \"pet_lion_pro\" but 1 of the 1 recorded did");
    }

    @Test
    void tooManyMatchesListTheMatchingRequestsNotANearMiss() throws Exception {
        submit("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", null);
        new ServiceUnderTest(mock.baseUrl()).poll("task-1");

        assertThatThrownBy(() -> mock.admin().verify(0, submitted()))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected 0 requests matching a submit (POST …/kling-video-effects/async) but 1 of the 2 recorded did
                        matching requests, newest first:
                          POST /api/v1/image-to-video/kling/kling-video-effects/async -> 200
                            body: {"effect_scene":"pet_lion_pro","image":"https://example.com/cat.jpg"}
                        every request it answered, newest first:
                          GET /api/v1/tasks/task-1 -> 404
                          POST /api/v1/image-to-video/kling/kling-video-effects/async -> 200""");
    }

    @Test
    void aWrongSubmitCountListsEveryRequestOnItsOwnLine() throws Exception {
        submit("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", null);

        assertThatThrownBy(() -> mock.requests().assertSubmits(2))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected 2 submits but the mock recorded 1
                        every request it answered, newest first:
                          POST /api/v1/image-to-video/kling/kling-video-effects/async -> 200""");
    }

    @Test
    void aRequestOfAnotherRouteIsFartherThanOneWithAWrongField() throws Exception {
        submit("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", null);
        new ServiceUnderTest(mock.baseUrl()).poll("task-1");

        assertThatThrownBy(() -> mock.admin().verify(submitted().effect("bullet_time")))
                .hasMessageContaining("closest recorded request: POST " + SUBMIT)
                .hasMessageContaining("effect_scene: expected \"bullet_time\", was \"pet_lion_pro\"");
        assertThatThrownBy(() -> mock.admin().verify(polled("task-2")))
                .hasMessageContaining("closest recorded request: GET /api/v1/tasks/task-1 -> 404")
                .hasMessageContaining("route: expected a poll of task-2 (GET /api/v1/tasks/task-2), was GET /api/v1/tasks/task-1");
    }

    @Test
    void aQueuedFaultIsAnsweredAndRecorded() throws Exception {
        mock.admin().faultNext(MockFault.CONNECTION_RESET);

        assertThatThrownBy(() -> submit("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", null))
                .isInstanceOf(IOException.class);
        mock.admin().verify(submitted().fault(MockFault.CONNECTION_RESET).status(0));
        assertThat(mock.tasks()).hasSize(1);
    }

    @Test
    void aFaultForOneKeyLeavesOtherKeysAlone() throws Exception {
        mock.admin().faultNext("someone-else", 1, MockFault.EMPTY_RESPONSE, MockFault.When.BEFORE);

        assertThat(submit("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", null))
                .isEqualTo(200);
        mock.admin().clearQueued();
    }
}
