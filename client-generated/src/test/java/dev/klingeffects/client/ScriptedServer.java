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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on a free port that answers from a script and records what it received. */
final class ScriptedServer implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * One answer. {@code body} is sent whole unless {@code stallAfter} is set: then the head and that many
     * body bytes go out, and the answer hangs until the server closes; a negative {@code stallAfter} sends
     * nothing at all.
     */
    record Scripted(int status, byte[] body, Map<String, String> headers, Integer stallAfter) {
        Scripted(int status, String body, Map<String, String> headers) {
            this(status, body.getBytes(StandardCharsets.UTF_8), headers, null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
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
            if (answer.stallAfter() != null && answer.stallAfter() < 0) {
                awaitClosing(); // no answer at all, not even its head
                exchange.close();
                return;
            }
            byte[] bytes = answer.body();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            if (answer.stallAfter() != null) {
                exchange.getResponseBody().write(bytes, 0, answer.stallAfter());
                exchange.getResponseBody().flush();
                awaitClosing();
            } else {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        // Each exchange on its own thread, so a stalled answer does not hold up the others.
        server.setExecutor(handlers);
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

    /** Sends the head and the first {@code bytes} of the body, then nothing more until the server closes. */
    ScriptedServer thenStall(int status, String body, int bytes) {
        script.add(new Scripted(status, body.getBytes(StandardCharsets.UTF_8), Map.of(), bytes));
        return this;
    }

    /** Never answers: no head, no body, until the server closes. */
    ScriptedServer thenHang() {
        script.add(new Scripted(200, new byte[0], Map.of(), -1));
        return this;
    }

    /** Every answer after the script never comes. */
    ScriptedServer alwaysHang() {
        fallback = new Scripted(200, new byte[0], Map.of(), -1);
        return this;
    }

    ScriptedServer then(int status, byte[] body) {
        script.add(new Scripted(status, body, Map.of(), null));
        return this;
    }

    ScriptedServer always(int status, String body) {
        fallback = new Scripted(status, body, Map.of());
        return this;
    }

    List<Received> received() {
        return received;
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    static String task(String status, String extra) {
        return task("task-1", status, extra);
    }

    static String task(String taskId, String status, String extra) {
        return "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"" + status
                + "\",\"task_id\":\"" + taskId + "\",\"model_id\":\"kling-video-effects\"" + extra + "}}";
    }

    static String submitted() {
        return submitted("task-1");
    }

    static String submitted(String taskId) {
        return "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"pending\",\"task_id\":\"" + taskId + "\","
                + "\"model_id\":\"kling-video-effects\",\"get_result\":{\"method\":\"GET\",\"url\":\"http://x.test/api/v1/tasks/" + taskId + "\"}}}";
    }

    static String success() {
        return success("task-1");
    }

    static String success(String taskId) {
        return task(taskId, "success", ",\"duration\":64210,\"result\":{\"resources\":[{\"url\":\"https://cdn.test/v.mp4\","
                + "\"type\":\"video\",\"width\":720,\"height\":1280,\"format\":\"mp4\",\"role\":\"primary\",\"fps\":24}],"
                + "\"metadata\":{}},\"result_expires_at\":1764547200000");
    }

    static String error(int status, String message) {
        return "{\"code\":" + status + ",\"message\":\"" + message + "\"}";
    }
}
