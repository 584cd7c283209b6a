package dev.klingeffects.mock.validation;

import java.nio.charset.StandardCharsets;

/**
 * Characters of a JSON string read in place from the request bytes, one byte a character: Base64
 * and URLs are ASCII, so a 14 MB image string is checked without ever becoming a {@code String}.
 */
final class ByteSlice implements CharSequence {

    final byte[] bytes;
    final int start;
    final int end;
    /** Index (from {@code start}) of the first character outside the Base64 alphabet, or -1: known from the read. */
    final int firstNonBase64;

    ByteSlice(byte[] bytes, int start, int end, int firstNonBase64) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.firstNonBase64 = firstNonBase64;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[start + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new String(bytes, start + from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
