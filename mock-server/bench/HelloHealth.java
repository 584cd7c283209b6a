import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The start-up bench's floor: a JVM hello world that answers {@code GET /health} with a fixed 200 JSON from
 * the JDK's own HTTP server, no library at all, so its first 200 is what starting a JVM and a socket costs
 * on the machine at that moment. speed.sh compiles it into .work and runs it as
 * {@code java -cp <classes> HelloHealth --port PORT}.
 */
public final class HelloHealth {

    private HelloHealth() {}

    public static void main(String[] args) throws Exception {
        byte[] answer = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[args.length - 1])), 0);
        server.createContext("/health", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }
}
