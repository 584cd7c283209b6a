package dev.klingeffects.mock.http;

import dev.klingeffects.mock.admin.RequestJournal;
import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.logging.ClientText;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
        /** Records one answered request; see {@link RequestJournal.Entry} for each part. */
        void record(String method, String path, int status, double millis, String fault, Map<String, String> headers,
                    int headersDropped, String body);
    }

    private static final String SELF = "kling-mock.journaling";
    private static final String STARTED = "kling-mock.started-nanos";
    private static final String RECORDED = "kling-mock.journal-recorded";
    private static final String BODY = "kling-mock.journal-body";

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
        beforeAnswer(ctx, status, null);
    }

    /** Records the request answered with {@code status} (0: no answer at all) and the fault, if any. */
    static void beforeAnswer(Context ctx, int status, String fault) {
        if (ctx.req().getAttribute(SELF) instanceof Journaling journaling
                && ctx.req().getAttribute(STARTED) instanceof Long started) {
            journaling.record(ctx, status, (System.nanoTime() - started) / 1_000_000.0, fault);
        }
    }

    /** Keeps the summary of a body the handler read, for the journal (see {@code BodySummary}). */
    static void keepBody(Context ctx, String summary) {
        ctx.req().setAttribute(BODY, summary);
    }

    private void record(Context ctx, int status, double millis) {
        record(ctx, status, millis, null);
    }

    private void record(Context ctx, int status, double millis, String fault) {
        if (ctx.req().getAttribute(RECORDED) != null || ctx.path().startsWith("/__admin")) {
            return;
        }
        ctx.req().setAttribute(RECORDED, Boolean.TRUE);
        Map<String, String> headers = headers(ctx.req());
        recorder.record(ctx.method().name(), ctx.path(), status, millis, fault, headers,
                headerCount(ctx.req()) - headers.size(), (String) ctx.req().getAttribute(BODY));
    }

    /** The request's headers, bounded, the API key masked as the mock shows keys everywhere else. */
    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (var names = request.getHeaderNames(); names.hasMoreElements() && kept.size() < RequestJournal.MAX_HEADERS; ) {
            String name = names.nextElement();
            String value = request.getHeader(name);
            if ("Authorization".equalsIgnoreCase(name) && value != null) {
                value = masked(value);
            }
            kept.put(ClientText.clip(name), ClientText.clip(value));
        }
        return Collections.unmodifiableMap(kept);
    }

    /** @return how many distinct header names the request had, so the journal can say how many it dropped */
    private static int headerCount(HttpServletRequest request) {
        int count = 0;
        for (var names = request.getHeaderNames(); names.hasMoreElements(); names.nextElement()) {
            count++;
        }
        return count;
    }

    private static String masked(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? KeyId.mask(authorization)
                : authorization.substring(0, space) + " " + KeyId.mask(authorization.substring(space + 1).strip());
    }
}
