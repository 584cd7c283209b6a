package dev.klingeffects.mock.http;

import dev.klingeffects.mock.admin.RequestJournal;
import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.logging.ClientText;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

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

    private final Recorder recorder;

    /** @param recorder where requests are recorded */
    public Journaling(Recorder recorder) {
        this.recorder = recorder;
    }

    /** From the request logger, after the answer: records it if nothing did before. */
    public void afterAnswer(Context ctx, double millis) {
        RequestScope scope = RequestScope.of(ctx);
        if (scope != null) {
            record(ctx, scope, ctx.statusCode(), millis, null);
        }
    }

    static void beforeAnswer(Context ctx, int status) {
        beforeAnswer(ctx, status, null);
    }

    /** Records the request answered with {@code status} (0: no answer at all) and the fault, if any. */
    static void beforeAnswer(Context ctx, int status, String fault) {
        RequestScope scope = RequestScope.of(ctx);
        if (scope != null && scope.journaling != null) {
            scope.journaling.record(ctx, scope, status, (System.nanoTime() - scope.startedNanos) / 1_000_000.0, fault);
        }
    }

    /** Keeps the summary of a body the handler read, for the journal (see {@code BodySummary}). */
    static void keepBody(Context ctx, String summary) {
        RequestScope scope = RequestScope.of(ctx);
        if (scope != null) {
            scope.bodySummary = summary;
        }
    }

    private void record(Context ctx, RequestScope scope, int status, double millis, String fault) {
        if (scope.recorded || ctx.path().startsWith("/__admin")) {
            return;
        }
        scope.recorded = true;
        Headers headers = headers(ctx.req());
        recorder.record(ctx.method().name(), ctx.path(), status, millis, fault, headers.kept(), headers.dropped(),
                scope.bodySummary);
    }

    /** The headers the journal keeps, and how many distinct names it had to drop. */
    private record Headers(Map<String, String> kept, int dropped) {}

    /**
     * The request's headers, bounded, the API key masked as the mock shows keys everywhere else: the first
     * value of each name, as the servlet API gives it, read in one pass over the parsed fields.
     */
    private static Headers headers(HttpServletRequest request) {
        HttpFields fields = ServletContextRequest.getServletContextRequest(request).getHeaders();
        Map<String, String> kept = new LinkedHashMap<>();
        // Names seen so far, lower-cased; only a request with more fields than the journal keeps needs them.
        Set<String> seen = fields.size() > RequestJournal.MAX_HEADERS ? new HashSet<>() : null;
        int distinct = 0;
        int index = 0;
        for (HttpField field : fields) {
            String name = field.getName();
            boolean repeated = seen != null ? !seen.add(name.toLowerCase(Locale.ROOT)) : seenBefore(fields, index, name);
            index++;
            if (repeated) {
                continue;
            }
            distinct++;
            if (kept.size() < RequestJournal.MAX_HEADERS) {
                String value = field.getValue();
                if ("Authorization".equalsIgnoreCase(name) && value != null) {
                    value = masked(value);
                }
                kept.put(ClientText.clip(name), ClientText.clip(value));
            }
        }
        return new Headers(Collections.unmodifiableMap(kept), distinct - kept.size());
    }

    private static boolean seenBefore(HttpFields fields, int index, String name) {
        for (int i = 0; i < index; i++) {
            if (fields.getField(i).getName().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String masked(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? KeyId.mask(authorization)
                : authorization.substring(0, space) + " " + KeyId.mask(authorization.substring(space + 1).strip());
    }
}
