package dev.klingeffects.mock.junit5;

import java.util.Locale;

/** A network fault the mock answers with (see {@link MockAdmin#faultNext(MockFault)}). */
public enum MockFault {
    /** The connection is reset (TCP RST): no byte of an answer. */
    CONNECTION_RESET,
    /** The connection is closed without a byte of an answer. */
    EMPTY_RESPONSE,
    /** The answer's status and headers with a body that is not JSON (200 for a success). */
    MALFORMED_JSON,
    /** The headers promise the whole body, half of it is sent, then the connection closes. */
    TRUNCATED_BODY,
    /** The answer, dribbled in pieces over a delay (1 s unless given). */
    SLOW_BODY;

    /** @return the name on the wire, e.g. {@code connection-reset} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** When a fault strikes. */
    public enum When {
        /** Instead of the request's work: no task is created, nothing changes. */
        BEFORE,
        /** After the request's work: a submit's task exists although its client never got the answer. */
        AFTER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
