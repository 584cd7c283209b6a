package dev.klingeffects.mock.admin;

import dev.klingeffects.mock.http.Json;
import dev.klingeffects.mock.http.Reply;
import dev.klingeffects.mock.http.Responder;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The QA dashboard: {@code GET /__admin/ui}, one static page that works through the admin API only,
 * and {@code GET /__admin/settings}, the settings it shows (keys masked, as printed at start).
 */
public final class Dashboard {

    private final byte[] page;
    private final List<String> settings;

    /** @param settings the settings as printed at start, secrets masked */
    public Dashboard(List<String> settings) {
        this.settings = List.copyOf(settings);
        try (InputStream html = Dashboard.class.getClassLoader().getResourceAsStream("mock/dashboard.html")) {
            this.page = html.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /__admin/ui} */
    public void page(Context ctx) {
        // The page holds no data: a framing site gets nothing, and it may not frame the buttons either.
        Responder.send(ctx, new Reply(200, page, "text/html; charset=utf-8", Map.of(
                "X-Frame-Options", "DENY", "Content-Security-Policy", "frame-ancestors 'none'")));
    }

    /** {@code GET /__admin/settings} */
    public void settings(Context ctx) {
        var body = Json.object();
        settings.forEach(body.putArray("settings")::add);
        Responder.send(ctx, Reply.json(200, body));
    }
}
