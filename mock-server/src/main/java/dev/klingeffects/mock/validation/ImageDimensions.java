package dev.klingeffects.mock.validation;

/** Reads width and height from a JPEG or PNG header, walking JPEG segments by their lengths. */
final class ImageDimensions {

    /** Width and height in pixels, or the reason they could not be read. */
    record Result(long width, long height, String problem) {}

    private static final int MAX_JPEG_SEGMENTS = 4096;

    private ImageDimensions() {}

    static Result read(ImageFormat format, Base64Window bytes) {
        return format == ImageFormat.PNG ? png(bytes) : jpeg(bytes);
    }

    private static Result png(Base64Window bytes) {
        if (!bytes.matches(12, 'I', 'H', 'D', 'R')) {
            return problem(bytes.size() < 24 ? "is a truncated PNG" : "is a PNG without an IHDR header");
        }
        long width = bytes.uint32(16);
        long height = bytes.uint32(20);
        return width < 0 || height < 0 ? problem("is a truncated PNG") : new Result(width, height, null);
    }

    private static Result jpeg(Base64Window bytes) {
        long position = 2;
        for (int segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
            int prefix = bytes.at(position);
            if (prefix < 0) {
                return problem("is a truncated JPEG: no frame header found");
            }
            if (prefix != 0xFF) {
                return problem("is a corrupt JPEG: no segment marker at byte " + position);
            }
            int marker = bytes.at(position + 1);
            while (marker == 0xFF) {
                position++;
                marker = bytes.at(position + 1);
            }
            if (marker < 0) {
                return problem("is a truncated JPEG: no frame header found");
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return problem("is a corrupt JPEG: image data starts before the frame header");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                position += 2;
                continue;
            }
            int length = bytes.uint16(position + 2);
            if (length < 2) {
                return problem(length < 0 ? "is a truncated JPEG: no frame header found"
                        : "is a corrupt JPEG: segment length " + length + " at byte " + position);
            }
            if (isStartOfFrame(marker)) {
                int height = bytes.uint16(position + 5);
                int width = bytes.uint16(position + 7);
                return width < 0 || height < 0 ? problem("is a truncated JPEG: frame header cut off")
                        : new Result(width, height, null);
            }
            position += 2 + length;
        }
        return problem("is a corrupt JPEG: too many segments before the frame header");
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Result problem(String problem) {
        return new Result(0, 0, problem);
    }
}
