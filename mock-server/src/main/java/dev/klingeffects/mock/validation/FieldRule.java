package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One property of the request schema, compiled once from the spec: its type and its ranges.
 *
 * @param allowedText the enum as the error message shows it ({@code [5, 10]}), made once rather than per refusal
 */
record FieldRule(String name, String type, Integer minLength, Integer maxLength, List<JsonNode> allowed,
                 String allowedText, Long minimum, Long maximum, Integer minItems, Integer maxItems, FieldRule items,
                 ImageRules image) {

    static FieldRule compile(ContractSpec spec, String name, JsonNode declared) {
        JsonNode schema = spec.resolve(declared);
        List<JsonNode> allowed = new ArrayList<>();
        schema.path("enum").forEach(allowed::add);
        FieldRule items = schema.has("items") ? compile(spec, name + "[]", schema.get("items")) : null;
        ImageRules image = schema.has("x-image") ? ImageRules.from(schema.get("x-image")) : null;
        // An image's maxLength is its x-image byte limit in Base64 characters (the spec derives one from the
        // other): the image rules enforce that bound and say it in bytes, which is what a user can act on.
        Integer maxLength = image != null ? null : intOrNull(schema, "maxLength");
        return new FieldRule(name, schema.path("type").asText("string"), intOrNull(schema, "minLength"),
                maxLength, List.copyOf(allowed),
                allowed.stream().map(JsonNode::toString).collect(Collectors.joining(", ", "[", "]")),
                longOrNull(schema, "minimum"),
                longOrNull(schema, "maximum"), intOrNull(schema, "minItems"), intOrNull(schema, "maxItems"),
                items, image);
    }

    private static Integer intOrNull(JsonNode schema, String keyword) {
        return schema.has(keyword) ? schema.get(keyword).asInt() : null;
    }

    private static Long longOrNull(JsonNode schema, String keyword) {
        return schema.has(keyword) ? schema.get(keyword).asLong() : null;
    }

    boolean hasType(JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    String typeWithArticle() {
        return switch (type) {
            case "integer", "array", "object" -> "an " + type;
            default -> "a " + type;
        };
    }
}
