package dev.klingeffects.mock.auth;

import dev.klingeffects.contract.ContractError;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>}: any non-empty key of at most {@link #MAX_KEY_CHARS}
 * characters, or only the configured ones. An admitted key is handed on as its {@link KeyId}, so
 * nothing downstream keeps a key at the size it was sent.
 */
public final class ApiKeys {

    /**
     * Longest key accepted: far beyond any real key (Modellix keys are tens of characters), short enough
     * that hashing it costs nothing. A longer one is refused as upstream refuses any invalid key (401).
     */
    public static final int MAX_KEY_CHARS = 1024;
    private static final String SCHEME = "Bearer";

    private final Set<String> accepted;

    /** @param accepted the keys to accept; empty accepts any non-empty key */
    public ApiKeys(Set<String> accepted) {
        this.accepted = Set.copyOf(accepted);
    }

    /** The key a request proved, or why it proved none. */
    public record Verdict(KeyId key, ContractError error) {}

    /**
     * @param header the {@code Authorization} header, or null
     * @return the key, or a 401 error
     */
    public Verdict authenticate(String header) {
        if (header == null) {
            return fail("missing Authorization header");
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            return fail("Authorization header must use the Bearer scheme");
        }
        String key = space < 0 ? "" : trimmed.substring(space + 1).strip();
        if (key.isEmpty()) {
            return fail("API key is empty");
        }
        if (key.length() > MAX_KEY_CHARS) {
            return fail("API key is longer than " + MAX_KEY_CHARS + " characters");
        }
        if (!accepted.isEmpty() && !accepted.contains(key)) {
            return fail("invalid API key");
        }
        return new Verdict(KeyId.of(key), null);
    }

    private static Verdict fail(String detail) {
        return new Verdict(null, ContractError.authenticationFailed(detail));
    }
}
