package dev.klingeffects.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request rules a schema cannot express, read from the spec's {@code x-effect-catalog} and
 * the request schema's {@code not: {required: [...]}} (fields that must not be sent together): the
 * effect exists, the image field matches its person count, the duration is one it supports. Shared by the client's pre-checks and the mock, so both say the same thing.
 */
public final class CatalogRules {

    private final EffectCatalog catalog;
    private final String effectField;
    private final String durationField;
    private final Map<Integer, String> imageFieldByPersons;
    private final List<String> exclusiveFields;

    private CatalogRules(EffectCatalog catalog, String effectField, String durationField,
                         Map<Integer, String> imageFieldByPersons, List<String> exclusiveFields) {
        this.catalog = catalog;
        this.effectField = effectField;
        this.durationField = durationField;
        this.imageFieldByPersons = Map.copyOf(imageFieldByPersons);
        this.exclusiveFields = List.copyOf(exclusiveFields);
    }

    /**
     * Reads the rules from the spec and its catalog.
     *
     * @param spec    the spec
     * @param catalog the catalog the spec names
     * @return the compiled rules
     */
    public static CatalogRules from(ContractSpec spec, EffectCatalog catalog) {
        JsonNode request = spec.schema("EffectTaskRequest");
        JsonNode extension = request.path("x-effect-catalog");
        Map<Integer, String> byPersons = new HashMap<>();
        extension.path("image-field-by-persons").fields()
                .forEachRemaining(entry -> byPersons.put(Integer.valueOf(entry.getKey()), entry.getValue().asText()));
        List<String> exclusive = new ArrayList<>();
        request.path("not").path("required").forEach(field -> exclusive.add(field.asText()));
        return new CatalogRules(catalog, extension.path("effect-field").asText(),
                extension.path("duration-field").asText(), byPersons, exclusive);
    }

    /** @return the catalog the rules check against */
    public EffectCatalog catalog() {
        return catalog;
    }

    /** @return the fields of which exactly one must be sent ({@code image}, {@code images}) */
    public List<String> exclusiveFields() {
        return exclusiveFields;
    }

    /**
     * @param persons an effect's person count
     * @return the field that carries its images
     */
    public String imageFieldFor(int persons) {
        return imageFieldByPersons.get(persons);
    }

    /**
     * Checks a request that already passed the schema.
     *
     * @param effectName    the {@code effect_scene} sent
     * @param presentFields the names of the fields sent with a non-null value
     * @param duration      the duration sent, or null
     * @return the first rule broken, in the documented order
     */
    public Optional<ContractError> check(String effectName, Set<String> presentFields, Integer duration) {
        List<String> sentExclusive = exclusiveFields.stream().filter(presentFields::contains).toList();
        if (sentExclusive.size() > 1) {
            return Optional.of(ContractError.invalidParameters("parameters '" + String.join("' and '", sentExclusive)
                    + "' are mutually exclusive"));
        }
        Optional<Effect> found = catalog.find(effectName);
        if (found.isEmpty()) {
            String hint = catalog.suggestionFor(effectName).map(name -> " (did you mean '" + name + "'?)").orElse("");
            return Optional.of(ContractError.invalidParameters("parameter '" + effectField
                    + "' must be a supported effect, got " + ContractError.quote(effectName) + hint));
        }
        Effect effect = found.get();
        String expected = imageFieldFor(effect.persons());
        if (!sentExclusive.isEmpty() && !sentExclusive.get(0).equals(expected)) {
            return Optional.of(ContractError.invalidParameters("effect '" + effect.name() + "' takes "
                    + effect.persons() + (effect.persons() == 1 ? " image" : " images") + " in parameter '"
                    + expected + "', not '" + sentExclusive.get(0) + "'"));
        }
        if (sentExclusive.isEmpty()) {
            return Optional.of(ContractError.invalidParameters("parameter '" + expected
                    + "' is required for effect '" + effect.name() + "'"));
        }
        if (duration != null && !effect.durations().contains(duration)) {
            return Optional.of(ContractError.valueOutOfRange("parameter '" + durationField + "' must be one of "
                    + effect.durations() + " for effect '" + effect.name() + "', got " + duration));
        }
        return Optional.empty();
    }
}
