package dev.klingeffects.mock.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.Effect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a submit body against the spec's request schema and the catalog, compiled once at
 * start-up. Reports the first problem in the documented order: JSON syntax, required fields,
 * types, ranges, catalog rules, image checks.
 */
public final class SubmitValidator {

    /**
     * Most JSON tokens (names, values, brackets) a body may hold. A valid submit needs a dozen; fields the
     * contract does not read are skipped, not built, but the parser still remembers each distinct member
     * name it meets (about 75 bytes each), so this bounds what a body costs beyond its own bytes.
     */
    public static final int MAX_TOKENS = 10_000;

    /** The verdict: a job to run, or the error to answer. */
    public record Outcome(EffectJob job, ContractError error, int[] largeStrings) {

        /** An outcome that knows no large strings in the body. */
        public Outcome(EffectJob job, ContractError error) {
            this(job, error, NO_LARGE_STRINGS);
        }
    }

    /**
     * Where the validation found large strings (images), as {@code [start, end)} byte offsets of their text,
     * in body order: the journal's {@code BodySummary} skips them instead of scanning 10 MB a second time.
     */
    private static final int[] NO_LARGE_STRINGS = new int[0];

    private final ObjectMapper json;
    private final List<String> required;
    private final Map<String, FieldRule> fields;
    private final CatalogRules catalogRules;
    private final String effectField;
    private final String durationField;
    private final Map<String, ImageInspector> inspectors = new LinkedHashMap<>();
    private final long maxBodyBytes;

