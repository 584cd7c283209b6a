package dev.klingeffects.client;

/** The server could not be reached, or the connection broke, after the retries allowed. */
public class ModellixConnectionException extends ModellixException {

    /**
     * @param message what was being done
     * @param cause   the I/O failure
     */
    public ModellixConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
