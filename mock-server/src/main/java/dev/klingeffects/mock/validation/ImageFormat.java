package dev.klingeffects.mock.validation;

/** File types recognised by their first bytes; only some are accepted, the rest are named in errors. */
enum ImageFormat {
    JPEG("jpeg", "JPG/JPEG"),
    PNG("png", "PNG"),
    GIF("gif", "GIF"),
    WEBP("webp", "WebP"),
    BMP("bmp", "BMP"),
    TIFF("tiff", "TIFF"),
    HEIF("heif", "HEIC/AVIF"),
    UNKNOWN("unknown", "an unrecognised file type");

    final String specName;
    final String displayName;

    ImageFormat(String specName, String displayName) {
        this.specName = specName;
        this.displayName = displayName;
    }

    static ImageFormat sniff(Base64Window bytes) {
        if (bytes.matches(0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (bytes.matches(0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (bytes.matches(0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (bytes.matches(0, 'R', 'I', 'F', 'F') && bytes.matches(8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (bytes.matches(0, 'B', 'M')) {
            return BMP;
        }
        if (bytes.matches(0, 'I', 'I', '*', 0) || bytes.matches(0, 'M', 'M', 0, '*')) {
            return TIFF;
        }
        if (bytes.matches(4, 'f', 't', 'y', 'p')) {
            return HEIF;
        }
        return UNKNOWN;
    }

    static ImageFormat bySpecName(String name) {
        for (ImageFormat format : values()) {
            if (format.specName.equals(name)) {
                return format;
            }
        }
        throw new IllegalStateException("The spec names an image format the mock cannot read: " + name);
    }
}
