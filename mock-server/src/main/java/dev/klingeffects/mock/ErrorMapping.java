package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.HttpResponseException;

/** Refusals that come from Javalin or Jetty rather than from the API's own rules, in the API's error shape. */
final class ErrorMapping {

    private ErrorMapping() {}

    static ContractError of(HttpResponseException e, String method, String path, long maxBodyBytes) {
        String shownPath = ContractError.quote(path);
        return switch (e.getStatus()) {
            case 404 -> ContractError.notFound("no route for " + method + " " + shownPath);
            case 405 -> ContractError.methodNotAllowed(method + " is not allowed on " + shownPath);
            default -> forStatus(e.getStatus(), maxBodyBytes);
        };
    }

    static ContractError forStatus(int status, long maxBodyBytes) {
        return switch (status) {
            case 404 -> ContractError.notFound("no such resource");
            case 405 -> ContractError.methodNotAllowed("method not allowed on this resource");
            case 413 -> ContractError.payloadTooLarge(maxBodyBytes);
            case 414 -> new ContractError(414, "Invalid parameters", "request URI is too long");
            case 431 -> new ContractError(431, "Invalid parameters", "request headers are too large");
            // RFC 9110's answer to a request line that is not HTTP/1.x, given before any route.
            case 505 -> new ContractError(505, "Invalid format", "HTTP version not supported, use HTTP/1.1");
            default -> status >= 500 ? new ContractError(status, "Internal error", "an unexpected error occurred, please retry later")
                    : new ContractError(status, "Invalid format", "malformed HTTP request");
        };
    }
}
