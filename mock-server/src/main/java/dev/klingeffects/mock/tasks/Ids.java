package dev.klingeffects.mock.tasks;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unguessable identifiers: 128 bits from {@link SecureRandom}, so one task id tells nothing about the
 * next, and a result file's name cannot be derived from its task id. One generator per request thread:
 * the platform default reads {@code /dev/urandom} under one lock for the whole JVM, where 200 threads
 * submitting at once queued.
 */
public final class Ids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newGenerator);
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** @return a new {@code task_id}, {@code task-} and 32 hex digits */
    public static String taskId() {
        return "task-" + token();
    }

    /** @return 32 random hex digits */
    public static String token() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
