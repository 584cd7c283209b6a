package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** {@code /health}, {@code /openapi.yaml} (the exact spec) and {@code /docs} (Swagger UI from a webjar). */
public final class SystemPages {

    private final byte[] spec;
    private final byte[] docs;

    /** @param spec the spec to serve */
    public SystemPages(ContractSpec spec) {
        this.spec = spec.text();
        this.docs = docsPage().getBytes(StandardCharsets.UTF_8);
    }

    private static String docsPage() {
        ClassLoader loader = SystemPages.class.getClassLoader();
        try (InputStream page = loader.getResourceAsStream("mock/docs.html");
             InputStream versions = loader.getResourceAsStream("mock/version.properties")) {
            Properties properties = new Properties();
            properties.load(versions);
            return new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@SWAGGER_UI@", "/webjars/swagger-ui/" + properties.getProperty("swagger-ui.version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /health} */
    public void health(Context ctx) {
        Responder.send(ctx, Reply.json(200, Json.object().put("status", "ok")));
    }

    /** {@code GET /openapi.yaml} */
    public void spec(Context ctx) {
        Responder.send(ctx, new Reply(200, spec, "application/yaml", Map.of()));
    }

    /** {@code GET /docs} */
    public void docs(Context ctx) {
        Responder.send(ctx, new Reply(200, docs, "text/html; charset=utf-8", Map.of()));
    }
}
