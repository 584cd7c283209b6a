package dev.klingeffects.mock.http;

import io.javalin.http.Context;

/**
 * Records each request in the journal once, just before its answer is written rather than after it
 * was sent: a client that reads the journal right after its answer always finds its request there.
 * Answers written elsewhere (static files) are recorded by the request logger afterwards. The admin
 * API's own requests are never recorded.
 */
public final class Journaling {

    /** Where a recorded request goes. */
    @FunctionalInterface
    public interface Recorder {
        /** Records one answered request. */
        void record(String method, String path, int status, double millis);
    }

    private static final String SELF = "kling-mock.journaling";
    private static final String STARTED = "kling-mock.started-nanos";
    private static final String RECORDED = "kling-mock.journal-recorded";

    private final Recorder recorder;

    /** @param recorder where requests are recorded */
    public Journaling(Recorder recorder) {
        this.recorder = recorder;
    }

    /** Before any handler: remembers when the request began, and where to record it. */
    public void begin(Context ctx) {
        ctx.req().setAttribute(STARTED, System.nanoTime());
        ctx.req().setAttribute(SELF, this);
    }

    /** From the request logger, after the answer: records it if nothing did before. */
    public void afterAnswer(Context ctx, double millis) {
        record(ctx, ctx.statusCode(), millis);
    }

    static void beforeAnswer(Context ctx, int status) {
        if (ctx.req().getAttribute(SELF) instanceof Journaling journaling
                && ctx.req().getAttribute(STARTED) instanceof Long started) {
            journaling.record(ctx, status, (System.nanoTime() - started) / 1_000_000.0);
        }
    }

    private void record(Context ctx, int status, double millis) {
        if (ctx.req().getAttribute(RECORDED) != null || ctx.path().startsWith("/__admin")) {
            return;
        }
        ctx.req().setAttribute(RECORDED, Boolean.TRUE);
        recorder.record(ctx.method().name(), ctx.path(), status, millis);
    }
}
