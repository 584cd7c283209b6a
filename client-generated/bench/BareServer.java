import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least server the client accepts: a submit is answered with a new task id, a poll with that task,
 * already succeeded. It checks nothing and keeps nothing, so the time of a sequential call is the client's
 * (and the loopback's), not the mock's validation, journal and task store.
 *
 *   java -Dsun.net.httpserver.nodelay=true BareServer.java    # prints "listening on http://127.0.0.1:PORT"
 */
public class BareServer {

    private static final String TASKS = "/api/v1/tasks/";
    private static final AtomicLong IDS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/", BareServer::answer);
        server.start(); // handlers run on the dispatcher thread: the calls come one at a time
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        String path = exchange.getRequestURI().getRawPath();
        String json;
        if ("POST".equals(exchange.getRequestMethod())) {
            json = submitted("bench-" + IDS.incrementAndGet());
        } else if (path.startsWith(TASKS)) {
            json = succeeded(path.substring(TASKS.length()));
        } else {
            json = "{\"code\":404,\"message\":\"Not Found: no such path\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(json.startsWith("{\"code\":404") ? 404 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String submitted(String taskId) {
        return "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"pending\",\"task_id\":\"" + taskId + "\","
                + "\"model_id\":\"kling-video-effects\",\"get_result\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1/api/v1/tasks/"
                + taskId + "\"}}}";
    }

    private static String succeeded(String taskId) {
        return "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"success\",\"task_id\":\"" + taskId + "\","
                + "\"model_id\":\"kling-video-effects\",\"duration\":64210,\"result\":{\"resources\":[{\"url\":"
                + "\"https://cdn.test/v.mp4\",\"type\":\"video\",\"width\":720,\"height\":1280,\"format\":\"mp4\","
                + "\"role\":\"primary\",\"fps\":24}],\"metadata\":{}},\"result_expires_at\":1764547200000}}";
    }
}
