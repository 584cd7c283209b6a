package dev.klingeffects.mock.validation;

import java.util.List;

/**
 * A submit that passed every rule.
 *
 * @param effect   the effect name
 * @param persons  how many people the effect takes
 * @param images   the image strings (URL or Base64), in order
 * @param duration the requested duration in seconds, or null for the effect's default
 */
public record EffectJob(String effect, int persons, List<String> images, Integer duration) {}
