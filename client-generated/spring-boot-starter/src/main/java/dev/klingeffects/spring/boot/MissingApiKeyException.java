package dev.klingeffects.spring.boot;

/** Neither {@code modellix.api-key} nor {@code MODELLIX_API_KEY} is set: the client cannot be built. */
public class MissingApiKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    MissingApiKeyException() {
        super("No Modellix API key: set the property modellix.api-key or the environment variable "
                + KlingEffectsAutoConfiguration.API_KEY_VARIABLE + " (or define a KlingEffectsClient bean of your own)");
    }
}
