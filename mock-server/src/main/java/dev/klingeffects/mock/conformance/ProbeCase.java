package dev.klingeffects.mock.conformance;

import java.util.Map;

/**
 * One request the probe sends to both the target and the mock.
 *
 * @param name     what it checks, used in the report
 * @param method   HTTP method
 * @param path     path and query
 * @param headers  headers; the value {@link #KEY} stands for the user's API key and is never reported
 * @param body     the body, or null
 * @param billable whether upstream would charge for it (sent only with {@code --allow-billable})
 */
record ProbeCase(String name, String method, String path, Map<String, String> headers, String body, boolean billable) {

    /** Placeholder for the user's key in headers; replaced when sending, shown as is in reports. */
    static final String KEY = "<your key>";

    static ProbeCase free(String name, String method, String path, Map<String, String> headers, String body) {
        return new ProbeCase(name, method, path, headers, body, false);
    }

    /** @return whether the request carries the user's key (so a target that refuses the key refuses it) */
    boolean carriesKey() {
        return headers.values().stream().anyMatch(value -> value.contains(KEY));
    }

    /** @return how the report shows the request, without the key */
    String shown() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        headers.forEach((name, value) -> text.append("\n").append(name).append(": ").append(value));
        if (body != null) {
            text.append("\n\n").append(body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body);
        }
        return text.toString();
    }
}
