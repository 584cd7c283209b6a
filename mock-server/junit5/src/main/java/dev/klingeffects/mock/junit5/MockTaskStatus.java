package dev.klingeffects.mock.junit5;

import java.util.Locale;

/** A task's status as the mock reports it. */
public enum MockTaskStatus {
    /** Queued. */
    PENDING,
    /** Being rendered. */
    PROCESSING,
    /** Finished with a video. */
    SUCCESS,
    /** Finished without one. */
    FAILED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MockTaskStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
