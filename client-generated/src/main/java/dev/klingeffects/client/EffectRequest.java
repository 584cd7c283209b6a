package dev.klingeffects.client;

import java.util.List;
import java.util.Objects;

/**
 * What to render: an effect and its image(s), optionally a duration. Single-image effects take
 * one image ({@link #singleImage}); the four two-person effects take a left and a right image
 * ({@link #twoPerson}). Immutable.
 */
public final class EffectRequest {

    private final String effect;
    private final List<EffectImage> images;
    private final boolean twoPerson;
    private final Integer durationSeconds;

    private EffectRequest(String effect, List<EffectImage> images, boolean twoPerson, Integer durationSeconds) {
        this.effect = Objects.requireNonNull(effect, "effect");
        this.images = List.copyOf(images);
        this.twoPerson = twoPerson;
        this.durationSeconds = durationSeconds;
    }

    /**
     * @param effect an effect of the catalog, e.g. {@code pet_lion_pro}
     * @param image  an http(s) URL or Base64 without {@code data:} prefix
     * @return a single-image request
     */
    public static EffectRequest singleImage(String effect, String image) {
        return singleImage(effect, EffectImage.of(image));
    }

    /**
     * @param effect an effect of the catalog
     * @param image  the image
     * @return a single-image request
     */
    public static EffectRequest singleImage(String effect, EffectImage image) {
        return new EffectRequest(effect, List.of(image), false, null);
    }

    /**
     * @param effect one of {@code cheers_2026}, {@code fight_pro}, {@code hug_pro}, {@code heart_gesture_pro}
     * @param left   the person placed left (URL or Base64)
     * @param right  the person placed right (URL or Base64)
     * @return a two-person request
     */
    public static EffectRequest twoPerson(String effect, String left, String right) {
        return twoPerson(effect, EffectImage.of(left), EffectImage.of(right));
    }

    /**
     * @param effect a two-person effect
     * @param left   the person placed left
     * @param right  the person placed right
     * @return a two-person request
     */
    public static EffectRequest twoPerson(String effect, EffectImage left, EffectImage right) {
        return new EffectRequest(effect, List.of(left, right), true, null);
    }

    /**
     * @param seconds 5 or 10, as the effect supports
     * @return a copy with that video duration
     */
    public EffectRequest withDuration(int seconds) {
        return new EffectRequest(effect, images, twoPerson, seconds);
    }

    /** @return the effect name */
    public String effect() {
        return effect;
    }

    /** @return the images, one or two */
    public List<EffectImage> images() {
        return images;
    }

    /** @return whether the images go in {@code images} (two-person) rather than {@code image} */
    public boolean twoPerson() {
        return twoPerson;
    }

    /** @return the requested duration in seconds, or null for the effect's default */
    public Integer durationSeconds() {
        return durationSeconds;
    }

    @Override
    public String toString() {
        return "EffectRequest[" + effect + ", " + images + (durationSeconds == null ? "" : ", " + durationSeconds + " s") + "]";
    }
}
