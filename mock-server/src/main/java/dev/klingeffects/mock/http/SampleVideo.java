package dev.klingeffects.mock.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The small real MP4 that every successful task links to, with its size.
 *
 * @param bytes  the file
 * @param width  its width in pixels
 * @param height its height in pixels
 * @param format its container, {@code mp4}
 */
public record SampleVideo(byte[] bytes, int width, int height, String format) {

    /** @return the video packaged with the mock */
    public static SampleVideo load() {
        ClassLoader loader = SampleVideo.class.getClassLoader();
        try (InputStream video = loader.getResourceAsStream("mock/sample-video.mp4");
             InputStream about = loader.getResourceAsStream("mock/sample-video.properties")) {
            Properties properties = new Properties();
            properties.load(about);
            return new SampleVideo(video.readAllBytes(), Integer.parseInt(properties.getProperty("width")),
                    Integer.parseInt(properties.getProperty("height")), properties.getProperty("format"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The sample video is missing from the mock's jar", e);
        }
    }
}
