package dev.klingeffects.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default threads of every client in the JVM, bounded: the steps between requests and waits never
 * block, so a few threads carry any number of calls. Without a bound, a burst of a thousand polls
 * answered at once made the JDK's cached pools start hundreds of threads. Daemons, released when idle,
 * so they never keep a JVM alive.
 */
final class ClientThreads {

    // Declared first: the pools below are built from it during class initialisation.
    /** Threads per pool: the machine's processors, at least two. */
    static final int SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Where the client's own steps, listeners and the callers' non-async callbacks run, unless the builder
     * was given an executor. A fork-join pool, because a caller may block on the client inside such a
     * callback ({@code submitAsync(r).thenApply(t -> client.awaitCompletion(...))}): a
     * {@code CompletableFuture.get} on one of its workers makes it start a spare thread, where a fixed pool
     * would deadlock once every thread waited on steps queued behind it.
     */
    static final ExecutorService STEPS = new ForkJoinPool(SIZE, pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("kling-effects-client-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }, null, true);

    /** The executor of an HttpClient the client builds itself (never set on one the caller gives); runs no caller code. */
    static final ExecutorService HTTP = fixedPool("kling-effects-client-http");

    private ClientThreads() {}

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
