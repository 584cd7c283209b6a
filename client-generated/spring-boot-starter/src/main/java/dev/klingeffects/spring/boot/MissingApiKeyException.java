package dev.klingeffects.spring.boot;

/**
 * No usable key: neither {@code modellix.api-key} nor {@code MODELLIX_API_KEY} is set, or the property holds an
 * unresolved placeholder or text after the key. The client cannot be built; the message never shows the key.
 */
public class MissingApiKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    MissingApiKeyException() {
        this("No Modellix API key");
    }

    MissingApiKeyException(String what) {
        super(what + ": set the property modellix.api-key or the environment variable "
                + KlingEffectsAutoConfiguration.API_KEY_VARIABLE + " (or define a KlingEffectsClient bean of your own)");
    }
}
