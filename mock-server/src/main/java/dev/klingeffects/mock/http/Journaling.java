package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/**
 * Records a request in the journal just before its answer is written, not after it was sent: a client
 * that reads the journal right after its answer then always finds its request there.
 */
public final class Journaling {

    /** Request attribute: what to call with the status before the answer is written. */
    public static final String HOOK = "kling-mock.journal-hook";
    /** Request attribute: set once the request is recorded. */
    public static final String RECORDED = "kling-mock.journal-recorded";

    private Journaling() {}

    @SuppressWarnings("unchecked")
    static void beforeAnswer(Context ctx, int status) {
        Object hook = ctx.req().getAttribute(HOOK);
        if (hook != null && ctx.req().getAttribute(RECORDED) == null) {
            ctx.req().setAttribute(RECORDED, Boolean.TRUE);
            ((BiConsumer<Context, Integer>) hook).accept(ctx, status);
        }
    }
}
