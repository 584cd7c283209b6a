package dev.klingeffects.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The state-change endpoint a non-JVM Pact verifier calls before each interaction
 * ({@code POST {"state": "...", "action": "setup"}}): it builds the state on the mock with
 * {@link ProviderStates}, exactly as the pact-jvm verification does. Loopback only, random port.
 */
public final class ProviderStateServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private ProviderStateServer(HttpServer server) {
        this.server = server;
    }

    /** Starts the endpoint for {@code mock}. */
    public static ProviderStateServer start(InProcessMock mock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/provider-states", exchange -> handle(exchange, mock));
            server.start();
            return new ProviderStateServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the URL to give the verifier */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/provider-states";
    }

    private static void handle(HttpExchange exchange, InProcessMock mock) throws IOException {
        int status;
        String answer;
        try (exchange) {
            try {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                if (!"teardown".equals(request.path("action").asText("setup"))) {
                    ProviderStates.apply(request.path("state").asText(), mock.admin());
                }
                status = 200;
                answer = "{}";
            } catch (RuntimeException | IOException e) {
                status = 400;
                answer = JSON.writeValueAsString(java.util.Map.of("error", String.valueOf(e.getMessage())));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
