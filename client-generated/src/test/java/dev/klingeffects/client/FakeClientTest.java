package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A service's own unit test replaces the client with a fake, built from the public surface alone: the
 * interface, the records and the exceptions' public constructors.
 */
class FakeClientTest {

    /** What a downstream team would write: every call answered from memory. */
    static final class FakeClient implements KlingEffectsClient {
        @Override
        public KlingEffectsClient withOptions(RequestOptions options) {
            return this;
        }

        @Override
        public RawResponseClient withRawResponse() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SubmittedTask submit(EffectRequest request) {
            return new SubmittedTask("fake-1", TaskStatus.PENDING, "kling-video-effects", null);
        }

        @Override
        public EffectTask getTask(String taskId) {
            throw new TaskNotFoundException(404, "Resource not found", "task '" + taskId + "' not found");
        }

        @Override
        public EffectTask awaitCompletion(String taskId, Duration timeout) {
            return new EffectTask(taskId, TaskStatus.SUCCESS, "success", "kling-video-effects", Duration.ofSeconds(64),
                    List.of(new VideoResource("https://cdn.test/v.mp4", "video", 720, 1280, "mp4", "primary")), null, null);
        }

        @Override
        public EffectTask submitAndAwait(EffectRequest request, Duration timeout) {
            return awaitCompletion(submit(request).taskId(), timeout);
        }

        @Override
        public CompletableFuture<SubmittedTask> submitAsync(EffectRequest request) {
            return CompletableFuture.completedFuture(submit(request));
        }

        @Override
        public CompletableFuture<EffectTask> getTaskAsync(String taskId) {
            return CompletableFuture.supplyAsync(() -> getTask(taskId));
        }

        @Override
        public CompletableFuture<EffectTask> awaitCompletionAsync(String taskId, Duration timeout) {
            return CompletableFuture.completedFuture(awaitCompletion(taskId, timeout));
        }

        @Override
        public CompletableFuture<EffectTask> submitAndAwaitAsync(EffectRequest request, Duration timeout) {
            return CompletableFuture.completedFuture(submitAndAwait(request, timeout));
        }

        @Override
        public Set<String> unfinishedTasks() {
            return Set.of();
        }

        @Override
        public void close() {}
    }

    @Test
    void aFakeBuiltFromThePublicSurfaceStandsInForTheClient() {
        KlingEffectsClient client = new FakeClient();

        var done = client.submitAndAwait(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofMinutes(1));

        assertThat(done.videoUrl()).isEqualTo("https://cdn.test/v.mp4");
        assertThatThrownBy(() -> client.getTask("gone")).isInstanceOfSatisfying(TaskNotFoundException.class,
                thrown -> assertThat(thrown.retryable()).isFalse());
    }
}
