package dev.klingeffects.mock.http;

import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.faults.PlannedFaults;
import io.javalin.http.Context;

/**
 * The fault a request of one route gets, if any: the one its {@code Prefer} header asks for, else the next one
 * queued for its key. A fault {@code before} the request's work mangles a proxy's error page
 * ({@link FaultInjector#proxyPage()}): nothing was done, so no answer may name a task.
 */
final class RouteFaults {

    private final PlannedFaults planned;
    private final ApiKeys keys;

    RouteFaults(PlannedFaults planned, ApiKeys keys) {
        this.planned = planned;
        this.keys = keys;
    }

    /** @return the fault for this request, or null */
    FaultPlan of(Context ctx, Prefer prefer) {
        if (prefer.fault() != null) {
            return prefer.fault();
        }
        return planned.next(() -> keys.authenticate(ctx.header("Authorization")).key());
    }

    /**
     * Answers a fault that strikes before the request's work, if that is the one planned.
     *
     * @return whether the request was answered
     */
    boolean answeredBefore(Context ctx, FaultPlan fault, Prefer prefer) {
        if (fault == null || fault.after()) {
            return false;
        }
        // Of the preferences only the fault and the delay can be honoured: no code, no outcome.
        send(ctx, ApiGate.withPreferenceApplied(FaultInjector.proxyPage(), prefer, false), prefer.delayMillis(), fault);
        return true;
    }

    /** Sends {@code reply} after {@code delayMillis}, mangled by {@code fault} when there is one. */
    static void send(Context ctx, Reply reply, long delayMillis, FaultPlan fault) {
        if (fault == null) {
            Responder.send(ctx, reply, delayMillis);
        } else {
            Responder.sendFaulted(ctx, reply, delayMillis, fault);
        }
    }
}
