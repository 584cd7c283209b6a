package dev.klingeffects.mock.logging;

/** Text a client sent, made safe to log or keep: short, on one line, in plain ASCII. */
public final class ClientText {

    /** Most characters of one piece of client text, escapes included. */
    public static final int MAX_CHARS = 120;

    private ClientText() {}

    /**
     * @param text what a client sent, or null
     * @return the text with control, backslash and non-ASCII characters escaped ({@code \u000a}), cut at
     *         {@link #MAX_CHARS} characters with its full length said, so one line stays one line of bounded size
     */
    public static String clip(CharSequence text) {
        if (text == null) {
            return "null";
        }
        if (text instanceof String plain && isSafe(plain)) {
            return plain;
        }
        StringBuilder clipped = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        int i = 0;
        for (; i < text.length() && clipped.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                clipped.append(c);
            } else {
                clipped.append(String.format("\\u%04x", (int) c));
            }
        }
        if (i < text.length()) {
            clipped.append("...(").append(text.length()).append(" chars)");
        }
        return clipped.toString();
    }

    /** Most text clients send (header names and values, paths) needs no copy: short, printable ASCII. */
    private static boolean isSafe(String text) {
        if (text.length() > MAX_CHARS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
