package dev.klingeffects.mock.http;

import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.faults.PlannedFaults;
import io.javalin.http.Context;

/**
 * The fault a request of one route gets, if any: the one its {@code Prefer} header asks for, else the next one
 * queued for its key. A fault {@code before} the request's work mangles the route's documented example answer,
 * as nothing was done that could answer anything else.
 */
final class RouteFaults {

    private final PlannedFaults planned;
    private final ApiKeys keys;
    private final Reply example;

    /** @param example the answer a {@code before} fault mangles (the route's documented 200) */
    RouteFaults(PlannedFaults planned, ApiKeys keys, Reply example) {
        this.planned = planned;
        this.keys = keys;
        this.example = example;
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
    boolean answeredBefore(Context ctx, FaultPlan fault) {
        if (fault == null || fault.after()) {
            return false;
        }
        FaultInjector.answer(ctx, fault, example);
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
