package dev.klingeffects.client;

import dev.klingeffects.client.generated.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Runs one API call under the {@link RetryPolicy}, telling reads from paid submits. */
final class Retrier {

    /** Whether a call may be repeated freely (a read) or costs money (a submit). */
    enum Kind { READ, SUBMIT }

    @FunctionalInterface
    interface Call<T> {
        T run() throws ApiException;
    }

    private final RetryPolicy policy;
    private final Timing timing;
    private final Redaction redaction;

    Retrier(RetryPolicy policy, Timing timing, Redaction redaction) {
        this.policy = policy;
        this.timing = timing;
        this.redaction = redaction;
    }

    <T> T call(Kind kind, String what, Call<T> call) {
        return call(kind, what, call, Long.MAX_VALUE);
    }

    /** As {@link #call(Kind, String, Call)}, but never starts a wait that would end after {@code deadlineNanos}. */
    <T> T call(Kind kind, String what, Call<T> call, long deadlineNanos) {
        long start = timing.nanoTime();
        for (int attempt = 1; ; attempt++) {
            ModellixException failure;
            Duration serverWait = null;
            boolean retryable;
            try {
                return call.run();
            } catch (ApiException e) {
                if (e.getCode() == 0) {
                    Throwable cause = e.getCause();
                    if (cause instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new ModellixException(what + " was interrupted", cause);
                    }
                    if (cause instanceof JsonProcessingException unreadable) {
                        // An answer came, but not in the API's format: a submit may have created a task.
                        failure = new ModellixResponseFormatException(what + ": the answer is not in the API's format ("
                                + redaction.redact(unreadable.getOriginalMessage()) + ")", "", null);
                        retryable = kind == Kind.READ;
                    } else {
                        boolean reached = !neverReachedServer(cause);
                        failure = new ModellixConnectionException(redaction.redact(what + " failed: " + cause), cause, reached);
                        retryable = kind == Kind.READ ? cause instanceof IOException : !reached;
                    }
                } else {
                    ModellixApiException api = ErrorTranslator.translate(e, kind == Kind.SUBMIT, redaction);
                    failure = api;
                    retryable = api.retryable();
                    serverWait = api.rateLimit().suggestedWait(Instant.now()).orElse(null);
                }
            }
            if (!retryable || attempt >= policy.maxAttempts()) {
                throw failure;
            }
            // The server's wait is a minimum; a little jitter on top keeps clients told the same time apart.
            Duration wait = serverWait != null ? serverWait.plus(jitterAbove(serverWait)) : backoff(attempt);
            long now = timing.nanoTime();
            Duration spent = Duration.ofNanos(now - start);
            if (deadlineNanos - now < wait.toNanos()) {
                throw new DeadlineCut(failure);
            }
            if (spent.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
                throw failure;
            }
            try {
                timing.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModellixException(what + " was interrupted while waiting to retry", e);
            }
        }
    }

    /** The caller's deadline came before the next retry could: the caller decides what that means. */
    static final class DeadlineCut extends RuntimeException {
        final ModellixException failure;

        DeadlineCut(ModellixException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** A submit may be repeated only when the connection itself was never made. */
    private static boolean neverReachedServer(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    private static Duration jitterAbove(Duration wait) {
        long bound = Math.max(1, Math.min(wait.toMillis() / 5, 5000));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
    }

    private Duration backoff(int attempt) {
        long base = policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, policy.maxBackoff().toMillis());
        // Full jitter in the upper half: spreads clients out without waiting less than half.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
