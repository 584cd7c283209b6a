package dev.klingeffects.mock.tasks;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Unguessable identifiers: 128 bits from {@link SecureRandom}, so one task id tells nothing about the
 * next, and a result file's name cannot be derived from its task id. One generator per request thread:
 * the platform default reads {@code /dev/urandom} under one lock for the whole JVM, where 200 threads
 * submitting at once queued.
 */
public final class Ids {

    /** Bytes of one identifier: 128 bits. */
    static final int TOKEN_BYTES = 16;
    /**
     * Identifiers drawn from the generator at once. Each draw of the JDK's DRBG pays a fixed cost (its state
     * update hashes as much as its output) whatever the size asked for: 8.5 % of a submit's CPU when two
     * 16-byte draws were made per submit. Bytes are handed out once and overwritten as they go.
     */
    static final int TOKENS_PER_DRAW = 16;

    private static final ThreadLocal<Draws> DRAWS = ThreadLocal.withInitial(Draws::new);
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    /** @return a new {@code task_id}, {@code task-} and 32 hex digits */
    public static String taskId() {
        return "task-" + token();
    }

    /** @return 32 random hex digits */
    public static String token() {
        return DRAWS.get().next();
    }

    /** One thread's generator and the part of its last draw not handed out yet. */
    static final class Draws {

        private final SecureRandom random;
        private final byte[] bytes = new byte[TOKEN_BYTES * TOKENS_PER_DRAW];
        private int next = bytes.length;

        Draws() {
            this(newGenerator());
        }

        Draws(SecureRandom random) {
            this.random = random;
        }

        String next() {
            if (next == bytes.length) {
                random.nextBytes(bytes);
                next = 0;
            }
            String token = HEX.formatHex(bytes, next, next + TOKEN_BYTES);
            Arrays.fill(bytes, next, next + TOKEN_BYTES, (byte) 0); // handed out: no later reader sees it
            next += TOKEN_BYTES;
            return token;
        }

        private static SecureRandom newGenerator() {
            try {
                return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                return new SecureRandom();
            }
        }
    }
}
