package dev.klingeffects.mock.conformance;

import dev.klingeffects.contract.Effect;
import dev.klingeffects.contract.EffectCatalog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The requests the probe sends. The free ones are all requests upstream refuses before billing (a
 * validation error, no or a wrong key, an unknown task, a wrong method); billable ones are sent only
 * when the user allows them.
 */
final class ProbeCases {

    private static final String URL = "https://example.com/conformance-probe.jpg";

    private final String submit;
    private final String tasks;

    ProbeCases(String submitPath, String taskPathPrefix) {
        this.submit = submitPath;
        this.tasks = taskPathPrefix;
    }

    private static Map<String, String> keyed(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + ProbeCase.KEY);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private ProbeCase submit(String name, String body) {
        return ProbeCase.free(name, "POST", submit, keyed("application/json"), body);
    }

    /** @return every free case: validation errors, authentication, unknown tasks, wrong methods */
    List<ProbeCase> free() {
        List<ProbeCase> cases = new ArrayList<>();
        String valid = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + URL + "\"}";
        cases.add(ProbeCase.free("submit without Authorization", "POST", submit, Map.of("Content-Type", "application/json"), valid));
        cases.add(ProbeCase.free("submit with an invalid key", "POST", submit,
                Map.of("Authorization", "Bearer conformance-probe-invalid-key", "Content-Type", "application/json"), valid));
        cases.add(submit("body that is not JSON", "{\"effect_scene\": "));
        cases.add(submit("missing effect_scene", "{\"image\": \"" + URL + "\"}"));
        cases.add(submit("effect_scene of the wrong type", "{\"effect_scene\": 5, \"image\": \"" + URL + "\"}"));
        cases.add(submit("empty effect_scene", "{\"effect_scene\": \"\", \"image\": \"" + URL + "\"}"));
        cases.add(submit("unknown effect close to a known one", "{\"effect_scene\": \"hug\", \"images\": [\"" + URL + "\", \"" + URL + "\"]}"));
        cases.add(submit("two-person effect sent one image", "{\"effect_scene\": \"hug_pro\", \"image\": \"" + URL + "\"}"));
        cases.add(submit("single-image effect sent two images", "{\"effect_scene\": \"pet_lion_pro\", \"images\": [\"" + URL + "\", \"" + URL + "\"]}"));
        cases.add(submit("both image and images", "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + URL + "\", \"images\": [\"" + URL + "\", \"" + URL + "\"]}"));
        cases.add(submit("neither image nor images", "{\"effect_scene\": \"pet_lion_pro\"}"));
        cases.add(submit("duration outside the enum", "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + URL + "\", \"duration\": 7}"));
        cases.add(submit("duration the effect does not support", "{\"effect_scene\": \"hug_pro\", \"images\": [\"" + URL + "\", \"" + URL + "\"], \"duration\": 10}"));
        cases.add(submit("image that is neither a URL nor Base64", "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"not an image\"}"));
        cases.add(submit("Base64 image with a data: prefix", "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"data:image/png;base64," + png(400, 400) + "\"}"));
        cases.add(submit("Base64 image below the minimum resolution", "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + png(100, 100) + "\"}"));
        cases.add(submit("Base64 image with an extreme aspect ratio", "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + png(300, 1000) + "\"}"));
        cases.add(ProbeCase.free("submit with Content-Type text/plain", "POST", submit, keyed("text/plain"), valid));
        cases.add(ProbeCase.free("poll of an unknown task", "GET", tasks + "task-conformance-probe-unknown", keyed(null), null));
        cases.add(ProbeCase.free("poll without Authorization", "GET", tasks + "task-conformance-probe-unknown", Map.of(), null));
        cases.add(ProbeCase.free("GET on the submit path", "GET", submit, keyed(null), null));
        cases.add(ProbeCase.free("PUT on a task", "PUT", tasks + "task-conformance-probe-unknown", keyed("application/json"), "{}"));
        return cases;
    }

    /**
     * One case per catalog effect, each with an image upstream must refuse (so none is billed): an
     * effect upstream no longer knows answers "must be a supported effect" instead of the image error.
     */
    List<ProbeCase> effects(EffectCatalog catalog) {
        List<ProbeCase> cases = new ArrayList<>();
        for (Effect effect : catalog.all()) {
            String images = effect.persons() == 1 ? "\"image\": \"not an image\"" : "\"images\": [\"not an image\", \"not an image\"]";
            cases.add(submit("effect " + effect.name(), "{\"effect_scene\": \"" + effect.name().replace("\"", "\\\"")
                    + "\", " + images + "}"));
        }
        return cases;
    }

    /** @return a billable submit of a real effect with the user's image */
    ProbeCase billableSubmit(String imageUrl) {
        return new ProbeCase("billable submit (pet_lion_pro, 5 s)", "POST", submit, keyed("application/json"),
                "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"" + imageUrl + "\", \"duration\": 5}", true);
    }

    /** @return a poll of a task the probe created */
    ProbeCase poll(String taskId) {
        return ProbeCase.free("poll of " + taskId, "GET", tasks + taskId, keyed(null), null);
    }

    static String png(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
