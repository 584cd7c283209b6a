package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Before a request is answered without its body having been read (a 401, a 405, a forced status),
 * reads the rest and throws it away: the client then gets its answer after sending everything, and
 * the connection stays usable for its next request. A body too large to be worth reading gets
 * {@code Connection: close} instead, so no client reuses a connection the server will drop.
 */
public final class UnreadBodies {

    /** Request attribute set once the body has been read, or deliberately left unread. */
    private static final String HANDLED = "kling-mock.body-handled";
    /** Connection hygiene, not an API limit: beyond this, closing is cheaper than reading. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private UnreadBodies() {}

    /** Marks the body as read by the handler, so it is left alone. */
    public static void markRead(Context ctx) {
        ctx.req().setAttribute(HANDLED, Boolean.TRUE);
    }

    /** Refuses the body unread: the answer announces that the connection closes. */
    public static void refuseUnread(Context ctx) {
        markRead(ctx);
        ctx.header("Connection", "close");
    }

    /** Drains what is left of an unread request body, or marks the connection for closing. */
    static void drainBeforeAnswer(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody || ctx.req().getAttribute(HANDLED) != null) {
            return;
        }
        markRead(ctx);
        if (ctx.req().getContentLengthLong() > MAX_DRAIN_BYTES) {
            ctx.header("Connection", "close");
            return;
        }
        byte[] sink = new byte[8192];
        long drained = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; (n = in.read(sink)) > 0; ) {
                drained += n;
                if (drained > MAX_DRAIN_BYTES) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            ctx.header("Connection", "close");
        }
    }
}
