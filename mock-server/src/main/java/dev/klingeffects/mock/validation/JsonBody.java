package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Reads a submit body with Jackson's streaming parser into a small tree, leaving large strings
 * (images) in the request bytes as {@link LargeTextNode}s: the parser skips them without decoding,
 * so a 10 MB image costs its bytes once, not several copies as characters.
 */
final class JsonBody {

    /** Strings at least this long, with no escapes, stay in the request bytes. */
    static final int LARGE_STRING_BYTES = 64 * 1024;

    /** What the body turned out to be. */
    enum Shape { OBJECT, NOT_AN_OBJECT }

    record Parsed(Shape shape, ObjectNode root) {}

    private JsonBody() {}

    /**
     * @throws IOException when the body is not valid JSON
     */
    static Parsed parse(ObjectMapper mapper, byte[] body) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty body");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                return new Parsed(Shape.NOT_AN_OBJECT, null);
            }
            ObjectNode root = mapper.createObjectNode();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                root.set(name, value(mapper, parser, parser.nextToken(), body));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("unterminated object");
            }
            requireEnd(parser);
            return new Parsed(Shape.OBJECT, root);
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new IOException("trailing content");
        }
    }

    private static JsonNode value(ObjectMapper mapper, JsonParser parser, JsonToken token, byte[] body) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return string(parser, body);
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = mapper.createArrayNode();
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (item == null) {
                    throw new IOException("unterminated array");
                }
                array.add(value(mapper, parser, item, body));
            }
            return array;
        }
        return mapper.readTree(parser);
    }

    private static JsonNode string(JsonParser parser, byte[] body) throws IOException {
        long offset = parser.currentTokenLocation().getByteOffset();
        if (offset < 0 || offset >= body.length || body[(int) offset] != '"') {
            return TextNode.valueOf(parser.getText());
        }
        int open = (int) offset;
        int close = open + 1;
        while (close < body.length && body[close] != '"' && body[close] != '\\') {
            close++;
        }
        boolean plain = close < body.length && body[close] == '"';
        if (!plain || close - open - 1 < LARGE_STRING_BYTES) {
            return TextNode.valueOf(parser.getText());
        }
        // Not reading the text leaves the token unfinished: the parser skips it on its next step,
        // still checking that it is valid JSON.
        return new LargeTextNode(new ByteSlice(body, open + 1, close));
    }

    /** @return the length of a text node, the full one for large strings */
    static int length(JsonNode text) {
        return text instanceof LargeTextNode large ? large.length() : text.textValue().length();
    }

    /** @return the characters of a text node, read in place for large strings */
    static CharSequence chars(JsonNode text) {
        return text instanceof LargeTextNode large ? large.slice() : text.textValue();
    }
}
