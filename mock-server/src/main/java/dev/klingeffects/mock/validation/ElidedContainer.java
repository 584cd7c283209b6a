package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stands for an object or array that a field the contract reads should never hold (the schema wants a
 * string or a number there) and that is too large to build: only its type is kept, which is all a type
 * check needs, so `"image": {…a million members…}` costs one node.
 */
final class ElidedContainer {

    private ElidedContainer() {}

    static JsonNode object() {
        return new ObjectNode(JsonNodeFactory.instance) {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return "{…}";
            }
        };
    }

    static JsonNode array() {
        return new ArrayNode(JsonNodeFactory.instance) {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return "[…]";
            }
        };
    }
}
