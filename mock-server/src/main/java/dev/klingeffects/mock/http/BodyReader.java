package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.Context;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body within the mock's limits: no more than a route's maximum, memory reserved in
 * {@link UploadLimits} before it is used and allocated only as bytes arrive, the whole body within a
 * deadline. Every way a body can go wrong (too large, too slow, cut short, badly chunked, too many at
 * once) ends in the API's error shape, one debug line at most, and a connection that is closed rather
 * than drained.
 */
public final class BodyReader {

    private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);
    private static final int FIRST_BUFFER = 64 * 1024;
    /** A body up to this size (an ordinary submit with image URLs) is received on a place of its own kind. */
    static final int SMALL_BODY = FIRST_BUFFER;
    /** After the first second a body must average this rate, so a trickle cannot hold a thread for the whole timeout. */
    static final long MIN_BYTES_PER_SECOND = 16 * 1024;
    private static final long RATE_GRACE_NANOS = 1_000_000_000L;

    /**
     * The body's bytes, or the reply that refuses it. The bytes' memory stays counted in the upload
     * budget until {@link #close()}: close it once the request is done with them.
     */
    public static final class Result implements AutoCloseable {
        private final byte[] bytes;
        private final Reply refusal;
        private final UploadLimits.Reservation held;

        private Result(byte[] bytes, Reply refusal, UploadLimits.Reservation held) {
            this.bytes = bytes;
            this.refusal = refusal;
            this.held = held;
        }

        static Result refused(Reply reply) {
            return new Result(null, reply, null);
        }

        /** @return the body, or null when refused */
        public byte[] bytes() {
            return bytes;
        }

        /** @return the refusal, or null when the body was read */
        public Reply refusal() {
            return refusal;
        }

        @Override
        public void close() {
            if (held != null) {
                held.close();
            }
        }
    }

    private final UploadLimits limits;
    private final long timeoutMillis;

    /**
     * @param limits  memory and concurrency shared by all bodies
     * @param timeout how long a whole body may take to arrive
     */
    public BodyReader(UploadLimits limits, Duration timeout) {
        this.limits = limits;
        this.timeoutMillis = timeout.toMillis();
    }

    /** @return how long a whole body may take to arrive */
    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /**
     * Reads the body of {@code ctx}, at most {@code maxBytes}.
     *
     * @param tooLarge the refusal for a body over {@code maxBytes}
     */
    public Result read(Context ctx, long maxBytes, ContractError tooLarge) {
        long declared = ctx.req().getContentLengthLong();
        boolean chunked = declared < 0 && ctx.header("Transfer-Encoding") != null;
        if (declared > maxBytes) {
            // Left unread: the answer drains it if it is small enough to (so the client, still sending,
            // can read the 413 instead of a reset), else closes the connection.
            return Result.refused(Reply.error(tooLarge));
        }
        UnreadBodies.markRead(ctx);
        if (declared == 0 || (declared < 0 && !chunked)) {
            return new Result(new byte[0], null, null);
        }
        // A small body that has already arrived whole is read at once: it cannot stall a thread, so it needs
        // no place. Small bodies still on their way and large ones have separate places, so ordinary submits
        // keep working while slow large uploads hold every large place.
        boolean small = declared > 0 && declared <= SMALL_BODY;
        boolean arrived = small && available(ctx) >= declared;
        if (!arrived && !limits.tryStartReceiving(small)) {
            return closing(ctx, busy("too many uploads are being received at once"));
        }
        try {
            // Only the first buffer is reserved up front, without waiting: a body must show it is really
            // arriving before it may wait for the memory it announced (a trickle is cut by the rate first).
            UploadLimits.Reservation reservation = limits.reserve(withGrowth(Math.min(limit(declared, maxBytes),
                    FIRST_BUFFER)), false);
            if (reservation == null) {
                return closing(ctx, busy("the uploads in flight hold all the memory the mock gives them"));
            }
            Result result = receive(ctx, declared, maxBytes, reservation, tooLarge);
            if (result.refusal() != null) {
                reservation.close();
            } else {
                // Growth is over: keep counting only the body itself, until the handler is done with it.
                reservation.shrinkTo(result.bytes().length);
            }
            return result;
        } finally {
            if (!arrived) {
                limits.stopReceiving(small);
            }
        }
    }

    private Result receive(Context ctx, long declared, long maxBytes, UploadLimits.Reservation reservation,
                           ContractError tooLarge) {
        long started = System.nanoTime();
        long deadline = started + timeoutMillis * 1_000_000;
        long limit = limit(declared, maxBytes);
        byte[] buffer = new byte[(int) Math.min(limit, FIRST_BUFFER)];
        int size = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            while (true) {
                if (size == buffer.length) {
                    if (size >= limit) {
                        break;
                    }
                    // A body of announced size that has filled its first buffer waits (fairly, bounded) for all it
                    // announced, once, and gets it in one step: doubling a 14 MB image's buffer copied 16 MB more.
                    // One of unknown size takes memory as it grows, without waiting, so such bodies never deadlock.
                    int grown = (int) (declared > 0 ? limit : Math.min(limit, (long) buffer.length * 2));
                    boolean held = declared > 0 ? reservation.growTo(declared + (long) buffer.length, true)
                            : reservation.growTo(grown + (long) buffer.length, false);
                    if (!held) {
                        return closing(ctx, busy("the uploads in flight hold all the memory the mock gives them"));
                    }
                    buffer = Arrays.copyOf(buffer, grown);
                }
                int n = in.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
                long now = System.nanoTime();
                // Judged while bytes are still due: a complete body needs no rate.
                boolean trickle = now - started > RATE_GRACE_NANOS && (declared < 0 || size < declared)
                        && (double) size * 1_000_000_000 / (now - started) < MIN_BYTES_PER_SECOND;
                if (now - deadline > 0 || trickle) {
                    LOG.debug("Body too slow: {} of {} bytes in {} ms", size, declared, timeoutMillis);
                    return closing(ctx, tooSlow());
                }
            }
        } catch (Exception e) {
            // Early EOF, bad chunk framing, a body that stopped arriving: the client's fault, not the server's.
            LOG.debug("Unusable request body after {} bytes: {}", size, e.toString());
            return closing(ctx, isTimeout(e) ? tooSlow()
                    : Reply.error(ContractError.invalidFormat("request body is incomplete or its chunked framing is malformed")));
        }
        if (declared < 0 && size > maxBytes) {
            return closing(ctx, Reply.error(tooLarge));
        }
        if (declared > 0 && size < declared) {
            return closing(ctx, Reply.error(ContractError.invalidFormat(
                    "request body is incomplete or its chunked framing is malformed")));
        }
        return new Result(size == buffer.length ? buffer : Arrays.copyOf(buffer, size), null, reservation);
    }

    private static int available(Context ctx) {
        try {
            return ctx.req().getInputStream().available();
        } catch (Exception e) {
            return 0;
        }
    }

    private static long limit(long declared, long maxBytes) {
        return declared > 0 ? declared : maxBytes + 1;
    }

    /** Growing a buffer briefly holds the old and the new one: half as much again. */
    private static long withGrowth(long bytes) {
        return bytes + bytes / 2;
    }

    private Reply tooSlow() {
        return Reply.error(new ContractError(408, "Invalid format", "request body too slow: it must arrive at "
                + MIN_BYTES_PER_SECOND / 1024 + " KiB/s or faster, and whole within " + timeout().toSeconds() + " s"));
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Reply busy(String why) {
        return Reply.error(new ContractError(503, "Service unavailable", why + ", retry in a moment"))
                .withHeaders(Map.of("Retry-After", "1"));
    }

    /** The rest of the body is never read: the connection closes after this answer. */
    private static Result closing(Context ctx, Reply reply) {
        UnreadBodies.refuseUnread(ctx);
        return Result.refused(reply);
    }
}
