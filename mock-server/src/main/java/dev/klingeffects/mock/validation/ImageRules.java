package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The image limits of the spec's {@code x-image} extension. */
public record ImageRules(List<String> urlSchemes, List<String> formats, long maxBytes, int minWidth,
                         int minHeight, long maxWidth, long maxHeight, double maxAspectRatio) {

    static ImageRules from(JsonNode extension) {
        return new ImageRules(texts(extension.path("url-schemes")), texts(extension.path("formats")),
                extension.path("max-bytes").asLong(), extension.path("min-width").asInt(),
                extension.path("min-height").asInt(), extension.path("max-width").asLong(Long.MAX_VALUE),
                extension.path("max-height").asLong(Long.MAX_VALUE), extension.path("max-aspect-ratio").asDouble());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText().toLowerCase(Locale.ROOT)));
        return List.copyOf(values);
    }

    /** @return the longest Base64 text of an image at the size limit (with padding) */
    public long maxBase64Chars() {
        return (maxBytes + 2) / 3 * 4;
    }
}
