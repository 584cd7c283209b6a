package dev.klingeffects.mock.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON body against a schema of the spec by shape: required properties, types, enums, and
 * the same inside objects and arrays. Enough to say "upstream's success body no longer fits the spec".
 */
final class ShapeCheck {

    private final ContractSpec spec;

    ShapeCheck(ContractSpec spec) {
        this.spec = spec;
    }

    /** @return what does not fit, one line each, empty when the body fits */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check("$", value, spec.resolve(schema), problems);
        return problems;
    }

    private void check(String at, JsonNode value, JsonNode schema, List<String> problems) {
        if (value == null || value.isMissingNode()) {
            problems.add(at + " is missing");
            return;
        }
        String type = schema.path("type").asText("");
        boolean fits = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!fits) {
            problems.add(at + " should be " + type + ", got " + value.getNodeType().name().toLowerCase());
            return;
        }
        if (schema.has("enum")) {
            boolean known = false;
            for (JsonNode allowed : schema.get("enum")) {
                known |= allowed.equals(value);
            }
            if (!known) {
                problems.add(at + " is " + value + ", not one of " + schema.get("enum"));
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + "." + required.asText() + " is required but missing");
            }
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            if (value.has(property.getKey())) {
                check(at + "." + property.getKey(), value.get(property.getKey()), spec.resolve(property.getValue()), problems);
            }
        });
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(at + "[" + i + "]", value.get(i), spec.resolve(schema.get("items")), problems);
            }
        }
    }
}
