package dev.klingeffects.client;

/** The server could not be reached, or the connection broke, after the retries allowed. */
public class ModellixConnectionException extends ModellixException {

    /** False only when the connection was never made. */
    private final boolean requestMayHaveReachedServer;

    /**
     * @param message what was being done
     * @param cause   the I/O failure
     */
    public ModellixConnectionException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /**
     * @param message                     what was being done
     * @param cause                       the I/O failure
     * @param requestMayHaveReachedServer false only when the connection itself was never made
     */
    public ModellixConnectionException(String message, Throwable cause, boolean requestMayHaveReachedServer) {
        super(message, cause);
        this.requestMayHaveReachedServer = requestMayHaveReachedServer;
    }

    /**
     * @return whether the request may have reached the server (sent, then no answer): after a submit, a
     *         task may exist and be billed. False only when the connection was refused or never made.
     */
    public boolean requestMayHaveReachedServer() {
        return requestMayHaveReachedServer;
    }
}
