package dev.klingeffects.mock.tasks;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unguessable identifiers: 128 bits from {@link SecureRandom}, so one task id tells nothing about the
 * next, and a result file's name cannot be derived from its task id.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    /** @return a new {@code task_id}, {@code task-} and 32 hex digits */
    public static String taskId() {
        return "task-" + token();
    }

    /** @return 32 random hex digits */
    public static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
