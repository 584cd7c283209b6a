package dev.klingeffects.mock.http;

import java.net.URI;
import java.util.Locale;

/** Whether a {@code Host} or {@code Origin} names this machine itself (localhost, 127.x.x.x, [::1]). */
public final class Loopback {

    private Loopback() {}

    /** @return whether {@code origin} is an http(s) origin on this machine */
    public static boolean isOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && isHost(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return whether a {@code Host} header value ({@code name[:port]}) names this machine */
    public static boolean isAuthority(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip();
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && isHost(name.substring(0, end + 1));
        }
        int colon = name.lastIndexOf(':');
        return isHost(colon >= 0 ? name.substring(0, colon) : name);
    }

    private static boolean isHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
