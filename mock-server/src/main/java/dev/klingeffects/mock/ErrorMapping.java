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
            case 408 -> new ContractError(408, "Invalid format", "request not received in time");
            // An HTTP/2 preface on this HTTP/1.1 port.
            case 426 -> new ContractError(426, "Invalid format", "HTTP/2 is not served here, use HTTP/1.1");
            // A request line the parser cannot read, unknown versions (HTTP/1.2, HTTP/3) included: the
            // client's request is malformed, so 400 rather than Jetty's 505.
            case 505 -> new ContractError(400, "Invalid format", "unsupported HTTP version, use HTTP/1.1");
            default -> status >= 500 ? new ContractError(status, "Internal error", "an unexpected error occurred, please retry later")
                    : new ContractError(status, "Invalid format", "malformed HTTP request");
        };
    }
}
