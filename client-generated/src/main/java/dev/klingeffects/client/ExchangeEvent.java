package dev.klingeffects.client;

import java.time.Duration;

/**
 * One HTTP exchange with the API, as {@link ClientListener#onExchange} hears it.
 *
 * @param operation  {@value #SUBMIT} or {@value #GET_TASK}: a bounded name, never a task id
 * @param httpStatus the answer's HTTP status, or 0 when no answer came (refused, timed out, cut short)
 * @param duration   from sending the request to the answer read, or to the failure
 * @param error      what ended the exchange without an answer (an {@link java.io.IOException}, a timeout, an
 *                   answer over the size bound), or null when an answer came
 */
public record ExchangeEvent(String operation, int httpStatus, Duration duration, Throwable error) {

    /** The operation of a submit. */
    public static final String SUBMIT = "submit";
    /** The operation of a poll. */
    public static final String GET_TASK = "get_task";
}
