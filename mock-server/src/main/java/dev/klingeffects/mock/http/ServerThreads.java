package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Where a delayed answer (a {@code Prefer: delay}, the pieces of a {@code slow-body}) is written: the bounded
 * thread pool of the server that took the request. A write to a client that does not read blocks until the
 * idle timeout; on the JVM's common pool it would hold a thread that the team's own code shares when the mock
 * runs in its JVM (the JUnit 5 extension), and on a 2-core machine that pool is a new thread per answer.
 */
final class ServerThreads {

    private ServerThreads() {}

    /**
     * Call on the request's own thread: the request may be gone by the time the delay is over.
     *
     * @return runs a task on the server's threads once {@code millis} have passed; no thread waits meanwhile
     */
    static Executor after(Context ctx, long millis) {
        Executor server = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnector().getExecutor();
        return CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, server);
    }
}
