package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static dev.klingeffects.mock.support.Requests.base64Image;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.Images;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The image rules of the spec's {@code x-image}: URL or Base64, format, size, dimensions, aspect ratio. */
class ImageChecksTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    private static String rejection(String image) {
        var answer = mock.client().post(SUBMIT, base64Image(image), AUTH);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.message();
    }

    private static void accepted(String image) {
        var answer = mock.client().post(SUBMIT, base64Image(image), AUTH);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "accepts a {0} of {1}x{2}")
    @CsvSource({"png, 300, 300", "jpg, 300, 300", "png, 1024, 768", "jpg, 300, 750", "jpg, 750, 300"})
    void acceptsRealImagesWithinTheLimits(String format, int width, int height) {
        accepted(Images.base64(format, width, height));
    }

    @Test
    void acceptsBase64WithoutPadding() {
        String padded = Images.base64("png", 300, 300);

        accepted(padded.replaceAll("=+$", ""));
    }

    @Test
    void findsTheJpegFrameHeaderBehindALargeExifSegment() {
        accepted(Base64.getEncoder().encodeToString(Images.jpegWithLargeExif(400, 400, 60_000)));
    }

    @Test
    void acceptsHttpAndHttpsUrlsWithoutFetchingThem() {
        accepted("https://images.invalid/cat.jpg");
        accepted("http://10.255.255.1/never-fetched.png");
    }

    @Test
    void rejectsADataPrefix() {
        assertThat(rejection("data:image/png;base64," + Images.base64("png", 300, 300)))
                .startsWith("Invalid format: parameter 'image' must be Base64 without a 'data:' prefix, got 'data:image/png;base64,");
    }

    @Test
    void rejectsAnotherUrlScheme() {
        assertThat(rejection("ftp://example.com/cat.jpg"))
                .isEqualTo("Invalid format: parameter 'image' must be an absolute http or https URL or Base64 image data, got 'ftp://example.com/cat.jpg'");
    }

    @Test
    void rejectsAUrlWithoutHost() {
        assertThat(rejection("https:///cat.jpg"))
                .isEqualTo("Invalid format: parameter 'image' must be an absolute http or https URL or Base64 image data, got 'https:///cat.jpg'");
    }

    @Test
    void rejectsACharacterOutsideTheBase64Alphabet() {
        assertThat(rejection("iVBORw0K GgoAAAA"))
                .isEqualTo("Invalid format: parameter 'image' is not valid Base64: unexpected character ' ' at position 8");
    }

    @Test
    void rejectsUrlSafeBase64() {
        assertThat(rejection("iVBORw0K-_oAAAA"))
                .isEqualTo("Invalid format: parameter 'image' is not valid Base64: unexpected character '-' at position 8");
    }

    @Test
    void rejectsAnImpossibleBase64Length() {
        assertThat(rejection("iVBORw0KG"))
                .isEqualTo("Invalid format: parameter 'image' is not valid Base64: length 9 is not a valid Base64 length");
    }

    @Test
    void rejectsAGif() {
        assertThat(rejection(Images.base64("gif", 400, 400)))
                .isEqualTo("Invalid format: parameter 'image' must be a JPG/JPEG or PNG image, got GIF");
    }

    @Test
    void rejectsABmp() {
        assertThat(rejection(Images.base64("bmp", 400, 400)))
                .isEqualTo("Invalid format: parameter 'image' must be a JPG/JPEG or PNG image, got BMP");
    }

    @Test
    void rejectsBytesThatAreNoImage() {
        assertThat(rejection(Base64.getEncoder().encodeToString("hello, world".getBytes())))
                .isEqualTo("Invalid format: parameter 'image' must be a JPG/JPEG or PNG image, got an unrecognised file type");
    }

    @Test
    void rejectsATruncatedPng() {
        byte[] png = Images.encoded("png", 400, 400);

        assertThat(rejection(Base64.getEncoder().encodeToString(Arrays.copyOf(png, 14))))
                .isEqualTo("Invalid format: parameter 'image' is a truncated PNG");
    }

    @Test
    void rejectsATruncatedJpeg() {
        byte[] jpeg = Images.jpegWithLargeExif(400, 400, 1000);

        assertThat(rejection(Base64.getEncoder().encodeToString(Arrays.copyOf(jpeg, 600))))
                .isEqualTo("Invalid format: parameter 'image' is a truncated JPEG: no frame header found");
    }

    @Test
    void rejectsAnImageBelowTheMinimumResolution() {
        assertThat(rejection(Images.base64("png", 299, 400)))
                .isEqualTo("Value out of range: parameter 'image' must be at least 300x300 px, got 299x400 px");
    }

    @Test
    void acceptsAnImageOfExactlyTheLargestDimensions() {
        accepted(pngHeader(16_384, 16_384));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"16385, 16384", "16384, 16385", "4294967295, 4294967295"})
    void rejectsAnImageOverTheLargestDimensions(long width, long height) {
        assertThat(rejection(pngHeader(width, height))).isEqualTo("Value out of range: parameter 'image' must be at most "
                + "16384x16384 px, got " + width + "x" + height + " px");
    }

    /** A PNG whose header declares these dimensions: the checks read the header only, never the pixels. */
    private static String pngHeader(long width, long height) {
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(1024);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        png.putInt((int) width).putInt((int) height).put(new byte[] {8, 2, 0, 0, 0});
        return Base64.getEncoder().encodeToString(png.array());
    }

    @Test
    void rejectsAnImageTooWide() {
        assertThat(rejection(Images.base64("jpg", 1200, 400)))
                .isEqualTo("Value out of range: parameter 'image' aspect ratio must be between 1:2.5 and 2.5:1, got 3:1 (1200x400 px)");
    }

    @Test
    void rejectsAnImageTooTall() {
        assertThat(rejection(Images.base64("png", 300, 800)))
                .isEqualTo("Value out of range: parameter 'image' aspect ratio must be between 1:2.5 and 2.5:1, got 1:2.67 (300x800 px)");
    }

    @Test
    void rejectsAnImageOverTenMegabytesWithoutDecodingIt() {
        byte[] header = Images.encoded("png", 400, 400);
        byte[] big = Arrays.copyOf(header, 10 * 1024 * 1024 + 3);

        assertThat(rejection(Base64.getEncoder().encodeToString(big)))
                .isEqualTo("Value out of range: parameter 'image' must be at most 10 MB (10485760 bytes), got 10485763 bytes");
    }

    @Test
    void acceptsAnImageOfExactlyTenMegabytes() {
        byte[] header = Images.encoded("png", 400, 400);

        accepted(Base64.getEncoder().encodeToString(Arrays.copyOf(header, 10 * 1024 * 1024)));
    }

    @Test
    void readsALargeImageWhoseSlashesAreEscapedInJson() {
        byte[] image = Arrays.copyOf(Images.encoded("png", 400, 400), 200_000);
        Arrays.fill(image, 1000, image.length, (byte) 0xFF);
        String base64 = Base64.getEncoder().encodeToString(image);
        assertThat(base64).contains("/");

        accepted(base64.replace("/", "\\/"));
    }

    @Test
    void findsABadCharacterDeepInsideALargeImage() {
        char[] base64 = Base64.getEncoder().encodeToString(Arrays.copyOf(Images.encoded("png", 400, 400), 150_000)).toCharArray();
        base64[120_000] = '%';

        assertThat(rejection(new String(base64)))
                .isEqualTo("Invalid format: parameter 'image' is not valid Base64: unexpected character '%' at position 120000");
    }

    @Test
    void namesTheOffendingItemOfImages() {
        String small = Images.base64("png", 100, 100);
        String body = "{\"effect_scene\": \"hug_pro\", \"images\": [\"https://example.com/a.jpg\", \"" + small + "\"]}";

        var answer = mock.client().post(SUBMIT, body, AUTH);

        assertThat(answer.message())
                .isEqualTo("Value out of range: parameter 'images[1]' must be at least 300x300 px, got 100x100 px");
    }
}
