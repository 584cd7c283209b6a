package dev.klingeffects.mock.validation;

/**
 * One pass over a JSON string's bytes that finds where its plain text ends (the first {@code "} or
 * {@code \}) and where its first byte outside the Base64 alphabet is: a 14 MB image is then read from
 * memory once for both, instead of once for its end and again for its alphabet.
 *
 * @param end            index of the first {@code "} or {@code \} at or after the start, or the body's length
 * @param firstNonBase64 index of the first byte before {@code end} outside {@code A-Za-z0-9+/}, or -1
 */
record PlainTextScan(int end, int firstNonBase64) {

    private static final int ALPHABET = 0;
    private static final int OTHER = 1;
    private static final int STOP = 2;
    /** Per byte value (0-255): its class. */
    private static final byte[] CLASS = new byte[256];
    /** Bytes classified together before looking at the verdict: the inner loop has no branch per byte. */
    private static final int BLOCK = 256;

    static {
        java.util.Arrays.fill(CLASS, (byte) OTHER);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            CLASS[alphabet.charAt(i)] = ALPHABET;
        }
        CLASS['"'] = STOP;
        CLASS['\\'] = STOP;
    }

    /** @return the scan of {@code body} from {@code from} on */
    static PlainTextScan of(byte[] body, int from) {
        int firstNonBase64 = -1;
        for (int block = from; block < body.length; block += BLOCK) {
            int to = Math.min(body.length, block + BLOCK);
            int seen = 0;
            for (int i = block; i < to; i++) {
                seen |= CLASS[body[i] & 0xFF];
            }
            if (seen == ALPHABET) {
                continue;
            }
            for (int i = block; i < to; i++) {
                int kind = CLASS[body[i] & 0xFF];
                if (kind == STOP) {
                    return new PlainTextScan(i, firstNonBase64);
                }
                if (kind == OTHER && firstNonBase64 < 0) {
                    firstNonBase64 = i;
                }
            }
        }
        return new PlainTextScan(body.length, firstNonBase64);
    }
}
