package dev.klingeffects.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on a free port that answers from a script and records what it received. */
final class ScriptedServer implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Scripted(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Scripted fallback = new Scripted(500, "{\"code\":500,\"message\":\"Internal error: script ran out\"}", Map.of());

    ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Scripted answer = script.poll();
            if (answer == null) {
                answer = fallback;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedServer then(int status, String body) {
        return then(status, body, Map.of());
    }

    ScriptedServer then(int status, String body, Map<String, String> headers) {
        script.add(new Scripted(status, body, headers));
        return this;
    }

    ScriptedServer always(int status, String body) {
        fallback = new Scripted(status, body, Map.of());
        return this;
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String task(String status, String extra) {
        return "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"" + status
                + "\",\"task_id\":\"task-1\",\"model_id\":\"kling-video-effects\"" + extra + "}}";
    }

    static String submitted() {
        return "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"pending\",\"task_id\":\"task-1\","
                + "\"model_id\":\"kling-video-effects\",\"get_result\":{\"method\":\"GET\",\"url\":\"http://x.test/api/v1/tasks/task-1\"}}}";
    }

    static String success() {
        return task("success", ",\"duration\":64210,\"result\":{\"resources\":[{\"url\":\"https://cdn.test/v.mp4\","
                + "\"type\":\"video\",\"width\":720,\"height\":1280,\"format\":\"mp4\",\"role\":\"primary\",\"fps\":24}],"
                + "\"metadata\":{}},\"result_expires_at\":1764547200000");
    }

    static String error(int status, String message) {
        return "{\"code\":" + status + ",\"message\":\"" + message + "\"}";
    }
}
