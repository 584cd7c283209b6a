import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;

/**
 * The bench's floor: Javalin 7 on the mock's own class path, reading each request's body and answering a
 * fixed 200 JSON, with no validation, no store and no limits. speed.sh compiles it into .work and runs it
 * as {@code java -cp <mock jar>:<classes> BareJavalin [--port] PORT}.
 */
public final class BareJavalin {

    private BareJavalin() {}

    public static void main(String[] args) {
        byte[] answer = "{\"code\":200,\"msg\":\"success\",\"data\":{\"task_id\":\"task-bare\",\"status\":\"pending\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = Integer.parseInt(args[args.length - 1]);
            // The 10 MB image mix sends 14 MB bodies.
            config.http.maxRequestSize = 64L * 1024 * 1024;
            config.routes.post("/api/v1/image-to-video/kling/kling-video-effects/async", ctx -> {
                ctx.bodyAsBytes();
                ctx.contentType("application/json").result(answer);
            });
            config.routes.get("/api/v1/tasks/{task_id}", ctx -> ctx.contentType("application/json").result(answer));
            config.routes.get("/health", ctx -> ctx.contentType("application/json").result(answer));
        }).start();
    }
}
