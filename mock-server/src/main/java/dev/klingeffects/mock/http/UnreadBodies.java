package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.io.InputStream;

/**
 * Before a request is answered without its body having been read (a 401, a 405, a forced status),
 * reads the rest and throws it away: the client then gets its answer after sending everything (closing
 * on unread bytes would reset the connection and lose the answer), and the connection stays usable.
 * Draining is bounded: it takes one of half as many places as {@code --max-uploads} allows (none free:
 * the connection closes at once), at most {@link #MAX_DRAIN_BYTES} and {@link #MAX_DRAIN_NANOS}, after
 * which the answer says {@code Connection: close}. So a refusal never reads unbounded input, and a flood
 * of refused bodies never takes the places of uploads. A body the client holds back until it hears
 * {@code 100 Continue} is never asked for: the refusal comes at once and the connection closes.
 */
public final class UnreadBodies {

    /** Connection hygiene, not an API limit: beyond this, closing is cheaper than reading. */
    static final long MAX_DRAIN_BYTES = 32L * 1024 * 1024;
    static final long MAX_DRAIN_NANOS = 2_000_000_000L;

    private UnreadBodies() {}

    /** Marks the body as read by the handler, so it is left alone. */
    public static void markRead(Context ctx) {
        RequestScope scope = RequestScope.of(ctx);
        if (scope != null) {
            scope.bodyHandled = true;
        }
    }

    /** Refuses the body unread: the answer announces that the connection closes. */
    public static void refuseUnread(Context ctx) {
        markRead(ctx);
        ctx.header("Connection", "close");
    }

    /** Drains what is left of a small unread request body, or marks the connection for closing. */
    static void drainBeforeAnswer(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean hasBody = declared > 0 || ctx.header("Transfer-Encoding") != null;
        RequestScope scope = RequestScope.of(ctx);
        if (!hasBody || scope != null && scope.bodyHandled) {
            return;
        }
        // The client waits for "100 Continue" before sending its body: reading it would send that promise,
        // and the refusal would come only after the whole body (or the idle timeout). Answer now and close.
        if (expectsContinue(ctx)) {
            refuseUnread(ctx);
            return;
        }
        UploadLimits limits = scope == null ? null : scope.uploads;
        if (declared > MAX_DRAIN_BYTES || limits == null || !limits.tryStartDraining()) {
            refuseUnread(ctx);
            return;
        }
        try {
            drain(ctx, declared < 0 ? MAX_DRAIN_BYTES : declared);
        } finally {
            limits.stopDraining();
        }
    }

    private static boolean expectsContinue(Context ctx) {
        String expect = ctx.header("Expect");
        return expect != null && expect.strip().equalsIgnoreCase("100-continue");
    }

    private static void drain(Context ctx, long expected) {
        markRead(ctx);
        long deadline = System.nanoTime() + MAX_DRAIN_NANOS;
        byte[] sink = new byte[8192];
        long drained = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; (n = in.read(sink)) > 0; ) {
                drained += n;
                if (drained > expected || System.nanoTime() - deadline > 0) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (Exception e) {
            ctx.header("Connection", "close");
        }
    }
}
