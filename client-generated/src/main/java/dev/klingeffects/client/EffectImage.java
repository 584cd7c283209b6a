package dev.klingeffects.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * One reference image: an http(s) URL, or the file's bytes sent as Base64 without a {@code data:}
 * prefix (the client encodes them).
 */
public final class EffectImage {

    private final String value;

    private EffectImage(String value) {
        this.value = Objects.requireNonNull(value, "image");
    }

    /**
     * @param url where the API downloads the image, http(s)
     * @return the image
     */
    public static EffectImage url(String url) {
        return new EffectImage(url);
    }

    /**
     * @param base64 the image already encoded as Base64 (any {@code data:…;base64,} prefix is removed)
     * @return the image
     */
    public static EffectImage base64(String base64) {
        String text = Objects.requireNonNull(base64, "base64");
        int comma = text.indexOf(',');
        return new EffectImage(text.startsWith("data:") && comma > 0 ? text.substring(comma + 1) : text);
    }

    /**
     * @param bytes the image file's bytes (JPG/JPEG or PNG)
     * @return the image, Base64-encoded
     */
    public static EffectImage bytes(byte[] bytes) {
        return new EffectImage(Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * @param path an image file (JPG/JPEG or PNG)
     * @return the image, Base64-encoded
     * @throws UncheckedIOException when the file cannot be read
     */
    public static EffectImage file(Path path) {
        try {
            return bytes(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image " + path, e);
        }
    }

    /** @return a URL when the text looks like one, else Base64 */
    static EffectImage of(String urlOrBase64) {
        String text = Objects.requireNonNull(urlOrBase64, "image");
        return text.startsWith("data:") ? base64(text) : new EffectImage(text);
    }

    /** @return the string sent to the API */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return value.length() > 80 ? "EffectImage[" + value.length() + " chars of Base64]" : "EffectImage[" + value + "]";
    }
}
