package dev.klingeffects.client;

/**
 * The server answered, but not in the API's format: an HTML page, garbage, a field of the wrong type,
 * an unreadable URL, an empty body, or a success envelope without its data. The request reached the
 * server, so after a submit a task may exist (and be billed): it is never retried for a submit.
 */
public class ModellixResponseFormatException extends ModellixException {

    /** The start of the answer, secrets redacted. */
    private final String bodyExcerpt;

    /**
     * @param message     what was being done and what was wrong
     * @param bodyExcerpt the start of the answer, secrets redacted, or empty
     * @param cause       the parsing failure, or null
     */
    public ModellixResponseFormatException(String message, String bodyExcerpt, Throwable cause) {
        super(message, cause);
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /** @return the start of the answer (at most 200 characters, secrets redacted) */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** @return always true: the server answered, so a submitted task may exist */
    public boolean requestReachedServer() {
        return true;
    }
}
