package dev.klingeffects.mock.http;

import io.javalin.http.Context;

/**
 * What the mock keeps about one request while serving it, as one request attribute: each servlet
 * attribute written fills the request's map and notifies the context's attribute listeners, and a
 * submit wrote seven of them.
 */
public final class RequestScope {

    private static final String ATTRIBUTE = "kling-mock.request";

    final long startedNanos = System.nanoTime();
    final Journaling journaling;
    final UploadLimits uploads;
    final SlowBodies slowBodies;
    /** Set by the handler that read the body (see {@code BodySummary}); read when the request is recorded. */
    volatile String bodySummary;
    /** Whether the journal has this request (it is recorded once, before its answer where possible). */
    volatile boolean recorded;
    /** Whether the body has been read, or deliberately left unread. */
    volatile boolean bodyHandled;

    private RequestScope(Journaling journaling, UploadLimits uploads, SlowBodies slowBodies) {
        this.journaling = journaling;
        this.uploads = uploads;
        this.slowBodies = slowBodies;
    }

    /**
     * Starts the scope of a request, before any handler.
     *
     * @param journaling where the request is recorded
     * @param uploads    the limits refused bodies are drained within
     * @param slowBodies the server's dribbled answers, which its stop ends
     */
    public static void begin(Context ctx, Journaling journaling, UploadLimits uploads, SlowBodies slowBodies) {
        ctx.req().setAttribute(ATTRIBUTE, new RequestScope(journaling, uploads, slowBodies));
    }

    /** @return the request's scope, or null for a request answered before the handlers (never in practice) */
    static RequestScope of(Context ctx) {
        return ctx.req().getAttribute(ATTRIBUTE) instanceof RequestScope scope ? scope : null;
    }
}
