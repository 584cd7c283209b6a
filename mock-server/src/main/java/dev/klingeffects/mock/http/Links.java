package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/** The base URL for links in responses: the configured public URL, or the host the client used. */
public final class Links {

    // A Host header is client input: only a plain host[:port] may end up in a link.
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    private final String publicUrl;
    /** The last Host that passed the check: a mock's clients nearly always use one name for it. */
    private volatile String lastSafeHost = "";

    /** @param publicUrl the configured public URL, or null to use the request's own host */
    public Links(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** @return the base URL the client used (or the configured one) */
    public String baseUrl(Context ctx) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String host = ctx.header("Host");
        if (host != null && host.equals(lastSafeHost)) {
            return "http://" + host;
        }
        if (host != null && SAFE_HOST.matcher(host).matches()) {
            lastSafeHost = host;
        } else {
            host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
            if (host.indexOf(':') != host.lastIndexOf(':')) {
                host = "[" + ctx.req().getLocalAddr() + "]:" + ctx.req().getLocalPort();
            }
        }
        return "http://" + host;
    }
}
