package dev.klingeffects.mock;

import dev.klingeffects.mock.http.Json;
import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server libraries' one-time set-up, done on the second core while the caller reads the command line
 * and the contract: loading and initialising the Javalin and Jetty classes a server is built from (Jetty's
 * {@code MimeTypes} alone lists every locale of the JDK) takes as long as the rest of the start-up, and a
 * class initialised here is ready when the real server's thread gets to it; the shared JSON mapper writes
 * its first answer here too, so the first request does not build its serializers. It builds objects of the
 * same kinds and drops them: no port is opened, no thread pool started. Once per JVM.
 */
final class ServerWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ServerWarmUp() {}

    /** Starts the warm-up on a daemon thread, unless it already ran in this JVM. */
    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(ServerWarmUp::run, "mock-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The warm-up itself, on the caller's thread. */
    static void run() {
        try {
            Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.startupWatcherEnabled = false;
            });
            Server server = new Server(new QueuedThreadPool(MockServer.MAX_THREADS, 8));
            new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
            server.setHandler(new GracefulHandler(new ServletContextHandler()));
            new HttpGenerator();
            Json.bytes(Json.object().put("status", "ok"));
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: the real server meets (and reports) whatever failed here.
        }
    }
}
