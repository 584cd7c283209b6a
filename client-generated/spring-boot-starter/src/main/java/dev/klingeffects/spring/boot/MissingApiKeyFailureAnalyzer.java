package dev.klingeffects.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing key into Spring Boot's "APPLICATION FAILED TO START" report: what is missing, what to set. */
class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
        return new FailureAnalysis("The Modellix client has no API key.",
                "Set the property modellix.api-key (for example from a secret) or the environment variable "
                        + KlingEffectsAutoConfiguration.API_KEY_VARIABLE + ".", cause);
    }
}
