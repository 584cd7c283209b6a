package dev.klingeffects.mock.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An API key as the mock remembers it: 128 bits of its SHA-256 and a masked hint for people, never the
 * key itself. Tasks and rate windows are kept per key, so what they hold per key must not grow with
 * what a client sends: this is 16 bytes of fingerprint and a hint of at most 8 characters, whatever the
 * key's length. 128 bits make a collision between two keys a practical impossibility, so isolation
 * between keys is as strict as comparing the keys themselves.
 *
 * @param high the fingerprint's first 64 bits
 * @param low  its next 64 bits
 * @param hint the key with all but its first and last two characters hidden, for listings
 */
public record KeyId(long high, long low, String hint) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /**
     * @param key an API key, at most {@link ApiKeys#MAX_KEY_CHARS} characters in practice
     * @return its fingerprint
     */
    public static KeyId of(String key) {
        ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
        return new KeyId(digest.getLong(), digest.getLong(), mask(key));
    }

    /**
     * @param key an API key
     * @return the key with all but its first and last two characters hidden
     */
    public static String mask(String key) {
        return key.length() <= 6 ? "****" : key.substring(0, 2) + "****" + key.substring(key.length() - 2);
    }
}
