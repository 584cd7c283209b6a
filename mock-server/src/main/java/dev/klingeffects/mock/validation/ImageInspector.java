package dev.klingeffects.mock.validation;

import dev.klingeffects.contract.ContractError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks one image string: an http(s) URL (never fetched) or Base64 without a {@code data:} prefix.
 * Base64 is checked in this order: well-formed, size, format, dimensions (least, then most), aspect ratio; only the
 * header bytes are decoded.
 */
final class ImageInspector {

    private final ImageRules rules;
    private final List<ImageFormat> accepted;
    private final String acceptedNames;
    private final String schemeNames;

    ImageInspector(ImageRules rules) {
        this.rules = rules;
        this.accepted = rules.formats().stream().map(ImageFormat::bySpecName).toList();
        this.acceptedNames = String.join(" or ", accepted.stream().map(format -> format.displayName).toList());
        this.schemeNames = String.join(" or ", rules.urlSchemes());
    }

    Optional<ContractError> inspect(String parameter, CharSequence value) {
        if (startsWithIgnoringCase(value, "data:")) {
            return Optional.of(ContractError.invalidFormat("parameter '" + parameter
                    + "' must be Base64 without a 'data:' prefix, got " + quote(value)));
        }
        // Base64 has no ':', so a colon means the client meant a URL. Valid Base64 is known to have none
        // without a second pass over a 10 MB image.
        Base64Window.Scan scan = Base64Window.scan(value);
        if (scan.window() == null && contains(value, ':')) {
            return checkUrl(parameter, value.toString());
        }
        return checkBase64(parameter, scan);
    }

    private static boolean startsWithIgnoringCase(CharSequence value, String prefix) {
        return value.length() >= prefix.length()
                && value.subSequence(0, prefix.length()).toString().equalsIgnoreCase(prefix);
    }

    private static boolean contains(CharSequence value, char wanted) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == wanted) {
                return true;
            }
        }
        return false;
    }

    private static String quote(CharSequence value) {
        return ContractError.quote(value.subSequence(0, Math.min(value.length(), 65)).toString()
                + (value.length() > 65 ? "…" : ""));
    }

    private Optional<ContractError> checkUrl(String parameter, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (rules.urlSchemes().contains(scheme) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL the API cannot use
        }
        return Optional.of(ContractError.invalidFormat("parameter '" + parameter + "' must be an absolute "
                + schemeNames + " URL or Base64 image data, got " + ContractError.quote(value)));
    }

    private Optional<ContractError> checkBase64(String parameter, Base64Window.Scan scan) {
        if (scan.window() == null) {
            return Optional.of(ContractError.invalidFormat("parameter '" + parameter + "' is not valid Base64: "
                    + scan.problem()));
        }
        Base64Window bytes = scan.window();
        if (bytes.size() > rules.maxBytes()) {
            return Optional.of(ContractError.valueOutOfRange("parameter '" + parameter + "' must be at most "
                    + megabytes(rules.maxBytes()) + " (" + rules.maxBytes() + " bytes), got " + bytes.size() + " bytes"));
        }
        ImageFormat format = ImageFormat.sniff(bytes);
        if (!accepted.contains(format)) {
            return Optional.of(ContractError.invalidFormat("parameter '" + parameter + "' must be a "
                    + acceptedNames + " image, got " + format.displayName));
        }
        ImageDimensions.Result size = ImageDimensions.read(format, bytes);
        if (size.problem() != null) {
            return Optional.of(ContractError.invalidFormat("parameter '" + parameter + "' " + size.problem()));
        }
        String found = size.width() + "x" + size.height() + " px";
        if (size.width() < rules.minWidth() || size.height() < rules.minHeight()) {
            return Optional.of(ContractError.valueOutOfRange("parameter '" + parameter + "' must be at least "
                    + rules.minWidth() + "x" + rules.minHeight() + " px, got " + found));
        }
        if (size.width() > rules.maxWidth() || size.height() > rules.maxHeight()) {
            return Optional.of(ContractError.valueOutOfRange("parameter '" + parameter + "' must be at most "
                    + rules.maxWidth() + "x" + rules.maxHeight() + " px, got " + found));
        }
        double ratio = (double) size.width() / size.height();
        double max = rules.maxAspectRatio();
        if (ratio > max || ratio < 1 / max) {
            String shown = ratio >= 1 ? decimal(ratio) + ":1" : "1:" + decimal(1 / ratio);
            return Optional.of(ContractError.valueOutOfRange("parameter '" + parameter
                    + "' aspect ratio must be between 1:" + decimal(max) + " and " + decimal(max) + ":1, got "
                    + shown + " (" + found + ")"));
        }
        return Optional.empty();
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
