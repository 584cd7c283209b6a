package dev.klingeffects.mock.faults;

/**
 * A fault and when it strikes. {@code before}: the request takes no effect at all (no task created, no
 * rate-limit slot or queued outcome used, the body only read for the journal) and no answer names a task: the
 * body faults mangle a proxy's HTML error page (200); {@code after} (the default): the mock does the request's work,
 * then the answer is lost or mangled, so a submit's task exists although its client never learnt its id.
 *
 * @param fault       the fault
 * @param after       whether it strikes after the request's work ({@code fault-when=after}) or before it
 * @param delayMillis for {@code slow-body}: how long the answer is dribbled over
 */
public record FaultPlan(Fault fault, boolean after, long delayMillis) {

    /** How long {@code slow-body} dribbles when no {@code delay} is given. */
    public static final long DEFAULT_SLOW_BODY_MILLIS = 1000;

    /** @return the plan as the journal and {@code Preference-Applied} show it, e.g. {@code fault=connection-reset; fault-when=after} */
    public String describe() {
        return "fault=" + fault.wire() + "; fault-when=" + (after ? "after" : "before");
    }

    /** @return how long a {@code slow-body} answer takes */
    public long slowBodyMillis() {
        return delayMillis > 0 ? delayMillis : DEFAULT_SLOW_BODY_MILLIS;
    }
}
