package dev.klingeffects.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Runs one API call under the {@link RetryPolicy}, telling reads from paid submits, without blocking a thread. */
final class Retrier {

    /** Whether a call may be repeated freely (a read) or costs money (a submit). */
    enum Kind { READ, SUBMIT }

    private final Timing timing;
    private final Redaction redaction;
    /** Where requests go, {@code scheme://host:port}: a connection failure names it, the JDK's message often does not. */
    private final String origin;

    private final Listening listening;

    private final HttpLog log;

    /** The client's own listener, which hears every exchange whatever the call's listener ({@link ClientListener#onExchange}). */
    private final ClientListener accounting;

    Retrier(Timing timing, Redaction redaction, String origin, Listening listening, HttpLog log, ClientListener accounting) {
        this.listening = listening;
        this.accounting = accounting;
        this.log = log;
        this.timing = timing;
        this.redaction = redaction;
        this.origin = origin;
    }

    /**
     * @param send          sends one attempt with the timeout it is given
     * @param read          reads a 2xx answer, throwing the typed failure when it cannot
     * @param deadlineNanos no wait is started that would end after it ({@link DeadlineCut} instead)
     * @param steps         where each step after an answer or a wait runs
     * @return the value of the first attempt that succeeds; cancelling it stops the attempts
     */
    <T> CompletableFuture<RawResponse<T>> call(Kind kind, String what, Function<Duration, CompletableFuture<Answer>> send,
                                               Function<Answer, T> read, RequestOptions options, long deadlineNanos,
                                               Executor steps) {
        Attempts<T> attempts = new Attempts<>(kind, what, send, read, options, deadlineNanos, steps);
        attempts.chain.step(attempts::next);
        return attempts.chain.result;
    }

    /**
     * The caller's deadline came before the next retry could, or ended the attempt in progress: the caller
     * decides what that means.
     */
    static final class DeadlineCut extends RuntimeException {
        final transient ModellixException failure;

        DeadlineCut(ModellixException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** One call's attempts, one at a time: each step runs after the previous one ended. */
    private final class Attempts<T> {
        final Chain<RawResponse<T>> chain = new Chain<>();
        private final Kind kind;
        private final String what;
        private final Function<Duration, CompletableFuture<Answer>> send;
        private final Function<Answer, T> read;
        private final RetryPolicy policy;
        private final ClientListener listener;
        private final Duration requestTimeout;
        private final long deadlineNanos;
        private final Executor steps;
        private final long start = timing.nanoTime();
        private int attempt;
        private long attemptStart;
        /** Whether the attempt in progress was given only what was left before the caller's deadline. */
        private boolean cutToDeadline;

        Attempts(Kind kind, String what, Function<Duration, CompletableFuture<Answer>> send, Function<Answer, T> read,
                 RequestOptions options, long deadlineNanos, Executor steps) {
            this.kind = kind;
            this.steps = steps;
            this.what = what;
            this.send = send;
            this.read = read;
            this.policy = options.retryPolicy().orElseThrow();
            this.listener = options.listener().orElse(null);
            this.requestTimeout = options.timeout().orElseThrow();
            this.deadlineNanos = deadlineNanos;
        }

        void next() {
            if (chain.done()) {
                return;
            }
            attempt++;
            // The time budget counts the attempt in progress: an attempt never outlives maxTotalTime, nor the
            // caller's deadline (an await of 5 s must not wait out a 60 s request timeout).
            long now = timing.nanoTime();
            Duration left = policy.maxTotalTime().minusNanos(now - start);
            Duration timeout = left.compareTo(requestTimeout) < 0 ? max(left, Duration.ofMillis(1)) : requestTimeout;
            long beforeDeadline = Deadlines.remaining(deadlineNanos, now);
            cutToDeadline = beforeDeadline < timeout.toNanos();
            if (cutToDeadline) {
                timeout = max(Duration.ofNanos(beforeDeadline), Duration.ofMillis(1));
            }
            CompletableFuture<Answer> sent;
            attemptStart = timing.nanoTime();
            try {
                sent = send.apply(timeout);
            } catch (RuntimeException e) {
                chain.fail(e);
                return;
            }
            chain.follow(sent).whenCompleteAsync((answer, error) -> chain.step(() -> settle(answer, error)), steps);
        }

        private void settle(Answer answer, Throwable error) {
            if (chain.done()) {
                return;
            }
            ModellixException failure;
            boolean retryable;
            Duration serverWait = null;
            error = error == null ? null : Chain.unwrap(error);
            if (error != null) {
                if (error instanceof CancellationException || error instanceof IllegalStateException
                        || error instanceof IllegalArgumentException) {
                    chain.fail(error);
                    return;
                }
                exchanged(0, error);
                if (error instanceof BoundedBody.TooLarge) {
                    failure = new ModellixResponseFormatException(what + ": " + error.getMessage(), "", error);
                    retryable = kind == Kind.READ;
                } else {
                    boolean reached = !neverReachedServer(error);
                    failure = new ModellixConnectionException(redaction.redact(what + " at " + origin + " failed: " + error),
                            error, reached);
                    if (cutToDeadline && error instanceof HttpTimeoutException) {
                        chain.fail(new DeadlineCut(failure)); // the caller's deadline ended the attempt, not the server
                        return;
                    }
                    retryable = kind == Kind.READ ? error instanceof IOException : !reached;
                }
            } else {
                exchanged(answer.status(), null);
                try {
                    if (answer.successful()) {
                        chain.complete(new RawResponse<>(answer.status(), answer.headers().map(), read.apply(answer)));
                        return;
                    }
                    throw ErrorTranslator.translate(answer, kind == Kind.SUBMIT, redaction);
                } catch (ModellixApiException api) {
                    failure = api;
                    retryable = api.retryable();
                    serverWait = api.rateLimit().suggestedWait(Instant.now()).orElse(null);
                } catch (ModellixResponseFormatException unreadable) {
                    // An answer came, but not in the API's format: a submit may have created a task.
                    failure = unreadable;
                    retryable = kind == Kind.READ;
                } catch (RuntimeException unexpected) {
                    chain.fail(new ModellixException(what + " failed: " + unexpected, unexpected));
                    return;
                }
            }
            if (!retryable || attempt >= policy.maxAttempts()) {
                chain.fail(failure);
                return;
            }
            // The server's wait is a minimum; a little jitter on top keeps clients told the same time apart.
            Duration wait = serverWait != null ? serverWait.plus(jitterAbove(serverWait)) : backoff(attempt);
            long now = timing.nanoTime();
            if (Deadlines.remaining(deadlineNanos, now) < wait.toNanos()) {
                chain.fail(new DeadlineCut(failure));
                return;
            }
            if (Duration.ofNanos(now - start).plus(wait).compareTo(policy.maxTotalTime()) >= 0) {
                chain.fail(failure);
                return;
            }
            RetryEvent retry = new RetryEvent(what, attempt, wait, failure);
            log.retry(retry);
            listening.retry(listener, retry);
            chain.follow(timing.delay(wait)).thenRunAsync(() -> chain.step(this::next), steps);
        }

        private void exchanged(int status, Throwable error) {
            listening.exchange(accounting, new ExchangeEvent(kind == Kind.SUBMIT ? ExchangeEvent.SUBMIT : ExchangeEvent.GET_TASK,
                    status, Duration.ofNanos(timing.nanoTime() - attemptStart), error));
        }

        private Duration backoff(int attempt) {
            long base = policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
            long capped = Math.min(base, policy.maxBackoff().toMillis());
            // Full jitter in the upper half: spreads clients out without waiting less than half.
            long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
            return Duration.ofMillis(jittered);
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
