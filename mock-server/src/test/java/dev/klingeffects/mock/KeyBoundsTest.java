package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import dev.klingeffects.mock.tasks.MockClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client's key may cost: a key is accepted up to a documented length, remembered only as a
 * fixed-size fingerprint, and the rate limiter counts a bounded number of keys apart.
 */
class KeyBoundsTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass("--rate-limit", "1000");

    @Test
    void acceptsAKeyOfExactlyTheLongestLength() {
        String key = "k".repeat(ApiKeys.MAX_KEY_CHARS);

        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), Requests.auth(key));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(mock.client().get(TASKS + answer.json().path("data").path("task_id").asText(), Requests.auth(key))
                .status()).isEqualTo(200);
    }

    @Test
    void refusesASubmitWithAKeyOneCharacterLongerWith401() {
        var answer = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"),
                Requests.auth("k".repeat(ApiKeys.MAX_KEY_CHARS + 1)));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(
                "{\"code\":401,\"message\":\"Authentication failed: API key is longer than 1024 characters\"}");
    }

    @Test
    void refusesAPollWithA60KilobyteKeyBeforeTheRateLimiterSeesIt() {
        var answer = mock.client().get(TASKS + "task-unknown", Requests.auth("k".repeat(60_000)));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).isEqualTo("Authentication failed: API key is longer than 1024 characters");
    }

    @Test
    void keysThatDifferOnlyBeyondTheHintStayIsolated() {
        String owner = "ab" + "x".repeat(500) + "yz";
        String other = "ab" + "w".repeat(500) + "yz";
        String taskId = mock.client().post(SUBMIT, Requests.singleImage("pet_lion_pro"), Requests.auth(owner))
                .json().path("data").path("task_id").asText();

        assertThat(KeyId.of(owner).hint()).isEqualTo(KeyId.of(other).hint());
        assertThat(mock.client().get(TASKS + taskId, Requests.auth(other)).status()).isEqualTo(404);
        assertThat(mock.client().get(TASKS + taskId, Requests.auth(owner)).status()).isEqualTo(200);
    }

    @Test
    void aFingerprintIsTheSameSizeWhateverTheKeyLength() {
        KeyId longest = KeyId.of("k".repeat(ApiKeys.MAX_KEY_CHARS));

        assertThat(longest.hint()).isEqualTo("kk****kk");
        assertThat(KeyId.of("short").hint()).isEqualTo("****");
        assertThat(KeyId.of("k".repeat(ApiKeys.MAX_KEY_CHARS))).isEqualTo(longest);
        assertThat(KeyId.of("k".repeat(ApiKeys.MAX_KEY_CHARS - 1))).isNotEqualTo(longest);
    }

    @Test
    void countsAtMostTheTrackedKeysApartAndTheRestShareOneWindow() {
        MockClock clock = new MockClock(true);
        RateLimiter limiter = new RateLimiter(2, clock);
        for (int i = 0; i < RateLimiter.MAX_TRACKED_KEYS; i++) {
            assertThat(limiter.take(KeyId.of("key-" + i)).allowed()).isTrue();
        }

        assertThat(limiter.take(KeyId.of("new-1")).allowed()).isTrue();
        assertThat(limiter.take(KeyId.of("new-2")).allowed()).isTrue();
        assertThat(limiter.take(KeyId.of("new-3")).allowed()).as("the third new key shares the window").isFalse();
        assertThat(limiter.take(KeyId.of("key-7")).remaining()).as("a tracked key keeps its own window").isZero();
        assertThat(limiter.trackedKeys()).isEqualTo(RateLimiter.MAX_TRACKED_KEYS + 1);
    }

    @Test
    void dropsThePastMinutesWindowsWhenFullSoNewKeysAreCountedApartAgain() {
        MockClock clock = new MockClock(true);
        RateLimiter limiter = new RateLimiter(2, clock);
        for (int i = 0; i < RateLimiter.MAX_TRACKED_KEYS; i++) {
            limiter.take(KeyId.of("key-" + i));
        }

        clock.advance(Duration.ofMinutes(1));

        assertThat(limiter.take(KeyId.of("new-1")).remaining()).isEqualTo(1);
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
