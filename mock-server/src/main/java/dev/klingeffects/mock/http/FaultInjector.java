package dev.klingeffects.mock.http;

import dev.klingeffects.mock.faults.Fault;
import dev.klingeffects.mock.faults.FaultPlan;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a {@link Fault} instead of (or in place of the proper delivery of) a {@link Reply}. The
 * connection is closed through Jetty's own endpoint, so Jetty forgets it as it forgets any connection a
 * client dropped, and requests on other connections are untouched. A {@code slow-body} answer holds no
 * thread while it waits between pieces and ends within its delay, itself at most
 * {@link dev.klingeffects.mock.control.Prefer#MAX_DELAY_MILLIS}.
 */
public final class FaultInjector {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    /** What a proxy in front of an API answers when the API behind it failed: 200, and not JSON. */
    static final byte[] NOT_JSON = "<html><body><h1>502 Bad Gateway</h1></body></html>\n".getBytes(StandardCharsets.UTF_8);
    /**
     * What a fault {@code before} the request's work mangles: the page of a proxy that answered without asking
     * the API, so that nothing names a task (none was created or looked up).
     */
    static Reply proxyPage() {
        return new Reply(200, NOT_JSON, "application/json", Map.of());
    }

    /** A slow body comes in this many pieces, spread evenly over its delay. */
    static final int SLOW_BODY_PIECES = 10;

    private FaultInjector() {}

    /**
     * Answers {@code reply} mangled by {@code plan}: the request's work, if any, is already done.
     *
     * @param ctx   the request
     * @param plan  the fault
     * @param reply what the answer would have been
     */
    public static void answer(Context ctx, FaultPlan plan, Reply reply) {
        UnreadBodies.drainBeforeAnswer(ctx);
        Fault fault = plan.fault();
        String label = plan.describe();
        switch (fault) {
            case CONNECTION_RESET -> {
                Journaling.beforeAnswer(ctx, 0, label);
                close(ctx, true);
            }
            case EMPTY_RESPONSE -> {
                Journaling.beforeAnswer(ctx, 0, label);
                close(ctx, false);
            }
            case MALFORMED_JSON -> {
                // Only the body is mangled: the status and headers are the answer's own (a 429 stays a 429).
                Journaling.beforeAnswer(ctx, reply.status(), label);
                Reply notJson = new Reply(reply.status(), NOT_JSON, reply.contentType(), reply.headers());
                writeHead(ctx, notJson, NOT_JSON.length);
                writePiece(ctx, NOT_JSON, 0, NOT_JSON.length);
            }
            case TRUNCATED_BODY -> {
                Journaling.beforeAnswer(ctx, reply.status(), label);
                writeHead(ctx, reply, reply.body().length);
                if (writePiece(ctx, reply.body(), 0, reply.body().length / 2)) {
                    close(ctx, false);
                }
            }
            case SLOW_BODY -> {
                Journaling.beforeAnswer(ctx, reply.status(), label);
                writeHead(ctx, reply, reply.body().length);
                dribble(ctx, reply.body(), plan.slowBodyMillis());
            }
        }
    }

    private static void writeHead(Context ctx, Reply reply, int contentLength) {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType(reply.contentType());
        ctx.res().setContentLength(contentLength);
    }

    /** @return false when the client went away */
    private static boolean writePiece(Context ctx, byte[] body, int from, int to) {
        HttpServletResponse response = ctx.res();
        try {
            ServletOutputStream out = response.getOutputStream();
            out.write(body, from, to - from);
            out.flush();
            return true;
        } catch (IOException e) {
            LOG.debug("Client went away during a faulted answer: {}", e.toString());
            return false;
        }
    }

    /**
     * The body in {@link #SLOW_BODY_PIECES} pieces, one every {@code millis / pieces}; the last at {@code millis}.
     * Ends early when a write fails (the client is gone) or the server stops (the connection is closed then).
     */
    private static void dribble(Context ctx, byte[] body, long millis) {
        int pieces = Math.max(1, Math.min(SLOW_BODY_PIECES, body.length));
        long step = millis / pieces;
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                close(ctx, false);
                done.complete(null);
            }
        };
        SlowBodies running = SlowBodies.of(ctx);
        ctx.future(() -> {
            if (running != null && !running.add(end)) {
                end.run();
                return done;
            }
            done.whenComplete((ignored, failure) -> {
                if (running != null) {
                    running.remove(end);
                }
            });
            piece(ctx, body, pieces, 0, ServerThreads.after(ctx, step), ended, done);
            return done;
        });
    }

    private static void piece(Context ctx, byte[] body, int pieces, int index, Executor step, AtomicBoolean ended,
                              CompletableFuture<Void> done) {
        step.execute(() -> {
            if (ended.get()) {
                return;
            }
            int from = (int) ((long) body.length * index / pieces);
            int to = (int) ((long) body.length * (index + 1) / pieces);
            if (!writePiece(ctx, body, from, to) || index + 1 == pieces) {
                // A failed write means the client is gone: waiting out the rest of the delay would only hold
                // the request in flight (and a stop after it) for nothing.
                if (ended.compareAndSet(false, true)) {
                    done.complete(null);
                }
                return;
            }
            piece(ctx, body, pieces, index + 1, step, ended, done);
        });
    }

    /** Closes the connection through Jetty's endpoint, with a reset (SO_LINGER 0) or a plain close. */
    private static void close(Context ctx, boolean reset) {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint instanceof SocketChannelEndPoint socket) {
            try {
                socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                LOG.debug("Could not ask for a reset, closing instead: {}", e.toString());
            }
        }
        endPoint.close();
    }
}
