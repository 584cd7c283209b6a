package dev.klingeffects.mock.http;

import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code slow-body} answers being dribbled by one server, so that its stop can end them at once
 * (closing their connections) instead of waiting out their delay past the shutdown grace.
 */
public final class SlowBodies {

    private final Set<Runnable> ending = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** @return the server's slow bodies, or null when the request came through no server (never in practice) */
    static SlowBodies of(Context ctx) {
        RequestScope scope = RequestScope.of(ctx);
        return scope == null ? null : scope.slowBodies;
    }

    /** @return false when the server is stopping: the dribble must end at once */
    boolean add(Runnable end) {
        ending.add(end);
        if (stopping) {
            ending.remove(end);
            return false;
        }
        return true;
    }

    void remove(Runnable end) {
        ending.remove(end);
    }

    /** Ends every dribble now and any that starts later: their connections close. */
    public void endAll() {
        stopping = true;
        for (Runnable end : ending) {
            end.run();
        }
    }
}
