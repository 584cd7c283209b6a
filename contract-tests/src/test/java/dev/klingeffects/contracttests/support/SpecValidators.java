package dev.klingeffects.contracttests.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/** Validators built from the spec's text. */
public final class SpecValidators {

    private SpecValidators() {}

    /** @return a validator that checks requests and responses */
    public static OpenApiInteractionValidator full(String specText) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(specText).build();
    }

    /** @return the {@link #responsesOnly(String)} validator of the contract's spec, built once per JVM */
    public static OpenApiInteractionValidator responses() {
        return Responses.VALIDATOR;
    }

    /** Building a validator parses the spec: seconds, so every acceptance test shares one. */
    private static final class Responses {
        private static final OpenApiInteractionValidator VALIDATOR = responsesOnly(ContractFiles.read(ContractFiles.spec()));
    }

    /**
     * A validator that checks responses only: acceptance tests send invalid requests on purpose,
     * and requests outside the spec's operations (unknown routes) have no response schema to meet.
     */
    public static OpenApiInteractionValidator responsesOnly(String specText) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(specText)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }
}
