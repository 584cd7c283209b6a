package dev.klingeffects.mock.auth;

import dev.klingeffects.contract.ContractError;
import java.util.Set;

/** Checks {@code Authorization: Bearer <key>}: any non-empty key, or only the configured ones. */
public final class ApiKeys {

    private static final String SCHEME = "Bearer";

    private final Set<String> accepted;

    /** @param accepted the keys to accept; empty accepts any non-empty key */
    public ApiKeys(Set<String> accepted) {
        this.accepted = Set.copyOf(accepted);
    }

    /** The key a request proved, or why it proved none. */
    public record Verdict(String key, ContractError error) {}

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
        if (!accepted.isEmpty() && !accepted.contains(key)) {
            return fail("invalid API key");
        }
        return new Verdict(key, null);
    }

    private static Verdict fail(String detail) {
        return new Verdict(null, ContractError.authenticationFailed(detail));
    }
}
