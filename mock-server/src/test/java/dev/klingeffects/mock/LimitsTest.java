package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import org.junit.jupiter.api.Test;

/** Upstream-like limits, off by default: requests per minute and unfinished tasks per key. */
class LimitsTest {

    @Test
    void sendsNoRateLimitHeadersWhenLimitsAreOff() {
        try (RunningMock mock = RunningMock.start()) {
            var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);

            assertThat(answer.header("X-RateLimit-Limit")).isNull();
        }
    }

    @Test
    void countsRequestsPerKeyAndRefusesOverTheLimit() {
        try (RunningMock mock = RunningMock.start("--rate-limit", "3")) {
            for (int remaining = 2; remaining >= 0; remaining--) {
                var answer = mock.client().get(TASKS + "task-x", AUTH);
                assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("3");
                assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            }

            var refused = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);

            assertThat(refused.status()).isEqualTo(429);
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(refused.message())
                    .isEqualTo("Rate limit exceeded: at most 3 requests per minute per team, retry after " + retryAfter + " s");
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(Long.parseLong(refused.header("X-RateLimit-Reset")) * 1000)
                    .isGreaterThan(System.currentTimeMillis() - 1000);
            assertThat(mock.client().get(TASKS + "task-x", Requests.auth("another-team")).status()).isEqualTo(404);
        }
    }

    @Test
    void rateLimitWindowResetsAfterAMinute() {
        try (RunningMock mock = RunningMock.start("--rate-limit", "1")) {
            mock.client().get(TASKS + "task-x", AUTH);
            assertThat(mock.client().get(TASKS + "task-x", AUTH).status()).isEqualTo(429);

            mock.advanceClock(60_000);

            assertThat(mock.client().get(TASKS + "task-x", AUTH).status()).isEqualTo(404);
        }
    }

    @Test
    void refusesASubmitOverTheConcurrentTaskLimitUntilOneFinishes() {
        try (RunningMock mock = RunningMock.start("--concurrent-limit", "2", "--pending-ms", "0", "--processing-ms", "1000",
                "--frozen-clock", "true")) {
            for (int i = 0; i < 2; i++) {
                assertThat(mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).status()).isEqualTo(200);
            }

            var refused = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);
            var otherTeam = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), Requests.auth("team-b"));

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.message())
                    .isEqualTo("Concurrent limit exceeded: at most 2 unfinished tasks per team, wait for one to finish");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(otherTeam.status()).isEqualTo(200);

            mock.advanceClock(1000);

            assertThat(mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).status()).isEqualTo(200);
        }
    }

    @Test
    void realisticProfileTakesItsLimitsFromTheSpec() {
        try (RunningMock mock = RunningMock.start("--profile", "realistic")) {
            var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);

            assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("100");
            for (int i = 0; i < 2; i++) {
                mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH);
            }
            assertThat(mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), AUTH).message())
                    .startsWith("Concurrent limit exceeded: at most 3 unfinished tasks");
        }
    }
}
