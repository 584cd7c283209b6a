package dev.klingeffects.mock.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingeffects.contract.ContractError;
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
        return new Reply(status, Json.bytes(body), "application/json", Map.of());
    }

    /** @return the error in the API's shape {@code {"code": status, "message": "<Category>: <detail>"}} */
    public static Reply error(ContractError error) {
        ObjectNode body = Json.object();
        body.put("code", error.status());
        body.put("message", error.message());
        return json(error.status(), body);
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
