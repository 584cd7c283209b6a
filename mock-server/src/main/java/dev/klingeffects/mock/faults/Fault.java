package dev.klingeffects.mock.faults;

import java.util.Locale;

/**
 * A network fault the mock can answer with instead of a well-formed answer, so that a service can be tested
 * against an upstream that misbehaves ({@code Prefer: fault=connection-reset}, {@code POST /__admin/outcomes}).
 */
public enum Fault {
    /** The connection is reset (TCP RST): no byte of an answer. */
    CONNECTION_RESET,
    /** The connection is closed without a byte of an answer. */
    EMPTY_RESPONSE,
    /**
     * The answer's status and headers with a body that is not JSON (an HTML error page, as a proxy in front of an
     * API sends): 200 for a success.
     */
    MALFORMED_JSON,
    /** The answer's headers promise the whole body, half of it is sent, then the connection closes. */
    TRUNCATED_BODY,
    /** The answer, dribbled in pieces over the request's {@code delay}. */
    SLOW_BODY;

    /** @return the name on the wire, e.g. {@code connection-reset} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the fault with this wire name, or null when there is none */
    public static Fault fromWire(String wire) {
        for (Fault fault : values()) {
            if (fault.wire().equalsIgnoreCase(wire)) {
                return fault;
            }
        }
        return null;
    }

    /** @return the wire names, for messages */
    public static String wireNames() {
        StringBuilder names = new StringBuilder();
        for (Fault fault : values()) {
            names.append(names.length() == 0 ? "" : "|").append(fault.wire());
        }
        return names.toString();
    }
}
