package dev.klingeffects.mock.admin;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.http.Loopback;
import dev.klingeffects.mock.http.Reply;
import dev.klingeffects.mock.http.Responder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * What every {@code /__admin} request passes first. The admin API can reset the mock and plant tasks for
 * any key, so: with {@code --admin-token} it needs that Bearer token; a write must be JSON (a web page
 * can send {@code text/plain} across sites without asking, but not {@code application/json}); and while
 * the mock listens on loopback only, a request must name the machine itself in {@code Host} (a DNS
 * rebinding page names its own domain) and come from no other {@code Origin}.
 */
public final class AdminGuard implements Handler {

    private final byte[] token;
    private final boolean loopbackOnly;

    /**
     * @param adminToken   the required Bearer token, or null for none
     * @param loopbackOnly whether the mock listens on a loopback address only
     */
    public AdminGuard(String adminToken, boolean loopbackOnly) {
        this.token = adminToken == null ? null : ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public void handle(Context ctx) {
        ContractError refusal = refusal(ctx);
        if (refusal != null) {
            Responder.send(ctx, Reply.error(refusal));
            ctx.skipRemainingHandlers();
        }
    }

    private ContractError refusal(Context ctx) {
        if (loopbackOnly && !Loopback.isAuthority(ctx.header("Host"))) {
            return new ContractError(403, "Forbidden", "the admin API answers only requests addressed to this "
                    + "machine (Host localhost, 127.0.0.1 or [::1])");
        }
        String origin = ctx.header("Origin");
        if (loopbackOnly && origin != null && !Loopback.isOrigin(origin)) {
            return new ContractError(403, "Forbidden", "the admin API answers no cross-site request, got Origin "
                    + ContractError.quote(origin));
        }
        // The dashboard page itself holds no data; it asks for the token and sends it with every call.
        boolean dashboardPage = "GET".equals(ctx.method().name()) && ctx.path().equals("/__admin/ui");
        if (token != null && !dashboardPage) {
            String sent = ctx.header("Authorization");
            if (sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
                return ContractError.authenticationFailed("the admin API needs 'Authorization: Bearer <admin token>' "
                        + "(--admin-token)");
            }
        }
        if ("POST".equals(ctx.method().name()) && !isJson(ctx.header("Content-Type"))) {
            return new ContractError(415, "Invalid format", "admin requests must send Content-Type application/json");
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
