package dev.klingeffects.contract;

import java.util.List;

/**
 * One effect template of the catalog.
 *
 * @param name      the {@code effect_scene} value
 * @param persons   how many people it takes: 1 (field {@code image}) or 2 (field {@code images})
 * @param durations the video durations in seconds it supports
 */
public record Effect(String name, int persons, List<Integer> durations) {

    /** Copies the list so the record stays immutable. */
    public Effect {
        durations = List.copyOf(durations);
    }
}
