package dev.klingeffects.mock.admin;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A request body as the journal keeps it: the text as sent (JSON or not), except that each string longer than
 * {@link #MAX_STRING_CHARS} becomes its length and CRC32C, {@code "<base64: N chars, crc32c XXXXXXXX>"} for an
 * image (a string the validation knew as one, or one written only in the Base64 alphabet) and
 * {@code "<N chars, crc32c XXXXXXXX>"} for any other text, and the whole cut at {@link #MAX_CHARS} characters.
 * The CRC32C is of the string's bytes as sent, for an image of its Base64 text, not of the decoded image. One
 * forward scan of the bytes, no copy of a long string: its CRC32C is computed in place over the request's own
 * buffer, so a 10 MB image costs no second 10 MB buffer.
 */
public final class BodySummary {

    /** Longest string kept as sent; a longer one is kept as its length and CRC32C. */
    public static final int MAX_STRING_CHARS = 256;
    /** Longest summary kept per request. */
    public static final int MAX_CHARS = 4096;

    private BodySummary() {}

    /**
     * @param body the request body as received
     * @return its summary, at most {@link #MAX_CHARS} characters plus a mark saying how long the body was
     */
    public static String of(byte[] body) {
        return of(body, 0, body.length, NONE);
    }

    /**
     * @param knownStrings {@code [start, end)} byte offsets of string texts already found (by the validation),
     *     ascending: their closing quote is not searched for again, byte by byte, through 10 MB
     * @return the summary of the whole body
     */
    public static String of(byte[] body, int[] knownStrings) {
        return of(body, 0, body.length, knownStrings);
    }

    private static final int[] NONE = new int[0];

    /** @return the summary of {@code body[from, to)} */
    public static String of(byte[] body, int from, int to) {
        return of(body, from, to, NONE);
    }

    private static String of(byte[] body, int from, int to, int[] knownStrings) {
        int known = 0;
        StringBuilder kept = new StringBuilder(Math.min(to - from, MAX_CHARS) + 64);
        int copiedFrom = from;
        int i = from;
        boolean cut = false;
        while (i < to) {
            if (kept.length() + (i - copiedFrom) >= MAX_CHARS) {
                cut = true;
                break;
            }
            if (body[i] != '"') {
                i++;
                continue;
            }
            while (known < knownStrings.length && knownStrings[known] < i + 1) {
                known += 2;
            }
            boolean image = known < knownStrings.length && knownStrings[known] == i + 1 && knownStrings[known + 1] <= to;
            int close = image ? knownStrings[known + 1] : endOfString(body, i + 1, to);
            if (close - i - 1 > MAX_STRING_CHARS) {
                append(kept, body, copiedFrom, i);
                CRC32C crc = new CRC32C();
                crc.update(body, i + 1, close - i - 1);
                kept.append(image || isBase64(body, i + 1, close) ? "\"<base64: " : "\"<")
                        .append(close - i - 1).append(" chars, crc32c ")
                        .append(String.format("%08x", crc.getValue())).append(">\"");
                copiedFrom = Math.min(close + 1, to);
            }
            i = close + 1;
        }
        int end = cut ? copiedFrom + Math.max(0, MAX_CHARS - kept.length()) : to;
        append(kept, body, copiedFrom, Math.min(end, to));
        if (cut) {
            kept.append("…(").append(to - from).append(" bytes)");
        }
        return kept.toString();
    }

    /** @return the index of the quote closing a string whose text starts at {@code from}, or {@code to} */
    private static int endOfString(byte[] body, int from, int to) {
        int i = from;
        while (i < to && body[i] != '"') {
            i += body[i] == '\\' ? 2 : 1;
        }
        return Math.min(i, to);
    }

    /** @return whether {@code body[from, to)} is written only in the Base64 alphabet (plain text has spaces) */
    private static boolean isBase64(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '=')) {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder kept, byte[] body, int from, int to) {
        if (to > from) {
            kept.append(new String(body, from, to - from, StandardCharsets.UTF_8));
        }
    }
}
