package dev.klingeffects.mock.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.klingeffects.contract.ContractError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response decided but not yet sent, so it can be delayed ({@code Prefer: delay}) or given
 * extra headers in one place.
 *
 * @param status      HTTP status
 * @param body        the body bytes
 * @param contentType its media type
 * @param headers     extra headers
 */
public record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {

    /** @return a JSON reply */
    public static Reply json(int status, Object body) {
        return jsonBody(status, Json.bytes(body));
    }

    /** @return a reply of JSON already written, as UTF-8 bytes */
    public static Reply jsonBody(int status, byte[] body) {
        return new Reply(status, body, "application/json", Map.of());
    }

    /** @return the error in the API's shape {@code {"code": status, "message": "<Category>: <detail>"}} */
    public static Reply error(ContractError error) {
        // Written directly: every refusal takes this path, and a tree plus its serializer cost more than the text.
        StringBuilder body = new StringBuilder(error.message().length() + 32).append("{\"code\":").append(error.status())
                .append(",\"message\":\"");
        JsonStringEncoder.getInstance().quoteAsString(error.message(), body);
        body.append("\"}");
        return jsonBody(error.status(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return a copy with these headers added */
    public Reply withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new Reply(status, body, contentType, merged);
    }
}
