package dev.klingeffects.mock.validation;

/**
 * Random access to the bytes a Base64 string encodes, decoding only the 4-character group that
 * holds the byte asked for: image headers are read without ever holding a decoded copy.
 */
final class Base64Window {

    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final CharSequence text;
    private final int dataChars;
    private final long size;
    private long cachedGroup = -1;
    private final int[] cached = new int[3];

    private Base64Window(CharSequence text, int dataChars) {
        this.text = text;
        this.dataChars = dataChars;
        this.size = (long) dataChars * 3 / 4;
    }

    /** The verdict of a scan: the window, or where the text stops being Base64. */
    record Scan(Base64Window window, String problem) {}

    /** Checks every character once (no allocation) and opens a window on a valid text. */
    static Scan scan(CharSequence text) {
        int length = text.length();
        int padding = 0;
        while (padding < 2 && length - padding > 0 && text.charAt(length - padding - 1) == '=') {
            padding++;
        }
        int dataChars = length - padding;
        int bad = text instanceof ByteSlice bytes ? firstInvalid(bytes, dataChars) : firstInvalid(text, dataChars);
        if (bad >= 0) {
            return new Scan(null, "unexpected character " + describe(text.charAt(bad)) + " at position " + bad);
        }
        if (dataChars % 4 == 1 || (padding > 0 && length % 4 != 0)) {
            return new Scan(null, "length " + length + " is not a valid Base64 length");
        }
        return new Scan(new Base64Window(text, dataChars), null);
    }

    private static int firstInvalid(CharSequence text, int count) {
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c >= 128 || VALUES[c] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** An image read in place was classified as it was read (see {@link PlainTextScan}): no second pass. */
    private static int firstInvalid(ByteSlice slice, int count) {
        return slice.firstNonBase64 >= 0 && slice.firstNonBase64 < count ? slice.firstNonBase64 : -1;
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** @return how many bytes the text decodes to */
    long size() {
        return size;
    }

    /** @return the byte at {@code index} (0-255), or -1 past the end */
    int at(long index) {
        if (index < 0 || index >= size) {
            return -1;
        }
        long group = index / 3;
        if (group != cachedGroup) {
            int start = (int) (group * 4);
            int bits = 0;
            for (int i = 0; i < 4; i++) {
                int position = start + i;
                bits = (bits << 6) | (position < dataChars ? VALUES[text.charAt(position)] : 0);
            }
            cached[0] = (bits >>> 16) & 0xFF;
            cached[1] = (bits >>> 8) & 0xFF;
            cached[2] = bits & 0xFF;
            cachedGroup = group;
        }
        return cached[(int) (index % 3)];
    }

    /** @return the big-endian unsigned 16-bit value at {@code index}, or -1 past the end */
    int uint16(long index) {
        int high = at(index);
        int low = at(index + 1);
        return high < 0 || low < 0 ? -1 : (high << 8) | low;
    }

    /** @return the big-endian unsigned 32-bit value at {@code index}, or -1 past the end */
    long uint32(long index) {
        int high = uint16(index);
        int low = uint16(index + 2);
        return high < 0 || low < 0 ? -1 : ((long) high << 16) | low;
    }

    boolean matches(long offset, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if (at(offset + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
