package dev.klingeffects.mock.junit5;

import java.util.Map;

/**
 * One request the mock answered (the admin API's own requests are not recorded). The API key in
 * {@code Authorization} is masked to its hint ({@code Bearer te****ey} for {@code test-key}, {@code Bearer ****}
 * for a key of 6 characters or fewer); a Base64 image in the body is kept as its length and the CRC32C of its
 * Base64 text as sent ({@code "<base64: 13981016 chars, crc32c 1a2b3c4d>"}), other text over 256 characters
 * as {@code "<N chars, crc32c XXXXXXXX>"}.
 *
 * @param method  HTTP method
 * @param path    path, without the query
 * @param status  the status the mock answered (0: none, the connection was closed by a fault)
 * @param millis  how long it took
 * @param at      when it was answered (Unix ms, mock clock)
 * @param fault   the fault it was answered with, e.g. {@code fault=connection-reset; fault-when=after}, or null
 * @param headers the request's headers as the mock keeps them (at most 32, each clipped at 120 characters)
 * @param body    the body as the mock keeps it (at most 4,096 characters), or null when it read none
 */
public record RecordedRequest(String method, String path, int status, double millis, long at, String fault,
                              Map<String, String> headers, String body) {

    /** Copies the headers. */
    public RecordedRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A request without headers, body or fault (the shape before they were recorded). */
    public RecordedRequest(String method, String path, int status, double millis, long at) {
        this(method, path, status, millis, at, null, Map.of(), null);
    }

    /** @return whether this is a submit of an effect task */
    public boolean isSubmit() {
        return "POST".equals(method) && path.endsWith("/kling-video-effects/async");
    }

    /** @return whether this is a poll of a task */
    public boolean isPoll() {
        return "GET".equals(method) && path.startsWith("/api/v1/tasks/");
    }

    /** @return the value of a header, matched without regard to case, or null */
    public String header(String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** @return one line: {@code POST /api/… -> 200}, with the fault if any */
    String line() {
        return method + " " + path + " -> " + (status == 0 ? "no answer" : String.valueOf(status))
                + (fault == null ? "" : " (" + fault + ")");
    }
}
