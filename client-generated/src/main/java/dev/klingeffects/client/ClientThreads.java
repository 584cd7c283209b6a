package dev.klingeffects.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default threads of every client in the JVM, bounded: the steps between requests and waits never
 * block, so a few threads carry any number of calls. Without a bound, a burst of a thousand polls
 * answered at once made the JDK's cached pools start hundreds of threads. Daemons, released after 30 s
 * idle, so they never keep a JVM alive.
 */
final class ClientThreads {

    // Declared first: the pools below are built from it during class initialisation.
    /** Threads per pool: the machine's processors, at least two. */
    static final int SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Where the client's own steps and listeners run, unless the builder was given an executor. */
    static final ExecutorService STEPS = pool("kling-effects-client");
    /** The executor of an HttpClient the client builds itself (never set on one the caller gives). */
    static final ExecutorService HTTP = pool("kling-effects-client-http");

    private ClientThreads() {}

    private static ExecutorService pool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SIZE, SIZE, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
