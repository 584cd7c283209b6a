package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractError;

/** The type and range checks of one field, with messages naming the parameter and the value found. */
final class SchemaChecks {

    private static final int SHOWN_CHARS = 64;

    private SchemaChecks() {}

    static ContractError type(FieldRule field, String parameter, JsonNode value) {
        if (!field.hasType(value)) {
            return ContractError.invalidFormat("parameter '" + parameter + "' must be " + field.typeWithArticle()
                    + ", got " + shown(value));
        }
        if (field.items() != null) {
            // The items kept: an array too long to keep is refused by its count anyway.
            for (int i = 0; i < value.size(); i++) {
                ContractError error = type(field.items(), parameter + "[" + i + "]", value.get(i));
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    static ContractError range(FieldRule field, String parameter, JsonNode value) {
        if (value.isTextual()) {
            int length = JsonBody.length(value);
            if (field.minLength() != null && length < field.minLength()) {
                return field.minLength() == 1
                        ? ContractError.invalidParameters("parameter '" + parameter + "' must not be empty")
                        : ContractError.valueOutOfRange("parameter '" + parameter + "' must have at least "
                                + field.minLength() + " characters, got " + length);
            }
            if (field.maxLength() != null && length > field.maxLength()) {
                return ContractError.valueOutOfRange("parameter '" + parameter + "' must have at most "
                        + field.maxLength() + " characters, got " + length);
            }
        }
        if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
            return ContractError.valueOutOfRange("parameter '" + parameter + "' must be one of " + field.allowedText()
                    + ", got " + shown(value));
        }
        if (value.isNumber() && ((field.minimum() != null && value.longValue() < field.minimum())
                || (field.maximum() != null && value.longValue() > field.maximum()))) {
            return ContractError.valueOutOfRange("parameter '" + parameter + "' must be between "
                    + field.minimum() + " and " + field.maximum() + ", got " + shown(value));
        }
        if (value.isArray()) {
            ContractError count = itemCount(field, parameter, JsonBody.count(value));
            if (count != null) {
                return count;
            }
            for (int i = 0; i < value.size(); i++) {
                ContractError error = range(field.items(), parameter + "[" + i + "]", value.get(i));
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    private static ContractError itemCount(FieldRule field, String parameter, int size) {
        Integer min = field.minItems();
        Integer max = field.maxItems();
        boolean tooFew = min != null && size < min;
        boolean tooMany = max != null && size > max;
        if (!tooFew && !tooMany) {
            return null;
        }
        String expected = min != null && min.equals(max) ? "exactly " + min
                : min != null && max != null ? "between " + min + " and " + max
                : min != null ? "at least " + min : "at most " + max;
        return ContractError.valueOutOfRange("parameter '" + parameter + "' must contain " + expected
                + " items, got " + size);
    }

    /** The value as JSON, shortened: numbers as numbers, strings in quotes. */
    private static String shown(JsonNode value) {
        String text = value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text;
    }
}
