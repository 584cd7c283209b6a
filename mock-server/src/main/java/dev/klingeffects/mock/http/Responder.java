package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Sends a {@link Reply}, now or after a delay that holds no thread while it waits. */
public final class Responder {

    private Responder() {}

    /** Sends the reply at once. */
    public static void send(Context ctx, Reply reply) {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType(reply.contentType());
        ctx.result(reply.body());
    }

    /** Sends the reply after {@code delayMillis}. */
    public static void send(Context ctx, Reply reply, long delayMillis) {
        if (delayMillis <= 0) {
            send(ctx, reply);
            return;
        }
        ctx.future(() -> CompletableFuture
                .runAsync(() -> { }, CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS))
                .thenRun(() -> send(ctx, reply)));
    }
}
