package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.Context;
import java.util.Map;

/**
 * CORS for the API routes, and only for pages on this machine: Swagger UI on {@code /docs} opened as
 * {@code localhost}, {@code 127.0.0.1} or {@code [::1]} may call the mock whichever of those names its
 * server entry uses. No other origin is allowed, and the admin API never answers cross-origin.
 */
public final class LocalCors {

    private static final Map<String, String> PREFLIGHT = Map.of(
            "Access-Control-Allow-Methods", "GET, POST, HEAD",
            "Access-Control-Allow-Headers", "Authorization, Content-Type, Prefer",
            "Access-Control-Expose-Headers", "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, Preference-Applied",
            "Access-Control-Max-Age", "600");

    private LocalCors() {}

    /** Before an API route: a local page may read the answer. */
    public static void allowLocalOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && Loopback.isOrigin(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", PREFLIGHT.get("Access-Control-Expose-Headers"));
            ctx.header("Vary", "Origin");
        }
    }

    /** {@code OPTIONS} on an API route: the preflight of a local page, refused for any other origin. */
    public static void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !Loopback.isOrigin(origin)) {
            Responder.send(ctx, Reply.error(new ContractError(403, "Forbidden",
                    "cross-origin requests are answered only for pages on this machine")));
            return;
        }
        Responder.send(ctx, new Reply(204, new byte[0], "text/plain", PREFLIGHT)
                .withHeaders(Map.of("Access-Control-Allow-Origin", origin, "Vary", "Origin")));
    }
}
