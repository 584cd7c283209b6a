package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A JSON array too long to keep: its first items, for type checks and messages, and how many items it
 * had, for the item-count check. Millions of tiny items (`[1,1,1,…]`) would cost ten times their bytes
 * as nodes; this costs a few of them.
 */
final class LongArrayNode extends ArrayNode {

    private static final long serialVersionUID = 1L;

    private final int total;

    LongArrayNode(List<JsonNode> kept, int total) {
        super(JsonNodeFactory.instance, kept);
        this.total = total;
    }

    /** @return how many items the array had, not how many were kept */
    int total() {
        return total;
    }
}
