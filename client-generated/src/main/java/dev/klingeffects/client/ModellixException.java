package dev.klingeffects.client;

/** Root of every exception the client throws; all are unchecked. */
public class ModellixException extends RuntimeException {

    /**
     * @param message what went wrong
     * @param cause   the underlying failure, or null
     */
    public ModellixException(String message, Throwable cause) {
        super(message, cause);
    }
}
