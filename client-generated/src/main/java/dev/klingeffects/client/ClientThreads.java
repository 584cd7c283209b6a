package dev.klingeffects.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default threads of the clients, bounded: the steps between requests and waits never block, so a few
 * threads carry any number of calls. Without a bound, a burst of a thousand polls answered at once made the
 * JDK's cached pools start hundreds of threads. Daemons, released when idle, so they never keep a JVM alive.
 */
final class ClientThreads {

    // Declared first: the pools below are built from it during class initialisation.
    /** Threads per pool: the machine's processors, at least two. */
    static final int SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** The executor of the HttpClients the clients build themselves (never set on one the caller gives); runs no caller code. */
    static final ExecutorService HTTP = fixedPool("kling-effects-client-http");

    /**
     * The HttpClients the clients build, one per connect timeout, shared: each HttpClient has its own selector
     * thread, which on Java 17 lives until the HttpClient is garbage collected, so 200 clients built and closed
     * left 200 selector threads behind. Their settings (connect timeout, no redirects, the pool above) are all
     * a client chooses, so sharing them changes nothing a client can see.
     */
    private static final Map<Duration, HttpClient> SHARED_HTTP = new ConcurrentHashMap<>();

    private ClientThreads() {}

    static HttpClient sharedHttpClient(Duration connectTimeout) {
        return SHARED_HTTP.computeIfAbsent(connectTimeout, timeout ->
                HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).executor(HTTP).build());
    }

    /**
     * One client's own steps, listener calls and the callers' non-async callbacks, unless the builder was given
     * an executor: a client never waits behind another's slow callbacks. A fork-join pool, because a caller
     * may block on the client inside such a callback ({@code submitAsync(r).thenApply(t -> client.awaitCompletion(...))}):
     * a {@code CompletableFuture.get} on one of its workers makes it start a spare thread, where a fixed pool
     * would deadlock once every thread waited on steps queued behind it. Idle threads end after a minute.
     */
    static ForkJoinPool stepsOfOneClient() {
        String prefix = "kling-effects-client-" + CLIENTS.incrementAndGet() + "-";
        return new ForkJoinPool(SIZE, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(prefix + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }

    private static ExecutorService fixedPool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SIZE, SIZE, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
