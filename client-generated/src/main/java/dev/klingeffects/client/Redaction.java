package dev.klingeffects.client;

import java.util.regex.Pattern;

/** Keeps secrets out of exception messages, even when a server or proxy echoes them back. */
final class Redaction {

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;}]+");

    private final String apiKey;

    Redaction(String apiKey) {
        this.apiKey = apiKey;
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "****");
        return BEARER.matcher(redacted).replaceAll("$1****");
    }
}
