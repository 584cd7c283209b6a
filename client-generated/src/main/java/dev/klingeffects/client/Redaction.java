package dev.klingeffects.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps secrets out of exception messages, even when a server or proxy echoes them back. */
final class Redaction {

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;}]+");
    /** The key is replaced wherever no letter or digit runs on from it: a whole token, even inside {@code a-KEY-b}. */
    private static final String TOKEN_CHAR = "[A-Za-z0-9]";

    private final Pattern key;

    Redaction(String apiKey) {
        // A short key ("k", "in") must not turn "takes 2 images" into "ta****es 2 images": whole tokens only.
        this.key = apiKey == null || apiKey.isEmpty() ? null
                : Pattern.compile("(?<!" + TOKEN_CHAR + ")" + Pattern.quote(apiKey) + "(?!" + TOKEN_CHAR + ")");
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = key == null ? text : key.matcher(text).replaceAll(Matcher.quoteReplacement("****"));
        return BEARER.matcher(redacted).replaceAll("$1****");
    }
}
