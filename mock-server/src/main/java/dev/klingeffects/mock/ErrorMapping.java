package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.HttpResponseException;

/** Javalin's own refusals (no route, wrong method, body too large) in the API's error shape. */
final class ErrorMapping {

    private ErrorMapping() {}

    static ContractError of(HttpResponseException e, String method, String path, long maxBodyBytes) {
        String shownPath = ContractError.quote(path);
        return switch (e.getStatus()) {
            case 404 -> ContractError.notFound("no route for " + method + " " + shownPath);
            case 405 -> ContractError.methodNotAllowed(method + " is not allowed on " + shownPath);
            case 413 -> ContractError.payloadTooLarge(maxBodyBytes);
            case 400 -> ContractError.invalidFormat("the request could not be read");
            default -> e.getStatus() >= 500 ? ContractError.internalError()
                    : new ContractError(e.getStatus(), "Invalid parameters", "the request could not be handled");
        };
    }
}
