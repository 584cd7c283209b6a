package dev.klingeffects.mock;

import java.io.IOException;
import org.eclipse.jetty.http.HttpException;

/** Exceptions that mean the request itself was unusable (cut short, badly framed), not that the mock failed. */
final class ClientFaults {

    private ClientFaults() {}

    static boolean isClientFault(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if ((cause instanceof HttpException http && http.getCode() < 500) || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
