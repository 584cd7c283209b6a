package dev.klingeffects.mock.validation;

import dev.klingeffects.contract.Effect;

/**
 * A submit that passed every rule.
 *
 * @param effect   the catalog's effect
 * @param duration the requested duration in seconds, or null for the effect's default
 */
public record EffectJob(Effect effect, Integer duration) {

    /** @return the video length: the requested duration, else the effect's first (default) one */
    public int videoSeconds() {
        return duration != null ? duration : effect.durations().get(0);
    }
}
