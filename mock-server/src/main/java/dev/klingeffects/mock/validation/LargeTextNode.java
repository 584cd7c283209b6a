package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A JSON string too large to copy (an image in Base64): a text node that carries only a preview
 * for messages, and the slice of the request bytes where the full value lies.
 */
final class LargeTextNode extends TextNode {

    private static final long serialVersionUID = 1L;
    private static final int PREVIEW_CHARS = 64;

    private final transient ByteSlice slice;

    LargeTextNode(ByteSlice slice) {
        super(slice.subSequence(0, Math.min(PREVIEW_CHARS, slice.length())) + "…");
        this.slice = slice;
    }

    ByteSlice slice() {
        return slice;
    }

    /** @return the length of the full value, not of the preview */
    int length() {
        return slice.length();
    }
}
