package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a submit body with Jackson's streaming parser into a small tree of the fields the contract
 * reads, leaving large strings (images) in the request bytes as {@link LargeTextNode}s: the parser skips
 * them without decoding, so a 10 MB image costs its bytes once, not several copies as characters.
 * Everything else is skipped, never built: fields the contract does not read (the parser still checks
 * their syntax), and within the fields it reads, arrays beyond their first {@link #KEPT_ITEMS} items and
 * objects or nested arrays over {@link #SMALL_CONTAINER_BYTES}. So what a body costs beyond its own bytes
 * is bounded whatever it holds: a body of nine million `{}` no longer builds nine million nodes.
 */
final class JsonBody {

    /** Strings at least this long, with no escapes, stay in the request bytes. */
    static final int LARGE_STRING_BYTES = 64 * 1024;
    /** Items of an array field built as nodes; beyond them items are only counted. */
    static final int KEPT_ITEMS = 64;
    /** Objects and nested arrays in a field the contract reads are built only up to this size, for messages. */
    static final int SMALL_CONTAINER_BYTES = 1024;

    /** What the body turned out to be. */
    enum Shape { OBJECT, NOT_AN_OBJECT }

    record Parsed(Shape shape, ObjectNode root) {}

    private JsonBody() {}

    /**
     * @param known the names of the fields the contract reads; any other field is skipped
     * @throws IOException when the body is not valid JSON, or names a field it reads twice
     */
    static Parsed parse(ObjectMapper mapper, byte[] body, Set<String> known) throws IOException {
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
                JsonToken valueToken = parser.nextToken();
                if (!known.contains(name)) {
                    parser.skipChildren();
                    continue;
                }
                // Two values for one field the contract reads: which one counts is anyone's guess.
                if (root.has(name)) {
                    throw new IOException("duplicate field " + name);
                }
                root.set(name, field(mapper, parser, valueToken, body));
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

    /** A field's value: an array item by item (images), anything else as {@link #value}. */
    private static JsonNode field(ObjectMapper mapper, JsonParser parser, JsonToken token, byte[] body) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            return value(mapper, parser, token, body);
        }
        List<JsonNode> kept = new ArrayList<>();
        int total = 0;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item == null) {
                throw new IOException("unterminated array");
            }
            if (total++ < KEPT_ITEMS) {
                kept.add(value(mapper, parser, item, body));
            } else {
                parser.skipChildren();
            }
        }
        return total > KEPT_ITEMS ? new LongArrayNode(kept, total) : mapper.createArrayNode().addAll(kept);
    }

    private static JsonNode value(ObjectMapper mapper, JsonParser parser, JsonToken token, byte[] body) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return string(parser, body);
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return container(mapper, parser, token, body);
        }
        return mapper.readTree(parser);
    }

    /** An object or array where the schema wants a scalar: built only when small, else just its type. */
    private static JsonNode container(ObjectMapper mapper, JsonParser parser, JsonToken token, byte[] body)
            throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long end = parser.currentLocation().getByteOffset();
        if (start >= 0 && end > start && end <= body.length && end - start <= SMALL_CONTAINER_BYTES) {
            return mapper.readTree(body, (int) start, (int) (end - start));
        }
        return token == JsonToken.START_OBJECT ? ElidedContainer.object() : ElidedContainer.array();
    }
    private static JsonNode string(JsonParser parser, byte[] body) throws IOException {
        long offset = parser.currentTokenLocation().getByteOffset();
        if (offset < 0 || offset >= body.length || body[(int) offset] != '"') {
            return TextNode.valueOf(parser.getText());
        }
        int open = (int) offset;
        PlainTextScan scan = PlainTextScan.of(body, open + 1);
        int close = scan.end();
        boolean plain = close < body.length && body[close] == '"';
        if (!plain || close - open - 1 < LARGE_STRING_BYTES) {
            return TextNode.valueOf(parser.getText());
        }
        // Not reading the text leaves the token unfinished: the parser skips it on its next step,
        // still checking that it is valid JSON.
        return new LargeTextNode(new ByteSlice(body, open + 1, close,
                scan.firstNonBase64() < 0 ? -1 : scan.firstNonBase64() - (open + 1)));
    }

    /**
     * @return the {@code [start, end)} byte offsets of the large strings kept in place, in body order: the
     *     values of the root's fields and the items of its array fields, which is where they can be
     */
    static int[] largeStrings(JsonNode root) {
        int[] spans = new int[0];
        int count = 0;
        for (JsonNode value : root) {
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item instanceof LargeTextNode large) {
                    if (count == spans.length) {
                        spans = Arrays.copyOf(spans, Math.max(4, count * 2));
                    }
                    spans[count++] = large.slice().start;
                    spans[count++] = large.slice().end;
                }
            }
        }
        return Arrays.copyOf(spans, count);
    }

    /** @return the length of a text node, the full one for large strings */
    static int length(JsonNode text) {
        return text instanceof LargeTextNode large ? large.length() : text.textValue().length();
    }

    /** @return how many items an array had, all of them for arrays too long to keep */
    static int count(JsonNode array) {
        return array instanceof LongArrayNode longArray ? longArray.total() : array.size();
    }

    /** @return the characters of a text node, read in place for large strings */
    static CharSequence chars(JsonNode text) {
        return text instanceof LargeTextNode large ? large.slice() : text.textValue();
    }
}