    /**
     * Compiles the rules of the submit operation.
     *
     * @param spec         the spec
     * @param catalogRules the catalog rules read from the same spec
     */
    public SubmitValidator(ContractSpec spec, CatalogRules catalogRules) {
        JsonNode schema = spec.operation("submitEffectTask").requestSchema();
        this.catalogRules = catalogRules;
        this.required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        this.fields = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(entry ->
                fields.put(entry.getKey(), FieldRule.compile(spec, entry.getKey(), entry.getValue())));
        JsonNode extension = schema.path("x-effect-catalog");
        this.effectField = extension.path("effect-field").asText();
        this.durationField = extension.path("duration-field").asText();
        long imagesTotal = 0;
        for (FieldRule field : fields.values()) {
            ImageRules image = field.image() != null ? field.image() : field.items() == null ? null : field.items().image();
            if (image != null) {
                inspectors.put(field.name(), new ImageInspector(image));
                int count = field.image() != null ? 1 : field.maxItems() == null ? 1 : field.maxItems();
                imagesTotal = Math.max(imagesTotal, image.maxBase64Chars() * count);
            }
        }
        // Largest valid body: the biggest image field at its limit, plus room for the other fields.
        this.maxBodyBytes = imagesTotal + 64 * 1024;
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                        .maxNestingDepth(64)
                        .maxTokenCount(MAX_TOKENS)
                        .build())
                // No STRICT_DUPLICATE_DETECTION: it keeps every member name of every object, skipped ones
                // included. JsonBody refuses a field it reads given twice; in skipped content names are never
                // looked at, so a repeated one changes nothing. The parser's own table of names still grows
                // with each distinct one, which MAX_TOKENS bounds; none is interned in the JVM's string table.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                // UTF-8 only (see notPlainUtf8): never guess another encoding from the first bytes.
                .disable(JsonFactory.Feature.CHARSET_DETECTION)
                .build())
                // No FAIL_ON_TRAILING_TOKENS: JsonBody reads values mid-stream and checks the end itself.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        json.getFactory().configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);
    }

    /** @return the largest body a valid submit can have; larger ones are refused unread */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * @param body the raw request body
     * @return the job, or the first error
     */
    public Outcome validate(byte[] body) {
        if (notPlainUtf8(body)) {
            return fail(ContractError.invalidFormat("request body must be JSON in UTF-8 without a byte order mark"));
        }
        JsonBody.Parsed parsed;
        try {
            parsed = JsonBody.parse(json, body, fields.keySet());
        } catch (StreamConstraintsException e) {
            return fail(ContractError.invalidFormat(String.valueOf(e.getMessage()).startsWith("Token count")
                    ? "request body must hold at most " + MAX_TOKENS + " JSON tokens (names, values, brackets)"
                    : "invalid JSON format"));
        } catch (IOException | RuntimeException e) {
            return fail(ContractError.invalidFormat("invalid JSON format"));
        }
        if (parsed.shape() == JsonBody.Shape.NOT_AN_OBJECT) {
            return fail(ContractError.invalidFormat("request body must be a JSON object"));
        }
        Outcome outcome = check(parsed.root());
        return new Outcome(outcome.job(), outcome.error(), JsonBody.largeStrings(parsed.root()));
    }

    // check() has no loop of its own: each is in a method of its own. A loop in check() made the JIT compile all
    // of it twice while warming up (on-stack replacement first: 1.4 s of the only C2 thread, 64 KB of code).
    private Outcome check(JsonNode root) {
        ContractError error = firstMissing(root);
        if (error != null) {
            return fail(error);
        }
        Set<String> present = new HashSet<>();
        error = firstWrongType(root, present);
        if (error == null) {
            error = firstOutOfRange(root, present);
        }
        if (error != null) {
            return fail(error);
        }
        String effectName = root.get(effectField).asText();
        JsonNode durationNode = root.get(durationField);
        Integer duration = absent(durationNode) ? null : durationNode.intValue();
        ContractError catalogError = catalogRules.check(effectName, present, duration).orElse(null);
        if (catalogError != null) {
            return fail(catalogError);
        }
        Effect effect = catalogRules.catalog().find(effectName).orElseThrow();
        String imageField = catalogRules.imageFieldFor(effect.persons());
        error = firstBadImage(imageField, root.get(imageField));
        if (error != null) {
            return fail(error);
        }
        return new Outcome(new EffectJob(effect, duration), null);
    }

    private ContractError firstMissing(JsonNode root) {
        for (String name : required) {
            if (absent(root.get(name))) {
                return ContractError.invalidParameters("parameter '" + name + "' is required");
            }
        }
        return null;
    }

    /** Fills {@code present} with the fields given, up to the first of the wrong type. */
    private ContractError firstWrongType(JsonNode root, Set<String> present) {
        for (FieldRule field : fields.values()) {
            JsonNode value = root.get(field.name());
            if (!absent(value)) {
                present.add(field.name());
                ContractError error = SchemaChecks.type(field, field.name(), value);
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    private ContractError firstOutOfRange(JsonNode root, Set<String> present) {
        for (String name : present) {
            ContractError error = SchemaChecks.range(fields.get(name), name, root.get(name));
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private ContractError firstBadImage(String imageField, JsonNode imageNode) {
        ImageInspector inspector = inspectors.get(imageField);
        if (inspector == null) {
            return null;
        }
        List<JsonNode> images = new ArrayList<>();
        if (imageNode.isArray()) {
            imageNode.forEach(images::add);
        } else {
            images.add(imageNode);
        }
        for (int i = 0; i < images.size(); i++) {
            String parameter = imageNode.isArray() ? imageField + "[" + i + "]" : imageField;
            ContractError error = inspector.inspect(parameter, JsonBody.chars(images.get(i))).orElse(null);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /**
     * A byte order mark, or the zero bytes UTF-16 and UTF-32 put around ASCII: JSON text starts with ASCII
     * whitespace or a value, and a raw zero byte is never valid JSON, so only other encodings start so.
     */
    private static boolean notPlainUtf8(byte[] body) {
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        int first = body.length == 0 ? -1 : body[0] & 0xFF;
        return first == 0xEF || first == 0xFE || first == 0xFF;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static Outcome fail(ContractError error) {
        return new Outcome(null, error);
    }
}
