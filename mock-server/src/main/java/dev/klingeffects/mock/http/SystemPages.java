package dev.klingeffects.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingeffects.contract.ContractSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /health}, {@code /openapi.yaml} (the exact spec), and {@code /docs}: Swagger UI from a webjar,
 * reading {@code /docs/openapi.json}, the spec whose only server is this mock at the URL the browser
 * used, so "Try it out" can never reach the paid production API.
 */
public final class SystemPages {

    private final byte[] spec;
    private final JsonNode specTree;
    private final byte[] docs;
    private final Links links;

    /**
     * @param spec  the spec to serve
     * @param links the mock's own base URL, as the client sees it
     */
    public SystemPages(ContractSpec spec, Links links) {
        this.spec = spec.text();
        this.specTree = spec.root();
        this.docs = docsPage().getBytes(StandardCharsets.UTF_8);
        this.links = links;
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

    /** {@code GET /docs/openapi.json}: the spec with this mock, and nothing else, as its server */
    public void docsSpec(Context ctx) {
        ObjectNode copy = specTree.deepCopy();
        ArrayNode servers = copy.putArray("servers");
        servers.addObject().put("url", links.baseUrl(ctx))
                .put("description", "This mock server (free; production is left out of this page on purpose)");
        Responder.send(ctx, Reply.json(200, copy));
    }

    /** {@code GET /}: people who open the bare address want the docs */
    public void root(Context ctx) {
        Responder.send(ctx, new Reply(302, new byte[0], "text/plain", Map.of("Location", "/docs")));
    }
}
