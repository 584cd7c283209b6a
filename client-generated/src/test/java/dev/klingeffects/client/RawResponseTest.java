package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status and headers of a successful answer, rate limits included, along with its value. */
class RawResponseTest {

    private static final Map<String, String> RATE_HEADERS = Map.of(
            "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "97", "X-RateLimit-Reset", "1764547200");

    @Test
    void aPollGivesItsStatusHeadersAndRateLimitsWithTheTask() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.task("processing", ""), RATE_HEADERS)) {
            RawResponse<EffectTask> response = Clients.against(server, new FakeTiming()).build()
                    .withRawResponse().getTask("task-1");

            assertThat(response.httpStatus()).isEqualTo(200);
            assertThat(response.value().status()).isEqualTo(TaskStatus.PROCESSING);
            assertThat(response.header("x-ratelimit-remaining")).contains("97");
            assertThat(response.rateLimit().limit()).isEqualTo(100);
            assertThat(response.rateLimit().remaining()).isEqualTo(97);
            assertThat(response.rateLimit().resetAt()).isEqualTo(Instant.ofEpochSecond(1764547200));
        }
    }

    @Test
    void aSubmitGivesTheAnswerOfTheAttemptThatSucceeded() throws Exception {
        try (ScriptedServer server = new ScriptedServer()
                .then(429, ScriptedServer.error(429, "Rate limit exceeded: wait"), Map.of("Retry-After", "1", "X-RateLimit-Remaining", "0"))
                .then(200, ScriptedServer.submitted(), RATE_HEADERS)) {
            RawResponse<SubmittedTask> response = Clients.against(server, new FakeTiming()).build().withRawResponse()
                    .submitAsync(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")).get();

            assertThat(response.value().taskId()).isEqualTo("task-1");
            assertThat(response.rateLimit().remaining()).isEqualTo(97);
        }
    }
}
