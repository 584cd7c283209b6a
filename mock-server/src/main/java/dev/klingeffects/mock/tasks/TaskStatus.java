package dev.klingeffects.mock.tasks;

import java.util.Arrays;
import java.util.Locale;

/** The statuses of the spec's {@code TaskStatus}. */
public enum TaskStatus {
    PENDING, PROCESSING, SUCCESS, FAILED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** @return the status as the API spells it */
    public String wire() {
        return wire;
    }

    /** @return true for {@code success} and {@code failed} */
    public boolean finished() {
        return this == SUCCESS || this == FAILED;
    }

    /** @return whether {@code text} is one of the four statuses as the API spells them */
    public static boolean isWire(String text) {
        return Arrays.stream(values()).anyMatch(status -> status.wire().equals(text));
    }

    /**
     * @param text a status as the API spells it
     * @return the status
     * @throws IllegalArgumentException when it is not one of the four
     */
    public static TaskStatus fromWire(String text) {
        return Arrays.stream(values()).filter(status -> status.wire().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(text));
    }
}
