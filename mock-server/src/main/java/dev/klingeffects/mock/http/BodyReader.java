package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.Context;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
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

    /** The body's bytes, or the reply that refuses it. */
    public record Result(byte[] bytes, Reply refusal) {
        static Result refused(Reply reply) {
            return new Result(null, reply);
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
        UnreadBodies.markRead(ctx);
        if (declared == 0 || (declared < 0 && !chunked)) {
            return new Result(new byte[0], null);
        }
        if (declared > maxBytes) {
            return closing(ctx, Reply.error(tooLarge));
        }
        if (!limits.tryStartReceiving()) {
            return closing(ctx, busy("too many uploads are being received at once"));
        }
        try {
            // Growing a buffer briefly holds the old and the new one: reserve half as much again.
            long reserve = declared > 0 ? declared + declared / 2 : FIRST_BUFFER + FIRST_BUFFER / 2;
            try (UploadLimits.Reservation reservation = limits.reserve(reserve, declared > 0)) {
                if (reservation == null) {
                    return closing(ctx, busy("the uploads in flight hold all the memory the mock gives them"));
                }
                return receive(ctx, declared, maxBytes, reservation, tooLarge);
            }
        } finally {
            limits.stopReceiving();
        }
    }

    private Result receive(Context ctx, long declared, long maxBytes, UploadLimits.Reservation reservation,
                           ContractError tooLarge) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        long limit = declared > 0 ? declared : maxBytes + 1;
        byte[] buffer = new byte[(int) Math.min(limit, FIRST_BUFFER)];
        int size = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            while (true) {
                if (size == buffer.length) {
                    if (size >= limit) {
                        break;
                    }
                    int grown = (int) Math.min(limit, (long) buffer.length * 2);
                    if (declared < 0 && !reservation.growTo(grown + (long) buffer.length)) {
                        return closing(ctx, busy("the uploads in flight hold all the memory the mock gives them"));
                    }
                    buffer = Arrays.copyOf(buffer, grown);
                }
                int n = in.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
                if (System.nanoTime() - deadline > 0) {
                    LOG.debug("Body too slow: {} of {} bytes in {} ms", size, declared, timeoutMillis);
                    return closing(ctx, Reply.error(new ContractError(408, "Invalid format",
                            "request body not received within " + timeout().toSeconds() + " s")));
                }
            }
        } catch (Exception e) {
            // Early EOF, bad chunk framing, an idle timeout: the client's fault, not the server's.
            LOG.debug("Unusable request body after {} bytes: {}", size, e.toString());
            return closing(ctx, Reply.error(ContractError.invalidFormat(
                    "request body is incomplete or its chunked framing is malformed")));
        }
        if (declared < 0 && size > maxBytes) {
            return closing(ctx, Reply.error(tooLarge));
        }
        if (declared > 0 && size < declared) {
            return closing(ctx, Reply.error(ContractError.invalidFormat(
                    "request body is incomplete or its chunked framing is malformed")));
        }
        return new Result(size == buffer.length ? buffer : Arrays.copyOf(buffer, size), null);
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
