package dev.klingeffects.mock.http;

import dev.klingeffects.mock.faults.Fault;
import dev.klingeffects.mock.faults.FaultPlan;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Sends a {@link Reply}, now or after a delay that holds no thread while it waits (see {@link ServerThreads}). */
public final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private Responder() {}

    /** Sends the reply at once. */
    public static void send(Context ctx, Reply reply) {
        UnreadBodies.drainBeforeAnswer(ctx);
        write(ctx, reply);
    }

    private static void write(Context ctx, Reply reply) {
        Journaling.beforeAnswer(ctx, reply.status());
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType(reply.contentType());
        // Straight to the servlet stream: Javalin's result pipeline copies every body through a
        // fresh buffer, which was the largest allocation per request.
        HttpServletResponse response = ctx.res();
        response.setContentLength(reply.body().length);
        try {
            response.getOutputStream().write(reply.body());
        } catch (IOException e) {
            LOG.debug("Client went away before its answer was written: {}", e.toString());
        }
    }

    /**
     * Answers with a fault in place of the reply: {@code slow-body} dribbles it over {@code delayMillis}, any
     * other fault strikes after that delay.
     */
    static void sendFaulted(Context ctx, Reply reply, long delayMillis, FaultPlan fault) {
        if (fault.fault() == Fault.SLOW_BODY || delayMillis <= 0) {
            FaultInjector.answer(ctx, fault, reply);
            return;
        }
        answerLater(ctx, delayMillis, () -> FaultInjector.answer(ctx, fault, reply));
    }

    /** Sends the reply after {@code delayMillis}. */
    public static void send(Context ctx, Reply reply, long delayMillis) {
        if (delayMillis <= 0) {
            send(ctx, reply);
            return;
        }
        answerLater(ctx, delayMillis, () -> write(ctx, reply));
    }

    /** Reads what is left of the body now, then runs {@code answer} on the server's threads after the delay. */
    private static void answerLater(Context ctx, long delayMillis, Runnable answer) {
        UnreadBodies.drainBeforeAnswer(ctx);
        Executor later = ServerThreads.after(ctx, delayMillis);
        ctx.future(() -> CompletableFuture.runAsync(answer, later));
    }
}
