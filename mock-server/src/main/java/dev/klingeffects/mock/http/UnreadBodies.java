package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * After a request answered without reading its body (a 401, a 405, a forced status), reads the rest
 * and throws it away, so the connection stays usable for the client's next request. A body too large
 * to be worth reading gets {@code Connection: close} instead, so no client reuses a dead connection.
 */
public final class UnreadBodies {

    /** Request attribute a handler sets once it has read the body itself. */
    public static final String BODY_READ = "kling-mock.body-read";

    private final long maxDrainBytes;

    /** @param maxDrainBytes the most to read and discard; larger bodies close the connection */
    public UnreadBodies(long maxDrainBytes) {
        this.maxDrainBytes = maxDrainBytes;
    }

    /** Marks the body as read by the handler, so it is left alone afterwards. */
    public static void markRead(Context ctx) {
        ctx.req().setAttribute(BODY_READ, Boolean.TRUE);
    }

    /** Drains what is left of the request body, or marks the connection for closing. */
    public void drain(Context ctx) {
        // Touch the stream only when a body exists and nobody read it: reading a finished stream
        // again upsets Jetty's buffer accounting and costs the connection.
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody || ctx.req().getAttribute(BODY_READ) != null) {
            return;
        }
        if (ctx.req().getContentLengthLong() > maxDrainBytes) {
            ctx.header("Connection", "close");
            return;
        }
        byte[] sink = new byte[8192];
        long drained = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; (n = in.read(sink)) > 0; ) {
                drained += n;
                if (drained > maxDrainBytes) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            ctx.header("Connection", "close");
        }
    }
}
