package dev.klingeffects.mock.support;

import java.util.Map;

/** Paths, headers and bodies the tests share. */
public final class Requests {

    /** The submit path. */
    public static final String SUBMIT = "/api/v1/image-to-video/kling/kling-video-effects/async";
    /** The poll path, without the id. */
    public static final String TASKS = "/api/v1/tasks/";
    /** A key the tests use. */
    public static final String KEY = "test-key-1";
    /** Authorization with {@link #KEY}. */
    public static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + KEY);

    private Requests() {}

    /** @return Authorization with the given key */
    public static Map<String, String> auth(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    /** @return a valid single-image body */
    public static String singleImage(String effect) {
        return "{\"effect_scene\": \"" + effect + "\", \"image\": \"https://example.com/cat.jpg\"}";
    }

    /** @return a valid two-person body */
    public static String twoPerson(String effect) {
        return "{\"effect_scene\": \"" + effect + "\", \"images\": [\"https://example.com/a.jpg\", \"https://example.com/b.jpg\"]}";
    }

    /** @return a body with one Base64 image */
    public static String base64Image(String base64) {
        return "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + base64 + "\"}";
    }
}
