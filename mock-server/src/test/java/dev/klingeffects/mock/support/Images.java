package dev.klingeffects.mock.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Real images made with ImageIO, so the header parsing is tested on what encoders write. */
public final class Images {

    private Images() {}

    /** @return a real image file of that size and format ("png", "jpg", "gif", "bmp") */
    public static byte[] encoded(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height,
                format.equals("png") ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_INT_RGB);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the image as Base64 without prefix */
    public static String base64(String format, int width, int height) {
        return Base64.getEncoder().encodeToString(encoded(format, width, height));
    }

    /** @return a JPEG whose frame header sits behind a large APP1 segment, as with EXIF data */
    public static byte[] jpegWithLargeExif(int width, int height, int exifBytes) {
        byte[] plain = encoded("jpg", width, height);
        byte[] segment = new byte[4 + exifBytes];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) ((exifBytes + 2) >> 8);
        segment[3] = (byte) (exifBytes + 2);
        byte[] result = new byte[plain.length + segment.length];
        System.arraycopy(plain, 0, result, 0, 2);
        System.arraycopy(segment, 0, result, 2, segment.length);
        System.arraycopy(plain, 2, result, 2 + segment.length, plain.length - 2);
        return result;
    }
}
