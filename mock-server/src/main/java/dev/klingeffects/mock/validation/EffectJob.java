package dev.klingeffects.mock.validation;

/**
 * A submit that passed every rule.
 *
 * @param effect   the effect name
 * @param persons  how many people the effect takes
 * @param imageCount how many images were sent
 * @param duration the requested duration in seconds, or null for the effect's default
 */
public record EffectJob(String effect, int persons, int imageCount, Integer duration) {}
